import type { Router } from '../router';

export const registerCalendar = (_router: Router): void => {};
