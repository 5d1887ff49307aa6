// The language server's rows of npm run bench (BENCH_ONLY=lsp runs them alone), on the bench's writable copy of
// go.uber.org/zap: heapscope lsp driven over stdio as an editor drives it, against the CLI and the go command.
//   first diagnostics: from starting the server to the first diagnostics of logger.go, heapscope's cache empty
//     (Go's build cache warm) and warm, against `heapscope analyze` of logger.go's package in the same state
//   save: a comment edit to logger.go saved, to the diagnostics published again, against the go command's own
//     rebuild of the package after the same kind of edit (`go build -gcflags=-m=2 .`)
//   hover: latency of hovers on logger.go's heap sites (median, p95)
//   memory: the server's resident set after 10, 50 and 100 saves
// Rounds alternate which command goes first, and each round gives a ratio of its own. The server is a long-lived
// process, timed to the diagnostics it publishes: its CPU is read from /proc at that moment (its own, and the
// children it has waited for, such as the go command of that analysis; not a build still running after it).
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Position,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { goOpts, hsOpts, zapEnv, type Bench } from './context.js';
import { measure, median, progress, rounds as roundCount, type Sample } from './measure.js';
import { ratioRow, type Row } from './table.js';

interface Server {
  pid: number;
  /** Resolves with the next non-empty diagnostics published for uri (after this call). */
  next(uri: string): Promise<PublishDiagnosticsParams>;
  /** Resolves with the k-th non-empty diagnostics published for uri after this call (the server publishes a saved
   *  file's package first, then the whole module). */
  nth(uri: string, k: number): Promise<PublishDiagnosticsParams>;
  request<T>(method: string, params: unknown): Promise<T>;
  notify(method: string, params: unknown): void;
  stop(): Promise<void>;
}

function startServer(cli: string, cwd: string, env: NodeJS.ProcessEnv): Server {
  const proc = spawn(process.execPath, [cli, 'lsp', '--stdio'], { cwd, env, stdio: ['pipe', 'pipe', 'ignore'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const waiters: { uri: string; left: number; done: (p: PublishDiagnosticsParams) => void }[] = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    if (!p.diagnostics.length) return;
    for (const w of [...waiters])
      if (w.uri === p.uri && --w.left === 0) {
        waiters.splice(waiters.indexOf(w), 1);
        w.done(p);
      }
  });
  conn.onRequest((method: string) => (method === 'workspace/configuration' ? [null] : null));
  conn.onNotification(() => undefined);
  conn.listen();
  return {
    pid: proc.pid!,
    next: (uri) => new Promise((done) => waiters.push({ uri, left: 1, done })),
    nth: (uri, k) => new Promise((done) => waiters.push({ uri, left: k, done })),
    request: (method, params) => conn.sendRequest(method, params),
    notify: (method, params) => void conn.sendNotification(method, params),
    stop: async () => {
      await conn.sendRequest('shutdown');
      const exited = new Promise((ok) => proc.on('exit', ok));
      void conn.sendNotification('exit');
      await exited;
      conn.dispose();
    },
  };
}

/** The user + system seconds of process PID and of the children it waited for (/proc/PID/stat, 1/100 s ticks). */
function serverCpu(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100;
}

/** Starts the server on the module, opens the file; resolves with the server and the time to its first diagnostics. */
async function firstDiagnostics(cli: string, mod: string, file: string, env: NodeJS.ProcessEnv): Promise<{ s: Server; sample: Sample }> {
  const t0 = performance.now();
  const s = startServer(cli, mod, env);
  const uri = pathToFileURL(file).href;
  const first = s.next(uri);
  await s.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(mod).href,
    workspaceFolders: [{ uri: pathToFileURL(mod).href, name: 'zap' }],
    capabilities: {},
    initializationOptions: { minSeverity: 'hint' },
  });
  s.notify('initialized', {});
  s.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'go', version: 1, text: readFileSync(file, 'utf8') } });
  await first;
  return { s, sample: { wall: (performance.now() - t0) / 1000, cpu: serverCpu(s.pid), maxRssMiB: null } };
}

