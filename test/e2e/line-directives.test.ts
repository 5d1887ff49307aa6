// A //line directive in analysed code makes the compiler name any path as a position. Nothing may read, embed or
// serve a file because of it: not the HTML report, not serve's /api/source, not the playground. The sites stay in
// every output at the position the compiler gave, and count as the package's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers/cli.js';
import { call, startServe, waitReady } from '../helpers/serve.js';
import { pageParts } from '../helpers/page.js';
import type { AnalysisModel } from '../../src/model/types.js';

const SECRET = 'HEAPSCOPE_TEST_SECRET_7f3a';

/** Three heap sites, each positioned by a //line directive at a file that must never be read. */
const EXFIL = `package exfil

type T struct{ s string }

func Plain(s string) *T {
	return &T{s: s}
}

// A //line directive holds until the next one: each function below is positioned by the one above it.
func Environ(s string) *T {
//line /proc/self/environ:1
	return &T{s: s}
}

func Passwd(s string) *T {
//line /etc/passwd:1
	return &T{s: s}
}

func DotEnv(s string) *T {
//line .env:1
	return &T{s: s}
}

func GitConfig(s string) *T {
//line .git/config:1
	return &T{s: s}
}

`;

function hostileModule(): string {
  const dir = join(tempDir('heapscope-linedir-'), 'm');
  mkdirSync(join(dir, '.git'), { recursive: true });
  writeFileSync(join(dir, 'go.mod'), 'module example.com/exfil\n\ngo 1.21\n');
  writeFileSync(join(dir, 'exfil.go'), EXFIL);
  writeFileSync(join(dir, '.env'), `TOKEN=${SECRET}\n`);
  writeFileSync(join(dir, '.git', 'config'), `[http]\n\textraheader = AUTHORIZATION: basic ${SECRET}\n`);
  return dir;
}

const NAMED = ['/proc/self/environ', '/etc/passwd', '.env', '.git/config'];

test('//line: the html report, serve and the playground read no file a directive names; the sites stay the package own', async (t) => {
  const dir = hostileModule();
  const env = { [SECRET]: SECRET };

  // The text report counts the five sites as the package's own (none is "other modules' code").
  const json = runCli(['analyze', '--format', 'json', '-C', dir], { env });
  assert.equal(json.code, 0, json.stderr);
  const model = JSON.parse(json.stdout) as AnalysisModel;
  const heap = model.sites.filter((s) => s.heap);
  assert.deepEqual(heap.map((s) => s.file).sort(), [...NAMED, 'exfil.go'].sort());
  assert.equal(model.filtered?.external ?? 0, 0);
  assert.ok(!json.stdout.includes(SECRET));
  const text = runCli(['analyze', '-C', dir], { env });
  assert.match(text.stdout, /^\s+5 heap sites: /m);

  // The html report: the sites and their files are in the data, only exfil.go has a source.
  const out = join(tempDir('heapscope-linedir-html-'), 'r.html');
  const html = runCli(['analyze', '--format', 'html', '-o', out, '-C', dir], { env });
  assert.equal(html.code, 0, html.stderr);
  const page = readFileSync(out, 'utf8');
  const { data, sources } = pageParts(page);
  const files = data.files.map((f) => data.strings[f.path]);
  assert.deepEqual([...files].sort(), [...NAMED, 'exfil.go'].sort());
  files.forEach((f, i) => {
    assert.equal(data.files[i]!.source, f === 'exfil.go', f);
    assert.equal(sources[i] !== null, f === 'exfil.go', f);
  });
  assert.equal(sources[files.indexOf('exfil.go')], EXFIL);
  assert.ok(!page.includes(SECRET) && !sources.some((s) => s?.includes(SECRET) || s?.includes('root:')));

  // serve: /api/source by index gives exfil.go and nothing else.
  const tmp = tempDir('heapscope-linedir-tmp-');
  const { url, child } = await startServe(dir, tmp, env);
  t.after(() => child.kill('SIGKILL'));
  const served = await waitReady(url);
  for (let i = 0; i < served.files.length; i++) {
    const f = served.strings[served.files[i]!.path]!;
    const r = await call(`${url}api/source?file=${i}`);
    assert.equal(r.status, f === 'exfil.go' ? 200 : 404, f);
    assert.equal(served.files[i]!.source, f === 'exfil.go', f);
    assert.ok(!r.body.includes(SECRET), f);
  }

  // The playground: the same directives in a snippet; its answer holds no byte of those files.
  const snippet = await call(`${url}api/playground`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ files: { 'exfil.go': EXFIL } }),
  });
  assert.equal(snippet.status, 200, snippet.body);
  assert.ok(!snippet.body.includes(SECRET) && !snippet.body.includes('root:x:'));
  const sd = JSON.parse(snippet.body) as { sources: (string | null)[]; data: { files: { path: number }[]; strings: string[] } };
  assert.deepEqual(
    sd.data.files.map((f, i) => [sd.data.strings[f.path], sd.sources[i] !== null]).filter(([, has]) => has),
    [['exfil.go', true]],
  );
});
