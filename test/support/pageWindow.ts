/**
 * A page's window as `createServices` reads it (src/app/createServices.ts): its address, its own local and session
 * storage, message events (none) and `open`. Its parent is itself, as for a page that is not framed, unless
 * `framed` (as Teams, Outlook and the Microsoft 365 app show the app: in an iframe).
 */
export const pageWindow = (path: string, { framed = false }: { framed?: boolean } = {}): Window => {
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
  win.parent = framed ? ({ postMessage: () => undefined } as unknown as Window) : win;
  return win;
};