const p95 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;

function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

export async function lspRows(b: Bench): Promise<Row[]> {
  const { cli, scratch } = b;
  const mod = b.zap();
  const file = join(mod, 'logger.go');
  const uri = pathToFileURL(file).href;
  const original = readFileSync(file, 'utf8');
  const hcache = join(scratch, 'lsp-hcache');
  // English: settled() reads the hover's text.
  const env = { ...zapEnv(b.env), HEAPSCOPE_CACHE: hcache, HEAPSCOPE_LANG: 'en' };
  const analyze = [process.execPath, cli, 'analyze', '--format', 'json', '--no-progress', '.'];
  const rounds = roundCount('BENCH_LSP_RUNS', 5);
  const saves = roundCount('BENCH_LSP_SAVES', 100);
  const timed = (cmd: string[]): Sample => measure(cmd, cmd[0] === 'go' ? goOpts(b, mod, env) : hsOpts(b, mod, env));
  // Go's build cache holds both sets of compiler flags' output (untimed).
  timed(['go', 'build', '-o', '/dev/null', '-gcflags=-m=2', './...']);
  timed([process.execPath, cli, 'analyze', '--no-cache', '--format', 'json', '--no-progress', './...']);

  const rows: Row[] = [];
  // Issue 24's targets: first diagnostics no slower than `heapscope analyze` of the package, a save within 1.2x the
  // go command's rebuild of the package.
  const row = (label: string, against: string, base: Sample[], hs: Sample[], target: number | null = null): Row =>
    ratioRow(label, against, target, hs, base);
  const coldA: Sample[] = [];
  const coldL: Sample[] = [];
  const warmA: Sample[] = [];
  const warmL: Sample[] = [];
  for (let i = 0; i < rounds; i++) {
    const a = (): void => {
      rmSync(hcache, { recursive: true, force: true });
      coldA.push(timed(analyze));
      warmA.push(timed(analyze));
    };
    const l = async (): Promise<void> => {
      rmSync(hcache, { recursive: true, force: true });
      for (const into of [coldL, warmL]) {
        const { s, sample } = await firstDiagnostics(cli, mod, file, env);
        into.push(sample);
        await s.stop();
      }
    };
    if (i % 2 === 0) {
      a();
      await l();
    } else {
      await l();
      a();
    }
  }
  rows.push(
    row(
      `\`lsp\` on zap: first diagnostics of logger.go, heapscope's cache empty, Go's warm (${rounds} pairs)`,
      '`heapscope analyze .`',
      coldA,
      coldL,
      1.0,
    ),
  );
  rows.push(
    row(
      `\`lsp\` on zap: first diagnostics of logger.go, both caches warm, nothing changed (${rounds} pairs)`,
      '`heapscope analyze .`',
      warmA,
      warmL,
      1.0,
    ),
  );
  progress('lsp: first diagnostics done');

  // Saves: a comment appended (the content changes, no line moves), against the go command's rebuild after the same.
  const { s } = await firstDiagnostics(cli, mod, file, env);
  await s.next(uri); // the module-wide publish after the package's
  let n = 0;
  const edit = (): string => {
    const text = `${original}\n// edit ${++n}\n`;
    writeFileSync(file, text);
    return text;
  };
  const save = async (): Promise<Sample> => {
    const text = edit();
    s.notify('textDocument/didChange', { textDocument: { uri, version: n + 1 }, contentChanges: [{ text }] });
    // The change alone republishes what is still valid of the old diagnostics: let that go by (a request's answer
    // comes after it), then time the save to the analysis's diagnostics.
    await s.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    const [t0, cpu0] = [performance.now(), serverCpu(s.pid)];
    const published = s.next(uri);
    const moduleWide = s.nth(uri, 2);
    s.notify('textDocument/didSave', { textDocument: { uri } });
    await published;
    const sample = { wall: (performance.now() - t0) / 1000, cpu: serverCpu(s.pid) - cpu0, maxRssMiB: null };
    // The saved file's package is published first (timed); the rest of the module follows, untimed, before the next
    // measurement, so the go command's rebuild never shares the cores with it.
    // A site the runtime allocates for (severity above Hint): only those wait for the compiled code's types.
    await settled((await moduleWide).diagnostics.find((d) => d.severity !== 4)?.range.start);
    return sample;
  };
  // After each publish the server reads the compiled code's types in the background (a -S build of the packages
  // with heap sites): wait for it too, so that no measurement shares the cores with it.
  const settled = async (at: Position | undefined): Promise<void> => {
    if (!at) return;
    for (let i = 0; i < 600; i++) {
      const h = await s.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: at });
      if (!h?.contents.value.includes('reading the compiled code')) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  // The language server re-analyses the package and its importers in the module (their content keys change);
  // the go command's rebuild of the module after the same edit is the second yardstick.
  const goRebuild = (pattern: string): Sample => {
    edit();
    return timed(['go', 'build', '-o', '/dev/null', '-gcflags=-m=2', pattern]);
  };
  const lspSaves: Sample[] = [];
  const goSaves: Sample[] = [];
  const goAllSaves: Sample[] = [];
  let lspCount = 0;
  const rss = new Map<number, number>();
  const counted = (): void => {
    if ([10, 50].includes(++lspCount)) rss.set(lspCount, rssMiB(s.pid));
    if (lspCount % 10 === 0) progress(`lsp: ${lspCount} of ${saves} saves`);
  };
  for (let i = 0; i < Math.max(rounds, 7); i++) {
    if (i % 2 === 0) {
      goSaves.push(goRebuild('.'));
      goAllSaves.push(goRebuild('./...'));
      lspSaves.push(await save());
    } else {
      lspSaves.push(await save());
      goAllSaves.push(goRebuild('./...'));
      goSaves.push(goRebuild('.'));
    }
    counted();
  }
  const saveRounds = lspSaves.length;
  rows.push(
    row(
      `\`lsp\` on zap: a save of logger.go (a comment edit), to its package's diagnostics (${saveRounds} pairs)`,
      '`go build -gcflags=-m=2 .` after the same edit',
      goSaves,
      lspSaves,
      1.2,
    ),
  );
  rows.push(row('`lsp`: the same saves', '`go build -gcflags=-m=2 ./...` after the same edit', goAllSaves, lspSaves));
  progress('lsp: saves done');

  // Hovers on the file's heap sites, from the model in memory.
  const sites = (
    await (async () => {
      const p = s.next(uri);
      await save();
      counted();
      return p;
    })()
  ).diagnostics;
  const hovers: number[] = [];
  for (let i = 0; i < 200; i++) {
    const d = sites[i % sites.length]!;
    const t0 = performance.now();
    await s.request('textDocument/hover', { textDocument: { uri }, position: d.range.start });
    hovers.push(performance.now() - t0);
  }
  while (lspCount < saves) {
    await save();
    counted();
  }
  const last = rssMiB(s.pid);
  await s.stop();
  writeFileSync(file, original);
  const counts = [...rss.keys(), lspCount].join(', ');
  rows.push({
    path: `\`lsp\` on zap: hover on logger.go's ${sites.length} diagnostics (200 hovers)`,
    against: '–',
    target: '(measured)',
    heapscope: `median ${median(hovers).toFixed(1)} ms, p95 ${p95(hovers).toFixed(1)} ms`,
    base: '–',
    wall: '–',
    cpu: '–',
    met: '–',
  });
  rows.push({
    path: `\`lsp\` on zap: the server's resident set after ${counts} saves`,
    against: '–',
    target: '(measured)',
    heapscope: [...rss.values(), last].map((x) => `${x.toFixed(0)} MiB`).join(', '),
    base: '–',
    wall: '–',
    cpu: '–',
    met: '–',
  });
  return rows;
}
