// heapscope diff on real git repositories and real compiler output: two commits that add one heap site (and move
// every line), the user's tree and repository untouched; two Go releases on a real module whose decisions differ;
// bad input (an unknown revision, a shallow clone, no repository, a release the go command cannot get).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers/cli.js';
import { examplesDir } from '../helpers/paths.js';
import type { DiffReport } from '../../src/model/diff.js';
import { benchstat, benchstatCsv } from '../helpers/benchstat.js';
import { pctRangeString, formatDelta, comparisonString } from '../../src/model/benchstat.js';

const git = (cwd: string, ...args: string[]): string => {
  const r = spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=heapscope test', ...args], { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
};

/** A repository whose module is in a subdirectory: commit 1 the examples, commit 2 ten lines above and one new heap site. */
function repo(): { top: string; mod: string } {
  const top = join(tempDir('heapscope-diff-repo-'), 'r');
  const mod = join(top, 'go', 'examples');
  cpSync(examplesDir, mod, { recursive: true });
  git(top, 'init', '-q');
  git(top, 'add', '-A');
  git(top, 'commit', '-qm', 'examples');
  const file = join(mod, 'alloc.go');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace('package examples', '// moved\n'.repeat(10) + 'package examples') +
      '\nfunc Fresh() *[16]byte { var b [16]byte; return &b }\n',
  );
  git(top, 'commit', '-qam', 'one more heap site');
  return { top, mod };
}

test('two commits: one site added (lines moved are not changes); the tree and repository untouched', () => {
  const { top, mod } = repo();
  const before = { status: git(top, 'status', '--porcelain'), worktrees: git(top, 'worktree', 'list'), files: readdirSync(mod).sort() };
  const r = runCli(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], { cwd: mod });
  assert.equal(r.code, 1, r.stderr);
  const d = JSON.parse(r.stdout) as DiffReport;
  assert.equal(d.matchedBy, 'identity');
  assert.deepEqual(
    d.added.map((s) => [s.file, s.line, s.function, s.expr, s.cause?.id]),
    [['alloc.go', 124, 'Fresh', 'b', 'returned-address']],
  );
  assert.deepEqual(d.removed, []);
  assert.deepEqual(d.changed, []);
  assert.match(d.from.label, /^HEAD~1 \([0-9a-f]{12}\)$/);
  assert.deepEqual(
    { status: git(top, 'status', '--porcelain'), worktrees: git(top, 'worktree', 'list'), files: readdirSync(mod).sort() },
    before,
  );

  // Each commit's tree is kept in heapscope's cache (a commit never changes), so the next diff finds the go
  // command's build cache and heapscope's facts warm for it; the cache counts and bounds it.
  const info = JSON.parse(runCli(['cache', 'info', '--format', 'json']).stdout) as {
    kinds: Record<string, { entries: number; bytes: number }>;
  };
  assert.ok(info.kinds['revisions']!.entries >= 2 && info.kinds['revisions']!.bytes > 0, JSON.stringify(info.kinds));
  const again = runCli(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], { cwd: mod });
  assert.deepEqual(JSON.parse(again.stdout), d);

  // Against the working tree (B by default), from a clean tree: nothing new since HEAD.
  const same = runCli(['diff', 'HEAD'], { cwd: mod });
  assert.equal(same.code, 0, same.stderr);
  assert.match(same.stdout, /: 0 added, 0 removed, 0 changed heap sites$/m);
  // A revision's text report shows the added site where the user's tree has it.
  const text = runCli(['diff', 'HEAD~1'], { cwd: mod });
  assert.equal(text.code, 1);
  assert.match(text.stdout, /^alloc\.go:124:\d+: b moved to heap in Fresh: its address is returned/m);
});

