// A module in a directory with a space and a non-ASCII character, with cgo, a //line directive, a generated
// file, range-over-func, generics and nested closures: analysed from inside and from its parent (where the
// go command's cached output names the files relative to another directory).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { symlinkSync } from 'node:fs';
import { runCli, tempDir } from '../helpers/cli.js';
import { examplesDir, fixturesDir } from '../helpers/paths.js';
import type { AnalysisModel } from '../../src/model/types.js';

const parent = join(fixturesDir, 'escape', 'tricky');
const moduleDir = join(parent, 'dir with space é');

test('paths with spaces and non-ASCII, cgo, //line and generated files', () => {
  const inside = runCli(['analyze', '--format', 'json', '--no-cache'], { cwd: moduleDir, env: { GOWORK: 'off' } });
  assert.equal(inside.code, 0, inside.stderr);
  const a = JSON.parse(inside.stdout) as AnalysisModel & { unrecognised: { count: number } };
  assert.equal(a.unrecognised.count, 0);
  const files = new Set(a.sites.map((s) => s.file));
  for (const f of ['closures.go', 'cgo.go', 'zz_generated.go', 'seq.go', 'generic.go', 'tmpl/page é.tmpl']) assert.ok(files.has(f), f);
  assert.ok(
    a.sites.some((s) => s.truncated),
    'the assignment-cycle explanation is marked truncated',
  );

  // From the parent, through its go.work: the same decisions, named relative to the workspace directory.
  const outside = runCli(['analyze', '--format', 'json', '--no-cache', '-C', parent, './dir with space é']);
  assert.equal(outside.code, 0, outside.stderr);
  const b = JSON.parse(outside.stdout) as AnalysisModel;
  const key = (file: string, s: { line: number; column: number; kind: string; expr: string }) =>
    `${file}:${s.line}:${s.column}:${s.kind}:${s.expr}`;
  const fromInside = a.sites
    .map((s) => key(s.file.endsWith('.go') && s.file !== '_cgo_gotypes.go' ? `dir with space é/${s.file}` : s.file, s))
    .sort();
  const fromParent = b.sites.map((s) => key(s.file, s)).sort();
  assert.deepEqual(fromParent, fromInside);
});

test('generic code of another directory is reported under its own file, from the module root and from inside a package', () => {
  // buffer/pool.go and internal/pool/pool.go share a base name; the compiler reports internal/pool's generic code
  // while building buffer, relative to the directory of whichever command compiled buffer first.
  const root = join(fixturesDir, 'modules', 'samebase');
  const rows = (cwd: string, pattern: string): string[] => {
    const r = runCli(['analyze', '--format', 'json', '--no-cache', pattern], { cwd });
    assert.equal(r.code, 0, r.stderr);
    const m = JSON.parse(r.stdout) as AnalysisModel;
    return m.sites.filter((s) => s.heap).map((s) => `${s.file}:${s.line}:${s.column} ${s.expr} in ${s.function}`);
  };
  const fromRoot = rows(root, './...');
  assert.ok(fromRoot.includes('internal/pool/pool.go:10:9 &pool.Pool[go.shape.*uint8]{...} in New[go.shape.*uint8]'), fromRoot.join('\n'));
  assert.ok(fromRoot.includes('buffer/pool.go:8:42 &Buffer{...} in init.func1'), fromRoot.join('\n'));
  assert.ok(!fromRoot.some((r) => r.startsWith('./') || r.startsWith('buffer/pool.go:10:') || r.startsWith('buffer/pool.go:11:24')));
  // The same go build cache entry replayed into a command run inside buffer/.
  assert.deepEqual(rows(join(root, 'buffer'), '.'), fromRoot);
});

test('a module reached through a symlink: the same paths and answers as from its real directory', () => {
  const link = join(tempDir('heapscope-link-'), 'exlink');
  symlinkSync(examplesDir, link);
  // As a shell in the linked directory runs it: the working directory is the real one, PWD the link.
  const env = { PWD: link };
  const text = runCli(['analyze', '--no-cache', './'], { cwd: link, env });
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /^alloc\.go:17:2: /m);
  assert.doesNotMatch(text.stdout, /\.\.\//, 'no path climbs out and back in');
  const ex = runCli(['explain', '--no-cache', '--format', 'json', 'alloc.go:17'], { cwd: link, env });
  assert.equal(ex.code, 0, ex.stderr);
  const e = JSON.parse(ex.stdout) as { file: string; sites: { kind: string; expr: string }[] };
  assert.ok(
    e.sites.some((s) => s.kind === 'moved-to-heap' && s.expr === 'p'),
    JSON.stringify(e.sites),
  );
  // The file named by one path, the module by the other: the same line.
  for (const [C, file] of [
    [examplesDir, join(link, 'alloc.go')],
    [link, join(examplesDir, 'alloc.go')],
  ] as const) {
    const x = runCli(['explain', '--no-cache', '--format', 'json', '-C', C, `${file}:17`]);
    assert.equal(x.code, 0, x.stderr);
    assert.equal((JSON.parse(x.stdout) as { file: string }).file, 'alloc.go', `-C ${C} ${file}`);
  }
  // Named with -C through the link, from elsewhere: the JSON is the same as from the real directory.
  const viaLink = runCli(['analyze', '--no-cache', '--format', 'json', '-C', link, './']);
  const direct = runCli(['analyze', '--no-cache', '--format', 'json', '-C', examplesDir, './']);
  const files = (out: string): string[] => [...new Set((JSON.parse(out) as AnalysisModel).sites.map((s) => s.file))].sort();
  assert.deepEqual(files(viaLink.stdout), files(direct.stdout));
});
