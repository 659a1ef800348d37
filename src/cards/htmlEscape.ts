/**
 * User text in HTML (the chat message body, the e-mail): every character with a meaning in HTML becomes an entity,
 * so a name like `<at id="0">Peter</at>` or `<img onerror=…>` is shown, never interpreted.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
