/** A port whose every method returns a promise, so a call can wait for the adapter's code to arrive. */
type AsyncPort<T> = { [K in keyof T]: T[K] extends (...args: never[]) => Promise<unknown> ? T[K] : never };

/**
 * A port whose adapter is loaded on its first call, not with the page: the side panel renders without the code
 * that books, pins or sends, and fetches it when the user does one of those. A failed load is tried again on the
 * next call (webpack forgets a chunk that did not arrive), and the caller sees the error as from the adapter.
 */
export const lazyPort = <T extends AsyncPort<T>>(load: () => Promise<T>): T => {
  let loading: Promise<T> | null = null;
  const adapter = (): Promise<T> => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
  const methods = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  return new Proxy({} as T, {
    get(_target, name) {
      // Not a thenable (`await port` must not call the adapter), and no symbol-named methods on a port.
      if (typeof name !== 'string' || name === 'then') return undefined;
      let method = methods.get(name);
      if (!method) {
        method = (...args: unknown[]) =>
          adapter().then((port) => (port[name as keyof T] as (...a: unknown[]) => Promise<unknown>).apply(port, args));
        methods.set(name, method);
      }
      return method;
    },
  });
};
