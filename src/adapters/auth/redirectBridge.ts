import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

/**
 * The page MSAL's standard client returns to (auth-end.html, its popup and silent iframe): MSAL 5 reads the answer
 * here and hands it to the page that asked, over a BroadcastChannel named by the request, then closes the popup.
 * Nothing else runs on that page (a full app page as redirect target would start the app instead of answering).
 */
export const handBackSignIn = (): Promise<void> => broadcastResponseToMainFrame();
