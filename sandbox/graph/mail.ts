import type { Router } from '../router';

export const registerMail = (_router: Router): void => {};