test('bad input: unknown revision, shallow clone, no repository, a release that cannot be fetched: exit 2, one line', () => {
  const { top, mod } = repo();
  const unknown = runCli(['diff', 'no-such-branch'], { cwd: mod });
  assert.equal(unknown.code, 2);
  assert.equal(unknown.stderr, 'heapscope: unknown revision no-such-branch (a branch, tag or commit git rev-parse knows)\n');

  const shallow = join(tempDir('heapscope-diff-shallow-'), 's');
  assert.equal(spawnSync('git', ['clone', '-q', '--depth', '1', `file://${top}`, shallow]).status, 0);
  const sh = runCli(['diff', 'HEAD~1'], { cwd: join(shallow, 'go', 'examples') });
  assert.equal(sh.code, 2);
  assert.match(sh.stderr, /^heapscope: unknown revision HEAD~1: this clone is shallow and may not have it \(fetch it first/);

  const plain = join(tempDir('heapscope-diff-plain-'), 'm');
  cpSync(examplesDir, plain, { recursive: true });
  const none = runCli(['diff', 'HEAD'], { cwd: plain });
  assert.equal(none.code, 2);
  assert.match(none.stderr, /^heapscope: .* is not in a git repository/);

  const rel = runCli(['diff', '--go', 'go1.26.8', '--go', 'go1.99.0'], { cwd: mod });
  assert.equal(rel.code, 2);
  assert.match(rel.stderr, /^heapscope: --go go1\.99\.0: the go command cannot get that toolchain: /);
  assert.equal(runCli(['diff', '--go', 'latest', '--go', 'go1.26.8'], { cwd: mod }).code, 2);
  assert.equal(runCli(['diff'], { cwd: mod }).code, 2);
  // A benchmark comparison that compared nothing cannot pass a gate.
  const nothing = runCli(['diff', 'HEAD~1', '--bench', 'NoSuchBenchmark', '--count', '1'], { cwd: mod });
  assert.equal(nothing.code, 2);
  assert.match(nothing.stderr, /no benchmark matching --bench NoSuchBenchmark ran on either side/);
});

test('two Go releases on a real module: go.uber.org/zap under go1.26.8 and go1.27.4', () => {
  const dl = spawnSync('go', ['mod', 'download', '-json', 'go.uber.org/zap@v1.28.0'], { encoding: 'utf8' });
  assert.equal(dl.status, 0, dl.stderr);
  const zap = join(tempDir('heapscope-diff-zap-'), 'zap');
  cpSync((JSON.parse(dl.stdout) as { Dir: string }).Dir, zap, { recursive: true, mode: 0 });
  spawnSync('chmod', ['-R', 'u+w', zap]);
  assert.equal(spawnSync('go', ['mod', 'download'], { cwd: zap }).status, 0);
  const r = runCli(['diff', '--go', 'go1.26.8', '--go', 'go1.27.4', '--format', 'json', '--', '.', './zapcore'], { cwd: zap });
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const d = JSON.parse(r.stdout) as DiffReport;
  assert.equal(d.matchedBy, 'position');
  assert.deepEqual([d.from.go, d.to.go], ['go1.26.8', 'go1.27.4']);
  // go1.27's encoding/json keeps the decoder off the heap in zap's PUT handler.
  assert.ok(
    d.removed.some((s) => s.file === 'http_handler.go' && s.line === 133 && s.expr === '&json.Decoder{...}'),
    JSON.stringify(d.removed.map((s) => `${s.file}:${s.line} ${s.expr}`)),
  );
  // And json.NewEncoder now returns new(Encoder): the same site, another expression and cause.
  const enc = d.changed.find((c) => c.after.file === 'zapcore/reflected_encoder.go' && c.after.line === 37);
  assert.ok(enc, JSON.stringify(d.changed.map((c) => `${c.after.file}:${c.after.line}`)));
  assert.ok(enc!.what.includes('cause: returned-address → returned-value'), enc!.what.join('; '));
});

test('benchmarks A/B: an allocation added is a significant regression (exit 1); every cell as benchstat prints it', () => {
  const top = join(tempDir('heapscope-ab-repo-'), 'r');
  cpSync(examplesDir, top, { recursive: true });
  git(top, 'init', '-q');
  git(top, 'add', '-A');
  git(top, 'commit', '-qm', 'examples');
  // Join now allocates twice: the concatenation, and name moved to the heap for a global to keep.
  const file = join(top, 'alloc.go');
  const src = readFileSync(file, 'utf8');
  const joined = src.replace('\treturn dir + "/" + name', '\tlastName = &name\n\treturn dir + "/" + name') + '\nvar lastName *string\n';
  assert.notEqual(joined, src);
  writeFileSync(file, joined);
  git(top, 'commit', '-qam', 'Join copies');
  const prefix = join(tempDir('heapscope-ab-out-'), 'ab');
  const r = runCli(
    [
      'diff',
      'HEAD~1',
      'HEAD',
      '--bench',
      'Join|NewPoint',
      '--count',
      '6',
      '--benchtime',
      '5000x',
      '--format',
      'json',
      '--bench-output',
      prefix,
    ],
    {
      cwd: top,
    },
  );
  assert.equal(r.code, 1, r.stderr);
  const d = JSON.parse(r.stdout) as DiffReport;
  const join1 = d.benchmarks.find((b) => b.name === 'BenchmarkJoin')!;
  const allocs = join1.metrics.find((m) => m.unit === 'allocs/op')!;
  assert.deepEqual([allocs.from.center, allocs.to.center, allocs.comparison.significant, allocs.regression], [1, 2, true, true]);
  assert.equal(allocs.comparison.text, '+100.00% (p=0.002 n=6)');
  assert.ok(join1.regression);
  assert.ok(!d.benchmarks.find((b) => b.name === 'BenchmarkNewPoint')!.metrics.find((m) => m.unit === 'allocs/op')!.regression);

  // benchstat on the same runs: every CI, delta and p cell the same.
  const cells = benchstatCsv(benchstat(), `${prefix}.from.txt`, `${prefix}.to.txt`);
  let checked = 0;
  for (const b of d.benchmarks)
    for (const m of b.metrics) {
      const unit = m.unit === 'ns/op' ? 'sec/op' : m.unit;
      const row = cells.get(`${b.name.replace(/^Benchmark/, '')}${b.procs > 1 ? `-${b.procs}` : ''} ${unit}`);
      assert.ok(row, `${b.name} ${unit} in benchstat's output: ${[...cells.keys()].join(', ')}`);
      const scale = m.unit === 'ns/op' ? 1e-9 : 1;
      assert.ok(Math.abs(row!.center1 - m.from.center * scale) <= 1e-9 * Math.abs(row!.center1), `${b.name} ${unit} base center`);
      assert.ok(Math.abs(row!.center2 - m.to.center * scale) <= 1e-9 * Math.abs(row!.center2), `${b.name} ${unit} center`);
      assert.deepEqual(
        [pctRangeString(m.from), pctRangeString(m.to), formatDelta(m.comparison), comparisonString(m.comparison)],
        [row!.ci1, row!.ci2, row!.delta, row!.p],
        `${b.name} ${unit}`,
      );
      checked++;
    }
  assert.equal(checked, 6);
});
