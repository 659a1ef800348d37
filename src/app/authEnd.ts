import { handBackSignIn } from '../adapters/auth/redirectBridge';

/**
 * auth-end.html: where the browser sign-in's popup and silent iframe return (see createServices' AUTH_END_PAGE).
 * It only hands the answer back to the plans page; opened any other way it says so on the page and does nothing.
 */
handBackSignIn().catch(() => {
  document.getElementById('failed')?.removeAttribute('hidden');
});
