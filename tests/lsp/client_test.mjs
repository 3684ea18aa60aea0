// Drives `topoc lsp` with a real JSON-RPC client (vscode-jsonrpc, the
// library VS Code's language client is built on): open a document with a
// mistake, fix it with an incremental edit, and ask for hover, definition,
// references, completion and formatting. Exact codes and ranges throughout.
//   node tests/lsp/client_test.mjs build/topoc
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', 'validate', 'package.json'));
const rpc = require('vscode-jsonrpc/node');

const topoc = process.argv[2];
const server = spawn(topoc, ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = rpc.createMessageConnection(
  new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));

// Diagnostics arrive as notifications; each test step waits for the next one.
const published = [];
let waiting = null;
connection.onNotification('textDocument/publishDiagnostics', (params) => {
  published.push(params);
  if (waiting) { const w = waiting; waiting = null; w(); }
});
const nextDiagnostics = async () => {
  if (published.length === 0) await new Promise((resolve) => { waiting = resolve; });
  return published.shift();
};
connection.listen();

const uri = 'file:///work/shop.topo';
const text = readFileSync(path.join(here, 'shop.topo'), 'utf8');
const at = (line, character) => ({ textDocument: { uri }, position: { line, character } });
const range = (l1, c1, l2, c2) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

const init = await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
assert.equal(init.serverInfo.name, 'topoc');
assert.deepEqual(init.capabilities.textDocumentSync, { openClose: true, change: 2 });
for (const c of ['hoverProvider', 'definitionProvider', 'referencesProvider', 'documentFormattingProvider']) {
  assert.equal(init.capabilities[c], true, c);
}
connection.sendNotification('initialized', {});

// Line 5 (0-based 4) has `residency = eux` after `/* zürich 😀 */`: byte
// column 53 is UTF-16 character 49 (ü is one code unit in two bytes, the
// emoji two code units in four).
connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'topo', version: 1, text } });
let d = await nextDiagnostics();
assert.equal(d.uri, uri);
assert.equal(d.version, 1);
assert.equal(d.diagnostics.length, 1);
assert.equal(d.diagnostics[0].code, 'M004');
assert.equal(d.diagnostics[0].severity, 1);
assert.equal(d.diagnostics[0].source, 'topoc');
assert.deepEqual(d.diagnostics[0].range, range(4, 49, 4, 52));
assert.match(d.diagnostics[0].message, /^tenant `contoso` refers to boundary `eux`, which is not declared; did you mean `eu`\?/);

// A second boundary reference that is declared twice: related information.
connection.sendNotification('textDocument/didChange', {
  textDocument: { uri, version: 2 },
  contentChanges: [{ range: range(3, 48, 3, 48), text: '\n  boundary "eu" { geography = europe }' }],
});
d = await nextDiagnostics();
assert.equal(d.version, 2);
const dup = d.diagnostics.find((x) => x.code === 'M003');
assert.ok(dup, JSON.stringify(d.diagnostics));
assert.deepEqual(dup.range, range(4, 11, 4, 15));
assert.deepEqual(dup.relatedInformation, [{ location: { uri, range: range(3, 11, 3, 15) }, message: 'first declared here' }]);
connection.sendNotification('textDocument/didChange', {
  textDocument: { uri, version: 3 },
  contentChanges: [{ range: range(3, 48, 4, 39), text: '' }],
});
d = await nextDiagnostics();
assert.deepEqual(d.diagnostics.map((x) => x.code), ['M004']);

// Fix the mistake: replace `eux` by `eu`; the diagnostics clear.
connection.sendNotification('textDocument/didChange', {
  textDocument: { uri, version: 4 },
  contentChanges: [{ range: range(4, 49, 4, 52), text: 'eu' }],
});
d = await nextDiagnostics();
assert.equal(d.version, 4);
assert.deepEqual(d.diagnostics, []);

// Hover on a location: the region catalogue's facts.
let h = await connection.sendRequest('textDocument/hover', at(5, 30));
assert.equal(h.contents.kind, 'markdown');
assert.deepEqual(h.range, range(5, 28, 5, 38));
assert.equal(h.contents.value,
  '**West Europe** (`westeurope`), Azure region\n\n- geography: `europe`\n- country: NL (Netherlands)\n' +
  '- EU Data Boundary: yes\n- paired region: `northeurope` (North Europe)\n- availability zones: yes\n');

