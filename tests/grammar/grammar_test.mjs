// Tokenizes every example with the extension's TextMate grammar, using the
// tokenizer VS Code itself uses (vscode-textmate with the Oniguruma regular
// expressions of vscode-oniguruma), and asserts the scopes of keywords,
// attribute names, strings, durations, CIDRs, country codes and comments.
//   node tests/grammar/grammar_test.mjs
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..', '..');
const require = createRequire(path.join(root, 'tests', 'validate', 'package.json'));
const textmate = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
const registry = new textmate.Registry({
  onigLib: Promise.resolve({
    createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
    createOnigString: (s) => new oniguruma.OnigString(s),
  }),
  loadGrammar: async (scopeName) => {
    if (scopeName !== 'source.topo') return null;
    const file = path.join(root, 'editors', 'vscode', 'syntaxes', 'topo.tmLanguage.json');
    return textmate.parseRawGrammar(readFileSync(file, 'utf8'), file);
  },
});
const grammar = await registry.loadGrammar('source.topo');

// Each line as [{text, scopes}], the rule stack carried across lines.
function tokenize(text) {
  let stack = textmate.INITIAL;
  return text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

// The innermost scope of the token that is exactly `text` on 1-based `line`.
function scopeOf(lines, line, text, nth = 0) {
  const found = lines[line - 1].filter((t) => t.text === text);
  assert.ok(found.length > nth, `line ${line} has no token ${JSON.stringify(text)}: ${JSON.stringify(lines[line - 1])}`);
  return found[nth].scopes.at(-1);
}
function scopesOf(lines, line, text) {
  return lines[line - 1].find((t) => t.text === text)?.scopes ?? [];
}

const examples = path.join(root, 'examples');
const files = readdirSync(examples).filter((f) => f.endsWith('.topo')).sort();
assert.ok(files.length >= 6, files.join());
const tokenized = {};
for (const f of files) {
  tokenized[f] = tokenize(readFileSync(path.join(examples, f), 'utf8'));
  tokenized[f].forEach((tokens, i) => {
    for (const t of tokens) {
      const bad = t.scopes.find((s) => s.startsWith('invalid'));
      assert.equal(bad, undefined, `${f}:${i + 1}: ${JSON.stringify(t.text)} is ${bad}`);
    }
  });
}
// The invalid examples tokenize too (their mistakes are semantic, or syntax
// the grammar need not reject).
for (const f of readdirSync(path.join(examples, 'invalid')).filter((x) => x.endsWith('.topo'))) {
  tokenize(readFileSync(path.join(examples, 'invalid', f), 'utf8'));
}

const minimal = tokenized['minimal.topo'];
assert.equal(scopeOf(minimal, 1, '#'), 'punctuation.definition.comment.topo');
assert.ok(scopesOf(minimal, 1, ' The smallest useful topology: one residency boundary and two regions that').includes('comment.line.number-sign.topo'));
assert.equal(scopeOf(minimal, 3, 'topology'), 'keyword.other.block.topo');
assert.equal(scopeOf(minimal, 3, 'minimal'), 'string.quoted.double.topo');
assert.equal(scopeOf(minimal, 3, '{'), 'punctuation.section.block.begin.topo');
assert.equal(scopeOf(minimal, 4, 'naming'), 'keyword.other.block.topo');
assert.equal(scopeOf(minimal, 4, 'suffix'), 'variable.other.property.topo');
assert.equal(scopeOf(minimal, 4, 'auto'), 'constant.other.value.topo');
assert.equal(scopeOf(minimal, 5, 'boundary'), 'keyword.other.block.topo');
assert.equal(scopeOf(minimal, 5, 'geography'), 'variable.other.property.topo');
assert.equal(scopeOf(minimal, 5, 'united-states'), 'constant.other.value.topo');
assert.equal(scopeOf(minimal, 8, 'location'), 'variable.other.property.topo');
assert.equal(scopeOf(minimal, 8, '='), 'keyword.operator.assignment.topo');
assert.equal(scopeOf(minimal, 8, 'eastus'), 'constant.other.value.topo');
assert.equal(scopeOf(minimal, 10, '10.1.0.0/16'), 'constant.numeric.cidr.topo');

// Several attributes on one line: each value stays a value, each key a key.
const canada = tokenized['canada-warm-standby.topo'];
assert.equal(scopeOf(canada, 14, 'objectives'), 'keyword.other.block.topo');
assert.equal(scopeOf(canada, 14, 'rto'), 'variable.other.property.topo');
assert.equal(scopeOf(canada, 14, '4h'), 'constant.numeric.duration.topo');
assert.equal(scopeOf(canada, 14, 'rpo'), 'variable.other.property.topo');
assert.equal(scopeOf(canada, 14, '1h'), 'constant.numeric.duration.topo');
assert.equal(scopeOf(canada, 45, 'sku'), 'variable.other.property.topo');
assert.equal(scopeOf(canada, 45, 'standard'), 'constant.other.value.topo');
assert.equal(scopeOf(canada, 45, 'soft_delete'), 'variable.other.property.topo');
assert.equal(scopeOf(canada, 45, '90d'), 'constant.numeric.duration.topo');
assert.equal(scopeOf(canada, 45, 'true'), 'constant.language.boolean.topo');
assert.equal(scopeOf(tokenized['dr-platform.topo'], 15, '5m'), 'constant.numeric.duration.topo');

// Country codes of a Front Door geo route, a string in a list.
const rag = tokenized['rag-platform.topo'];
assert.equal(scopeOf(rag, 161, 'geo'), 'variable.other.property.topo');
assert.equal(scopeOf(rag, 161, 'eu'), 'string.quoted.double.topo');
assert.equal(scopeOf(rag, 161, 'DE'), 'constant.other.country-code.topo');
assert.equal(scopeOf(rag, 162, 'US'), 'constant.other.country-code.topo');
assert.equal(scopeOf(rag, 155, '/api/*'), 'string.quoted.double.topo');
assert.equal(scopeOf(rag, 156, 'https_only'), 'variable.other.property.topo');
assert.equal(scopeOf(rag, 156, 'true'), 'constant.language.boolean.topo');

// The comment forms and escapes the grammar of the language accepts
// (dsl/grammar.h): `#`, `//`, `/* ... */` across lines, C-like escapes.
const sample = tokenize([
  '// a line comment',
  'topology "a\\"b\\u{1F600}" { /* a block',
  '   comment */ mode = active-active # trailing',
  '  cosmos { consistency = bounded-staleness  staleness { interval = 30m } }',
  '  region "weu" { address = 10.1.0.0/16  zones = [1, 2, 3] }',
  '  bad = "\\q"',
  '}',
].join('\n'));
assert.equal(scopeOf(sample, 1, '//'), 'punctuation.definition.comment.topo');
assert.ok(scopesOf(sample, 1, ' a line comment').includes('comment.line.double-slash.topo'));
assert.equal(scopeOf(sample, 2, '\\"'), 'constant.character.escape.topo');
assert.equal(scopeOf(sample, 2, '\\u{1F600}'), 'constant.character.escape.topo');
assert.equal(scopeOf(sample, 2, '/*'), 'punctuation.definition.comment.begin.topo');
assert.ok(scopesOf(sample, 2, ' a block').includes('comment.block.topo'));
assert.ok(scopesOf(sample, 3, '   comment ').includes('comment.block.topo'));
assert.equal(scopeOf(sample, 3, 'mode'), 'variable.other.property.topo');
assert.equal(scopeOf(sample, 3, 'active-active'), 'constant.other.value.topo');
assert.ok(scopesOf(sample, 3, ' trailing').includes('comment.line.number-sign.topo'));
assert.equal(scopeOf(sample, 4, 'staleness'), 'keyword.other.block.topo');
assert.equal(scopeOf(sample, 4, 'interval'), 'variable.other.property.topo');
assert.equal(scopeOf(sample, 4, '30m'), 'constant.numeric.duration.topo');
assert.equal(scopeOf(sample, 5, 'weu'), 'string.quoted.double.topo');
assert.equal(scopeOf(sample, 5, '1'), 'constant.numeric.topo');
assert.equal(scopeOf(sample, 6, '\\q'), 'invalid.illegal.escape.topo');

console.log(`grammar: ${files.length} examples tokenized, scopes as expected`);
