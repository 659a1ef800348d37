import type { Router } from '../router';

export const registerChats = (_router: Router): void => {};
