// Line numbers for HCL blocks and arguments.
//
// hcl2json (the real HCL parser) returns JSON without source positions, so this
// module does a light structural scan of the same text: it only tracks block
// headers and argument names (skipping strings, heredocs, comments and bracketed
// expressions) to map a path such as
//   resource "azurerm_x" "y" > identity[1] > type
// to a line. tfcheck uses it for messages only (all its checks run on
// hcl2json's output); fmtrules uses the argument value spans it records.

const IDENT = /[A-Za-z_][\w-]*/y;

export function outline(text) {
  let i = 0;
  let line = 1;

  const peek = (s) => text.startsWith(s, i);
  const advance = (n = 1) => {
    for (let k = 0; k < n && i < text.length; k++, i++) if (text[i] === "\n") line++;
  };
  const skipToEol = () => { while (i < text.length && text[i] !== "\n") advance(); };
  const skipComment = () => {
    if (peek("#") || peek("//")) { skipToEol(); return true; }
    if (peek("/*")) {
      const end = text.indexOf("*/", i + 2);
      advance((end < 0 ? text.length : end + 2) - i);
      return true;
    }
    return false;
  };
  const skipBlanks = (newlines) => {
    for (;;) {
      if (text[i] === " " || text[i] === "\t" || text[i] === "\r" || (newlines && text[i] === "\n")) advance();
      else if (!skipComment()) return;
    }
  };
  const readIdent = () => {
    IDENT.lastIndex = i;
    const m = IDENT.exec(text);
    if (!m) return null;
    advance(m[0].length);
    return m[0];
  };
  // "..." with escapes and ${ } / %{ } interpolations (which may nest strings).
  const skipQuoted = () => {
    advance(); // opening quote
    while (i < text.length && text[i] !== '"' && text[i] !== "\n") {
      if (text[i] === "\\") advance(2);
      else if (peek("$${") || peek("%%{")) advance(3);
      else if (peek("${") || peek("%{")) { advance(2); skipExpr("}"); advance(); }
      else advance();
    }
    advance(); // closing quote
  };
  const readQuoted = () => {
    const start = i + 1;
    skipQuoted();
    return text.slice(start, i - 1);
  };
  const skipHeredoc = () => {
    const m = /<<-?([A-Za-z_]\w*)[ \t]*\r?\n/y;
    m.lastIndex = i;
    const h = m.exec(text);
    if (!h) { advance(2); return; }
    advance(h[0].length);
    while (i < text.length) {
      const eol = text.indexOf("\n", i);
      const content = text.slice(i, eol < 0 ? text.length : eol);
      advance((eol < 0 ? text.length : eol) - i);
      if (content.trim() === h[1]) return;
      advance(); // newline
    }
  };
  // An expression ends at a newline or at `stop` when no bracket is open.
  const skipExpr = (stop) => {
    let depth = 0;
    while (i < text.length) {
      const c = text[i];
      if (depth === 0 && (c === stop || (stop === "\n" && c === "}"))) return;
      if (c === '"') skipQuoted();
      else if (peek("<<")) skipHeredoc();
      else if (skipComment()) continue;
      else {
        if (c === "(" || c === "[" || c === "{") depth++;
        if (c === ")" || c === "]" || c === "}") depth--;
        advance();
      }
    }
  };

  const parseBody = (node) => {
    for (;;) {
      skipBlanks(true);
      if (i >= text.length) return;
      if (text[i] === "}") { advance(); return; }
      const at = line;
      const name = readIdent();
      if (name === null) { skipExpr("\n"); continue; } // not HCL we understand; hcl2json reports it
      skipBlanks(false);
      if (text[i] === "=" && text[i + 1] !== "=") {
        advance();
        const attr = { kind: "attr", name, line: at, valueStart: i, valueEnd: i };
        node.children.push(attr);
        skipExpr("\n");
        attr.valueEnd = i;
        continue;
      }
      const labels = [];
      let bareLabels = false;
      for (;;) {
        skipBlanks(false);
        if (text[i] === '"') labels.push(readQuoted());
        else if (/[A-Za-z_]/.test(text[i] ?? "")) { labels.push(readIdent()); bareLabels = true; }
        else break;
      }
      if (text[i] !== "{") { skipExpr("\n"); continue; }
      advance();
      const block = { kind: "block", name, labels, bareLabels, line: at, children: [] };
      node.children.push(block);
      parseBody(block);
    }
  };

  const root = { kind: "block", name: "", labels: [], line: 1, children: [] };
  while (i < text.length) parseBody(root);
  return root;
}

// Finds the line of a path of steps, each {name, index?, dynamic?, labels?}:
// a step matches the index-th child argument or block called `name` (or, with
// dynamic, the index-th `dynamic "name"` block). Returns the line of the deepest
// step found, or null if even the first step is missing.
export function lineOf(root, steps) {
  let node = root;
  let line = null;
  for (const step of steps) {
    const matches = node.children.filter((c) => (step.dynamic
      ? c.kind === "block" && c.name === "dynamic" && c.labels[0] === step.name
      : c.name === step.name && (!step.labels || step.labels.join("\0") === c.labels.join("\0"))));
    const found = matches[step.index ?? 0];
    if (!found) break;
    line = found.line;
    if (found.kind !== "block") break;
    node = found;
  }
  return line;
}
