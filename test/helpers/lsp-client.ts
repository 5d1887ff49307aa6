// A minimal language client: heapscope lsp started as an editor starts it (the built CLI, stdio), spoken to through
// the protocol library's own JSON-RPC connection, with the diagnostics it publishes kept by URI.
import { spawn, type ChildProcess } from 'node:child_process';
import { after } from 'node:test';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type MessageConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { cliPath } from './paths.js';
import { testCache } from './cli.js';

export interface LspClient {
  conn: MessageConnection;
  proc: ChildProcess;
  stderr: () => string;
  /** Resolves with the first diagnostics published for `uri` (after this call) for which `ok` holds. */
  diagnostics: (uri: string, ok: (d: Diagnostic[]) => boolean, timeoutMs?: number) => Promise<Diagnostic[]>;
  /** The same, or the latest published already when `ok` holds for them. */
  published: (uri: string, ok: (d: Diagnostic[]) => boolean) => Promise<Diagnostic[]>;
  latest: Map<string, Diagnostic[]>;
  /** Every publish, in order. */
  history: PublishDiagnosticsParams[];
  /** Requests the server made of the client (method names), in order. */
  serverRequests: string[];
  /** Notifications other than diagnostics, in order. */
  notifications: { method: string; params: unknown }[];
}

const running = new Set<ChildProcess>();
after(() => {
  for (const p of running) p.kill('SIGKILL');
});

export function startLsp(opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): LspClient {
  const proc = spawn(process.execPath, [cliPath, 'lsp', '--stdio'], {
    cwd: opts.cwd ?? process.cwd(),
    env: { ...process.env, NO_COLOR: '1', HEAPSCOPE_CACHE: testCache, ...opts.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let err = '';
  proc.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const latest = new Map<string, Diagnostic[]>();
  const waiters: { uri: string; ok: (d: Diagnostic[]) => boolean; done: (d: Diagnostic[]) => void }[] = [];
  const serverRequests: string[] = [];
  const history: PublishDiagnosticsParams[] = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    latest.set(p.uri, p.diagnostics);
    history.push(p);
    for (const w of [...waiters])
      if (w.uri === p.uri && w.ok(p.diagnostics)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.done(p.diagnostics);
      }
  });
  conn.onRequest((method: string) => {
    serverRequests.push(method);
    return method === 'workspace/configuration' ? [null] : null;
  });
  const notifications: { method: string; params: unknown }[] = [];
  conn.onNotification((method: string, params: unknown) => void notifications.push({ method, params }));
  conn.listen();
  const wait = (uri: string, ok: (d: Diagnostic[]) => boolean, timeoutMs: number, already: boolean): Promise<Diagnostic[]> =>
    new Promise((done, fail) => {
      const now = latest.get(uri);
      if (already && now && ok(now)) return done(now);
      const t = setTimeout(() => fail(new Error(`no diagnostics for ${uri} in ${timeoutMs} ms; stderr: ${err}`)), timeoutMs);
      waiters.push({ uri, ok, done: (d) => (clearTimeout(t), done(d)) });
    });
  // An editor's server outlives nothing: a test that fails half-way must not leave it running (its open pipes
  // would keep the test file's process alive until the runner's global timeout).
  running.add(proc);
  proc.on('exit', () => running.delete(proc));
  return {
    conn,
    proc,
    stderr: () => err,
    latest,
    history,
    serverRequests,
    notifications,
    diagnostics: (uri, ok, timeoutMs = 120_000) => wait(uri, ok, timeoutMs, false),
    published: (uri, ok) => wait(uri, ok, 120_000, true),
  };
}
