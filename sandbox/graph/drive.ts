import type { Router } from '../router';

export const registerDrive = (_router: Router): void => {};
