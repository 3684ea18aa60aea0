// Starts `topoc lsp` for topology files and restarts it when `topoc.path`
// changes. Highlighting comes from the TextMate grammar alone and works
// without the server.
'use strict';
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function createClient() {
  const command = vscode.workspace.getConfiguration('topoc').get('path') || 'topoc';
  const serverOptions = { command, args: ['lsp'] };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'topo' },
      { scheme: 'untitled', language: 'topo' },
    ],
  };
  return new LanguageClient('topoc', 'topoc language server', serverOptions, clientOptions);
}

async function activate(context) {
  client = createClient();
  await client.start();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration('topoc.path')) return;
      if (client) await client.stop();
      client = createClient();
      await client.start();
    }),
  );
}

async function deactivate() {
  if (client) await client.stop();
}

module.exports = { activate, deactivate };
