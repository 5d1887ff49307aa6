// heapscope serve as a browser would use it (and as an attacker's page would): its first line, the guard on Host
// and Origin, files of the module only, a live update after an edit, and the playground's limits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { cliPath, examplesDir } from '../helpers/paths.js';
import { tempDir, testCache } from '../helpers/cli.js';
import type { PageData } from '../../src/reporters/html/page-data.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((ok, fail) => {
    const req = request(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', fail);
    req.end(opts.body);
  });
}

/** Resolves with the data of the first `update` event whose generation is at least `min`. */
function nextUpdate(url: string, min: number): Promise<number> {
  return new Promise((ok, fail) => {
    const req = request(`${url}api/events`, (res) => {
      let buf = '';
      res.on('data', (c: Buffer) => {
        buf += c.toString('utf8');
        for (const m of buf.matchAll(/event: update\ndata: (\{[^\n]*\})\n\n/g)) {
          const g = (JSON.parse(m[1]!) as { generation: number }).generation;
          if (g >= min) {
            req.destroy();
            ok(g);
          }
        }
      });
    });
    req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : fail(e)));
    req.end();
  });
}

async function startServe(dir: string, tmp: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [cliPath, 'serve', '-C', dir], {
    env: { ...process.env, HEAPSCOPE_CACHE: testCache, TMPDIR: tmp, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const first = await new Promise<string>((ok) => createInterface({ input: child.stdout! }).once('line', ok));
  return { url: first, child };
}

async function waitReady(url: string): Promise<PageData> {
  for (let i = 0; i < 600; i++) {
    const r = await call(`${url}api/data`);
    if (r.status === 200) return JSON.parse(r.body) as PageData;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error('no data after 60 s');
}

test('serve: its URL first, guarded, module files only, live after an edit, playground within limits', async (t) => {
  const tmp = tempDir('heapscope-serve-tmp-');
  const mod = join(tempDir('heapscope-serve-mod-'), 'm');
  cpSync(examplesDir, mod, { recursive: true });
  const { url, child } = await startServe(mod, tmp);
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  t.after(() => child.kill('SIGKILL'));
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const port = new URL(url).port;

  const data = await waitReady(url);
  assert.ok(data.sites.some((s) => s.heap));
  assert.equal(data.generation, 1);

  const page = await call(url);
  assert.equal(page.status, 200);
  assert.match(String(page.headers['content-security-policy']), /default-src 'none'.*connect-src 'self'/);
  assert.equal(page.headers['x-frame-options'], 'DENY');

  // DNS rebinding and cross-origin requests.
  assert.equal((await call(`${url}api/data`, { headers: { Host: `evil.example:${port}` } })).status, 421);
  assert.equal((await call(`${url}api/data`, { headers: { Host: 'localhost:1' } })).status, 421);
  assert.equal((await call(`${url}api/data`, { headers: { Origin: 'http://evil.example' } })).status, 403);
  const cross = await call(`${url}api/playground`, {
    method: 'POST',
    headers: { Origin: `http://evil.example:${port}`, 'Content-Type': 'application/json' },
    body: '{"files":{"main.go":"package main\\nfunc main(){}\\n"}}',
  });
  assert.equal(cross.status, 403);
  assert.equal((await call(`${url}api/playground`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' })).status, 415);

  // Files: by index into the data, inside the module.
  const src = await call(`${url}api/source?file=${data.files.findIndex((f) => data.strings[f.path] === 'alloc.go')}`);
  assert.equal(src.status, 200);
  assert.match(src.body, /^\/\/ Package examples/);
  for (const q of ['file=-1', 'file=999999', 'file=../../../../etc/passwd', 'file=1e3', 'file=']) {
    assert.equal((await call(`${url}api/source?${q}`)).status, 404, q);
  }
  assert.equal((await call(`${url}../../../../etc/passwd`)).status, 404);
  assert.equal((await call(`${url}%2e%2e/%2e%2e/etc/passwd`)).status, 404);

  // The assembly: only with the page's header (another site's page cannot send it without a preflight), and only
  // for the generation the page holds.
  const asmQ = `${url}api/asm?package=example.com/heapscope/examples&function=NewPoint&g=${data.generation}`;
  assert.equal((await call(asmQ)).status, 403);
  const asm = await call(asmQ, { headers: { 'X-Heapscope': '1' } });
  assert.equal(asm.status, 200, asm.body);
  assert.ok((JSON.parse(asm.body) as { functions: { symbol: string }[] }).functions.some((f) => f.symbol.endsWith('.NewPoint')));
  assert.equal((await call(`${url}api/source?file=0&g=${(data.generation ?? 0) + 7}`)).status, 409);

  // An edit: a new heap site shows up in the next generation, pushed to the page.
  const updated = nextUpdate(url, 2);
  appendFileSync(join(mod, 'alloc.go'), '\nfunc EditedInServe() *[64]byte { var b [64]byte; return &b }\n');
  assert.ok((await updated) >= 2);
  const after = JSON.parse((await call(`${url}api/data`)).body) as PageData;
  assert.ok(
    after.sites.some((s) => s.heap && after.strings[s.function] === 'EditedInServe'),
    'the new function is analysed',
  );

  // The playground: a snippet's decision; then one whose benchmark never ends, stopped by the time limit.
  const snippet = await call(`${url}api/playground`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url.slice(0, -1) },
    body: JSON.stringify({ files: { 'main.go': 'package main\n\nvar sink *int\n\nfunc main() {\n\tx := 42\n\tsink = &x\n}\n' } }),
  });
  assert.equal(snippet.status, 200, snippet.body);
  const sd = (JSON.parse(snippet.body) as { data: PageData }).data;
  const moved = sd.sites.find((s) => s.heap && s.kind === 'moved-to-heap');
  assert.ok(moved && sd.strings[moved.expr] === 'x' && moved.pos[1] === 6, 'x moved to heap at main.go:6');

  const started = Date.now();
  const forever = await call(`${url}api/playground`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      bench: true,
      files: {
        'loop.go': 'package loop\n\nfunc Spin(n int) int {\n\tfor {\n\t\tn++\n\t}\n}\n',
        'loop_test.go':
          'package loop\n\nimport "testing"\n\nfunc BenchmarkSpin(b *testing.B) {\n\tfor i := 0; i < b.N; i++ {\n\t\tSpin(i)\n\t}\n}\n',
      },
    }),
  });
  const took = Date.now() - started;
  assert.ok(took < 60_000, `stopped in ${took} ms`);
  assert.match(forever.body, /timed out|time limit|timeout/i);
  assert.deepEqual(
    readdirSync(tmp).filter((d) => d.startsWith('heapscope-play-')),
    [],
    'the snippet module is removed',
  );

  child.kill('SIGTERM');
  assert.equal(await exited, 143);
  assert.deepEqual(readdirSync(tmp), [], 'no temporary directory left');
});

test('serve: a module that does not load at first comes back when it is fixed', async (t) => {
  const tmp = tempDir('heapscope-serve-tmp-');
  const mod = join(tempDir('heapscope-serve-broken-'), 'm');
  cpSync(examplesDir, mod, { recursive: true });
  const gomod = readFileSync(join(mod, 'go.mod'), 'utf8');
  writeFileSync(join(mod, 'go.mod'), gomod + '\nrequire (\n');
  const { url, child } = await startServe(mod, tmp);
  t.after(() => child.kill('SIGKILL'));
  const first = await call(`${url}api/data`);
  assert.equal(first.status, 503);
  assert.match(first.body, /go\.mod/);
  const updated = nextUpdate(url, 1);
  writeFileSync(join(mod, 'go.mod'), gomod);
  assert.equal(await updated, 1);
  assert.equal((await call(`${url}api/data`)).status, 200);
});
