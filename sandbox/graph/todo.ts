import type { Router } from '../router';

export const registerTodo = (_router: Router): void => {};
