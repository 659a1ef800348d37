/**
 * The renderer the composition root injects into deliverMinutes: the real card and e-mail builders from src/cards
 * (the domain may not import src/cards). Tests use exactly what the app sends.
 */
export { renderMinutes as cardsRenderer } from '../../src/cards/renderMinutes';
