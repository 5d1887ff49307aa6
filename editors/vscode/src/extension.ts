// heapscope for VS Code: starts `heapscope lsp` (heapscope's language server, LSP 3.17 over stdio) for the Go files
// of the workspace and lets it speak for itself. Everything heapscope knows (diagnostics, hovers, code lenses, code
// actions) comes from the server; this file only finds the command, hands it the settings and restarts it when the
// command changes. It runs next to gopls, not instead of it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';

/** The section of the settings; `heapscope.trace.server` is read by the language client itself under this id. */
const SECTION = 'heapscope';
/** The server's command that runs the benchmarks reaching a function (its code lens "measure" uses the same). */
const SERVER_MEASURE_COMMAND = 'heapscope.measure';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('heapscope', { log: true });
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('heapscope.restart', () => restart()),
    vscode.commands.registerCommand('heapscope.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('heapscope.measureFunction', () => measureFunction()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // The other settings reach the running server as workspace/didChangeConfiguration (synchronize below); a
      // different command can only take effect in a new process.
      if (e.affectsConfiguration(`${SECTION}.path`)) void restart();
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await stop();
}

/**
 * The settings the server reads, as initializationOptions; didChangeConfiguration and workspace/configuration carry
 * the whole `heapscope` section, whose keys are the same (plus `path` and `trace`).
 */
function settings(): Record<string, unknown> {
  const c = vscode.workspace.getConfiguration(SECTION);
  return {
    minSeverity: c.get<string>('minSeverity'),
    severity: {
      hot: c.get<string>('severity.hot'),
      other: c.get<string>('severity.other'),
      cold: c.get<string>('severity.cold'),
    },
    serveUrl: c.get<string>('serveUrl') || undefined,
    // Empty: the server takes VS Code's display language (the client sends it as the locale), else its own.
    lang: c.get<string>('lang') || undefined,
  };
}

/**
 * The heapscope command line to run. A bare name is looked up on PATH by the process spawn; a relative path is read
 * from the first workspace folder. Left at its default inside a checkout of heapscope itself, the checkout's own
 * bin/heapscope.js is used so the extension can be developed against the server being written.
 */
function serverCommand(): { command: string; args: string[] } {
  const configured = vscode.workspace.getConfiguration(SECTION).get<string>('path')?.trim() || 'heapscope';
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  let cli = configured;
  if (configured === 'heapscope' && folder && isHeapscopeCheckout(folder)) cli = path.join(folder, 'bin', 'heapscope.js');
  else if (folder && !path.isAbsolute(configured) && /[\\/]/.test(configured)) cli = path.resolve(folder, configured);
  // A .js entry point runs under the Node on PATH: VS Code's own executable is Electron, not a Node for user code.
  return cli.endsWith('.js') ? { command: 'node', args: [cli, 'lsp'] } : { command: cli, args: ['lsp'] };
}

function isHeapscopeCheckout(folder: string): boolean {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as { name?: unknown };
    return pkg.name === 'heapscope' && fs.existsSync(path.join(folder, 'bin', 'heapscope.js'));
  } catch {
    return false;
  }
}

async function start(): Promise<void> {
  const { command, args } = serverCommand();
  output.appendLine(`starting ${[command, ...args].join(' ')}`);
  const serverOptions: ServerOptions = {
    command,
    args,
    transport: TransportKind.stdio,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'go' }],
    outputChannel: output,
    initializationOptions: settings(),
    synchronize: {
      configurationSection: SECTION,
      // Files changed outside the editor (a git checkout, `go get`) make the server re-analyse what they touch.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.go,go.mod,go.sum,go.work}'),
    },
  };
  client = new LanguageClient(SECTION, 'heapscope', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    output.appendLine(`heapscope: the language server did not start: ${message}`);
    void vscode.window
      .showErrorMessage(`heapscope: could not start \`${command} ${args.join(' ')}\` (set heapscope.path).`, 'Show output')
      .then((choice) => choice && output.show(true));
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running?.isRunning()) await running.stop();
  else await running?.dispose();
}

async function restart(): Promise<void> {
  await stop();
  await start();
}

/** Asks the server to measure the function under the cursor, the same request its code lens sends. */
async function measureFunction(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'go') {
    void vscode.window.showInformationMessage('heapscope: put the cursor in a Go function to measure it.');
    return;
  }
  if (!client?.isRunning()) {
    void vscode.window.showErrorMessage('heapscope: the language server is not running (heapscope: Restart the language server).');
    return;
  }
  const offered = client.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
  if (!offered.includes(SERVER_MEASURE_COMMAND)) {
    void vscode.window.showErrorMessage(
      `heapscope: this server does not offer ${SERVER_MEASURE_COMMAND} (it offers: ${offered.join(', ') || 'none'}).`,
    );
    return;
  }
  // The server's measure command takes what its code lens carries (the module, the package, the function): use the
  // nearest lens at or above the cursor, so the request is the lens's own.
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri)) ?? [];
  const line = editor.selection.active.line;
  const lens = lenses
    .filter((l) => l.command?.command === SERVER_MEASURE_COMMAND && l.range.start.line <= line)
    .sort((x, y) => y.range.start.line - x.range.start.line)[0];
  if (!lens?.command) {
    void vscode.window.showInformationMessage('heapscope: no function with heap allocations at or above the cursor.');
    return;
  }
  await client.sendRequest(ExecuteCommandRequest.type, {
    command: SERVER_MEASURE_COMMAND,
    arguments: lens.command.arguments ?? [],
  });
}
