import type { Router } from './router';

export const registerBatch = (_router: Router): void => {};
