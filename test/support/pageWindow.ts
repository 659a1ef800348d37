/**
 * A page's window as `createServices` reads it (src/app/createServices.ts): its address, its own local and session
 * storage, message events (none) and `open`. Its parent is itself, as for a page that is not framed.
 */
export const pageWindow = (path: string): Window => {
  const storage = () => {
    const items = new Map<string, string>();
    return {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    };
  };
  const win = {
    location: new URL(`http://localhost:5300${path}`),
    localStorage: storage(),
    sessionStorage: storage(),
    addEventListener: () => undefined,
    open: () => null,
  } as unknown as Window & { parent: unknown };
  win.parent = win;
  return win;
};