// Hover on a boundary reference: its geography, locations, regions, tenants.
h = await connection.sendRequest('textDocument/hover', at(5, 52));
assert.deepEqual(h.range, range(5, 51, 5, 53));
assert.match(h.contents.value, /^\*\*boundary `eu`\*\*, residency boundary\n\n- geography: `eu-data-boundary`\n- locations allowed \(18\): `austriaeast`, /);
assert.match(h.contents.value, /\n- regions: `weu`, `neu`\n- VNets peered: every pair of regions\n- tenants: `contoso`\n$/);

// Hover on a country of a Front Door geo route.
h = await connection.sendRequest('textDocument/hover', at(7, 26));
assert.equal(h.contents.value, '**DE** (Germany), country\n\n- EU member state: yes\n- EFTA member state: no\n');

// Definition of `boundary = eu` and of the geo route's `"eu"`: the declaration.
const declaration = [{ uri, range: range(3, 11, 3, 15) }];
assert.deepEqual(await connection.sendRequest('textDocument/definition', at(5, 52)), declaration);
assert.deepEqual(await connection.sendRequest('textDocument/definition', at(7, 19)), declaration);

// References of region `weu`, from its declaration: the label and `home = weu`.
assert.deepEqual(
  await connection.sendRequest('textDocument/references', { ...at(5, 11), context: { includeDeclaration: true } }),
  [{ uri, range: range(4, 60, 4, 63) }, { uri, range: range(5, 9, 5, 14) }]);
assert.deepEqual(
  await connection.sendRequest('textDocument/references', { ...at(4, 61), context: { includeDeclaration: false } }),
  [{ uri, range: range(4, 60, 4, 63) }]);

// Completion: the keys of a region block, locations after `failover =`, the
// deployment modes after `mode =`.
const labels = (list) => list.items.map((i) => i.label);
connection.sendNotification('textDocument/didChange', {
  textDocument: { uri, version: 5 },
  contentChanges: [{ range: range(2, 17, 2, 17), text: '\n  mode = \n  region "x" {\n    \n  }' }],
});
await nextDiagnostics();
let items = labels(await connection.sendRequest('textDocument/completion', at(5, 4)));
for (const k of ['location', 'boundary', 'failover', 'address', 'services', 'aks', 'storage', 'subnet']) {
  assert.ok(items.includes(k), `${k} in ${items}`);
}
assert.ok(!items.includes('geography'));
items = labels(await connection.sendRequest('textDocument/completion', at(3, 9)));
assert.deepEqual(items, ['active-active', 'active-passive', 'warm-standby', 'cold-standby']);
items = labels(await connection.sendRequest('textDocument/completion', at(9, 67)));
assert.ok(items.includes('northeurope') && items.includes('swedencentral'), items.slice(0, 10).join());

// Formatting: an edit list; applying it gives text that needs no more edits;
// a document that does not parse gets no edit.
connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 6 }, contentChanges: [{ text }] });
await nextDiagnostics();
const edits = await connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
assert.ok(Array.isArray(edits));
if (edits.length > 0) {
  assert.equal(edits.length, 1);
  connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 7 }, contentChanges: [{ text: edits[0].newText }] });
  await nextDiagnostics();
  assert.deepEqual(await connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }), []);
}
connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 8 }, contentChanges: [{ text: 'topology "x" {\n  region "a" {\n' }] });
d = await nextDiagnostics();
assert.equal(d.diagnostics[0].code, 'P001');
assert.deepEqual(await connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }), []);

// Errors are answers, not crashes.
await assert.rejects(connection.sendRequest('topoc/unknown', {}), (e) => e.code === -32601);
await assert.rejects(connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///none' }, position: { line: 0, character: 0 } }), (e) => e.code === -32602);
connection.sendNotification('$/cancelRequest', { id: 1 });

connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
assert.deepEqual((await nextDiagnostics()).diagnostics, []);
await connection.sendRequest('shutdown');
const exited = new Promise((resolve) => server.on('exit', resolve));
connection.sendNotification('exit');
assert.equal(await exited, 0);
connection.dispose();
console.log('topoc lsp: all client checks passed');
