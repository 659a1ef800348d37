import ts from 'typescript';

/** A source file's syntax tree (TSX for `.tsx` files), for the architecture tests that read the code. */
export const parse = (file: string, text: string): ts.SourceFile =>
  ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );

/** Visits `node` and everything below it. */
export const walk = (node: ts.Node, visit: (node: ts.Node) => void): void => {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
};

/** Whether any identifier below `node` is one of `names`. */
export const mentions = (node: ts.Node, names: ReadonlySet<string>): boolean => {
  let found = false;
  walk(node, (n) => {
    if (ts.isIdentifier(n) && names.has(n.text)) found = true;
  });
  return found;
};
