// References (var.X, local.X, module.X.Y, data.T.N, T.N) in hcl2json values.
//
// hcl2json renders every non-literal expression as a template string
// ("${var.x}", "rg-${var.name}", "${jsonencode({a = \"${local.y}\"})}"). Only the
// code inside ${ } and %{ } is scanned; literal text, including literal parts
// of strings nested inside expressions, is skipped, so a description such as
// "see azurerm_foo.bar" is not taken for a reference.

// Returns the code fragments of a template string.
export function codeOf(template) {
  const code = [];
  let i = 0;
  const scanTemplate = (closing) => {
    while (i < template.length) {
      if (closing && template[i] === closing) { i++; return; }
      if (closing && template[i] === "\\") { i += 2; continue; }
      if (template.startsWith("$${", i) || template.startsWith("%%{", i)) { i += 3; continue; }
      if (template.startsWith("${", i) || template.startsWith("%{", i)) {
        i += 2;
        code.push(scanExpr());
        continue;
      }
      i++;
    }
  };
  // Up to the `}` closing the interpolation; nested strings are templates again.
  const scanExpr = () => {
    let depth = 0;
    let out = "";
    while (i < template.length) {
      const c = template[i];
      if (c === '"') { i++; out += " "; scanTemplate('"'); continue; }
      if (c === "{") depth++;
      if (c === "}" && depth-- === 0) { i++; break; }
      out += c;
      i++;
    }
    return out;
  };
  scanTemplate(null);
  return code;
}

const NAME = "[A-Za-z_][\\w-]*";
const INDEX = "(?:\\[[^\\]]*\\])?";
const NOT_ATTR = "(?<![\\w.])"; // not an attribute of something else (x.var.y)
const PATTERNS = [
  ["var", new RegExp(`${NOT_ATTR}var\\.(${NAME})`, "g")],
  ["local", new RegExp(`${NOT_ATTR}local\\.(${NAME})`, "g")],
  ["module", new RegExp(`${NOT_ATTR}module\\.(${NAME})${INDEX}(?:\\.(${NAME}))?`, "g")],
  ["data", new RegExp(`${NOT_ATTR}data\\.(${NAME})\\.(${NAME})`, "g")],
  ["resource", new RegExp(`${NOT_ATTR}([a-z][a-z0-9]*)_(\\w+)\\.(${NAME})`, "g")],
];

// Yields {kind, name, attr?, type?} for every reference in a code fragment.
// Resource references are recognised by their provider prefix (azurerm_...,
// random_...), given as a Set, so that `s.name` in a for expression is not one.
export function* referencesIn(code, providers) {
  for (const [kind, re] of PATTERNS) {
    for (const m of code.matchAll(re)) {
      if (kind === "resource") {
        if (providers.has(m[1])) yield { kind, type: `${m[1]}_${m[2]}`, name: m[3] };
      } else if (kind === "module") yield { kind, name: m[1], attr: m[2] };
      else if (kind === "data") yield { kind, type: m[1], name: m[2] };
      else yield { kind, name: m[1] };
    }
  }
}

// Walks any hcl2json value and yields [keyPath, reference] for all its strings
// (object keys included: map keys may be expressions). `skip(keyPath)` prunes.
export function* walkReferences(value, providers, skip = () => false, keyPath = []) {
  if (skip(keyPath)) return;
  if (typeof value === "string") {
    for (const code of codeOf(value)) for (const ref of referencesIn(code, providers)) yield [keyPath, ref];
  } else if (Array.isArray(value)) {
    for (const v of value) yield* walkReferences(v, providers, skip, keyPath);
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      for (const code of codeOf(k)) for (const ref of referencesIn(code, providers)) yield [keyPath, ref];
      yield* walkReferences(v, providers, skip, [...keyPath, k]);
    }
  }
}
