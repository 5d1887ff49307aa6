// heapscope lsp cancels an analysis that a newer save makes stale: two saves arrive while the first analysis's go
// build is compiling (a fresh Go build cache makes it take seconds), the build's whole process group is gone at
// once (no orphan), its work directory is removed, and the diagnostics published are those of the latest text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixturesDir } from '../helpers/paths.js';
import { tempDir } from '../helpers/cli.js';
import { startLsp } from '../helpers/lsp-client.js';

interface Proc {
  pid: number;
  ppid: number;
  pgid: number;
  args: string;
}

function processes(): Proc[] {
  return execFileSync('ps', ['-e', '-o', 'pid=,ppid=,pgid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), pgid: Number(m[3]), args: m[4]! }));
}

/** The process group of the server's child that runs the compiler's escape analysis (go build -gcflags=-m=2). */
function buildGroup(server: number): number | null {
  const ps = processes();
  const groups = new Set(ps.filter((p) => p.ppid === server).map((p) => p.pgid));
  const build = ps.find((p) => groups.has(p.pgid) && /\bgo build\b.*-gcflags=-m=2/.test(p.args));
  return build ? build.pgid : null;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

test(
  'heapscope lsp: a save during an analysis stops its go build (whole group, work dir) and publishes the latest text',
  { timeout: 300_000 },
  async () => {
    const ws = tempDir('heapscope-lsp-cancel-');
    const mod = join(ws, 'crosspkg');
    cpSync(join(fixturesDir, 'modules', 'crosspkg'), mod, { recursive: true });
    // A third package that needs fmt: with a cold Go build cache the runtime and fmt's other dependencies take
    // seconds to compile.
    mkdirSync(join(mod, 'show'));
    writeFileSync(join(mod, 'show', 'show.go'), 'package show\n\nimport "fmt"\n\nfunc Show(v int) string { return fmt.Sprint(v) }\n');
    const tmp = tempDir('heapscope-lsp-cancel-tmp-');
    const c = startLsp({
      cwd: ws,
      // A cold Go build cache: the first analysis compiles the standard library it needs, seconds of work.
      env: { GOCACHE: tempDir('heapscope-lsp-cancel-gocache-'), HEAPSCOPE_CACHE: tempDir('heapscope-lsp-cancel-cache-'), TMPDIR: tmp },
    });
    const uri = pathToFileURL(mod).href;
    await c.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'crosspkg' }],
      capabilities: {},
      initializationOptions: { minSeverity: 'hint' },
    });
    void c.conn.sendNotification('initialized', {});
    const file = join(mod, 'lib', 'lib.go');
    const u = pathToFileURL(file).href;
    const original = readFileSync(file, 'utf8');
    void c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'go', version: 1, text: original } });
    try {
      await saves();
    } finally {
      c.proc.kill('SIGKILL'); // a failed assertion must not leave the server running (it has exited when all went well)
    }

    async function saves(): Promise<void> {
      let group: number | null = null;
      for (let i = 0; i < 600 && group === null; i++) {
        group = buildGroup(c.proc.pid!);
        if (group === null) await sleep(50);
      }
      assert.ok(group !== null, `no go build started; stderr: ${c.stderr()}`);
      const members = processes().filter((p) => p.pgid === group);
      assert.ok(members.length > 0);

      // Two saves in quick succession, each with its own text: lib.Make's make([]byte, n) moves down a line each time.
      const edits = [`// one\n${original}`, `// one\n// two\n${original}`];
      for (const [i, text] of edits.entries()) {
        writeFileSync(file, text);
        void c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: u, version: i + 2 }, contentChanges: [{ text }] });
        void c.conn.sendNotification('textDocument/didSave', { textDocument: { uri: u } });
      }
      const savedAt = Date.now();
      // The first build's group is gone promptly (SIGTERM; go build exits on it in milliseconds), every member of it.
      const pids = members.map((p) => p.pid);
      const left = (): Proc[] => processes().filter((p) => p.pgid === group || pids.includes(p.pid));
      while (left().length && Date.now() - savedAt < 5000) await sleep(25);
      assert.deepEqual(left(), [], 'the stopped go build left processes behind');

      // What is published is the analysis of the latest text: the site on line 8 (0-based 7), none on the older lines.
      const site = (d: { range: { start: { line: number } } }[], line: number): boolean => d.some((x) => x.range.start.line === line);
      const diags = await c.published(u, (d) => site(d, 7));
      assert.equal(site(diags, 5), false);
      assert.equal(site(diags, 6), false);
      const make = diags.find((d) => d.range.start.line === 7)!;
      assert.equal(make.source, 'heapscope');

      // The saved package is published first, then the module's whole run.
      const latest = (): number => c.history.filter((h) => h.uri === u && site(h.diagnostics, 7)).length;
      for (let i = 0; i < 1200 && latest() < 2; i++) await sleep(100);
      assert.equal(latest(), 2, 'the package publish, then the module publish');

      await c.conn.sendRequest('shutdown');
      const exited = new Promise<number | null>((ok) => c.proc.on('exit', (code) => ok(code)));
      void c.conn.sendNotification('exit');
      assert.equal(await exited, 0);

      // Nothing of the stopped build is left: the go command's work directories are removed with each run's own.
      // Read once the server has exited: after publishing it may still be building the listing its hovers read
      // (-S), whose work directory is in use until then.
      const goTmp = readdirSync(tmp).filter((n) => n.startsWith('heapscope-go-'));
      for (const d of goTmp) assert.deepEqual(readdirSync(join(tmp, d)), [], `work directories left in ${d}`);
    }
  },
);
