// heapscope diff on real git repositories and real compiler output: two commits that add one heap site (and move
// every line), the user's tree and repository untouched; two Go releases on a real module whose decisions differ;
// bad input (an unknown revision, a shallow clone, no repository, a release the go command cannot get).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
function repo(): { top: string; mod: string; freshLine: number } {
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
  // The line Fresh landed on: the file's last.
  const freshLine = readFileSync(file, 'utf8').trimEnd().split('\n').length;
  return { top, mod, freshLine };
}

test('two commits: one site added (lines moved are not changes); the tree and repository untouched', () => {
  const { top, mod, freshLine } = repo();
  const before = { status: git(top, 'status', '--porcelain'), worktrees: git(top, 'worktree', 'list'), files: readdirSync(mod).sort() };
  const r = runCli(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], { cwd: mod });
  assert.equal(r.code, 1, r.stderr);
  const d = JSON.parse(r.stdout) as DiffReport;
  assert.equal(d.matchedBy, 'identity');
  assert.deepEqual(
    d.added.map((s) => [s.file, s.line, s.function, s.expr, s.cause?.id]),
    [['alloc.go', freshLine, 'Fresh', 'b', 'returned-address']],
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
  assert.match(text.stdout, new RegExp(`^alloc\\.go:${freshLine}:\\d+: b moved to heap in Fresh: its address is returned`, 'm'));
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

/** Bytes of every file under d, heapscope's or not: what the bound is about, counted without heapscope. */
function bytesUnder(d: string): number {
  let n = 0;
  for (const e of readdirSync(d, { withFileTypes: true }))
    n += e.isDirectory() ? bytesUnder(join(d, e.name)) : statSync(join(d, e.name)).size;
  return n;
}

/** Every file under d, relative to it. */
function filesUnder(d: string, at = ''): string[] {
  return readdirSync(join(d, at), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(d, join(at, e.name)) : [join(at, e.name)],
  );
}

test('the cache bound holds after every diff; a revision holds only what analysis reads; a stopped run’s tree goes', () => {
  // A module whose package embeds a directory (4 MiB of it) and a file, beside a 30 MiB file nothing embeds.
  const top = join(tempDir('heapscope-diff-bound-'), 'r');
  mkdirSync(join(top, 'web', 'static'), { recursive: true });
  writeFileSync(join(top, 'go.mod'), 'module example.com/bound\n\ngo 1.22\n');
  writeFileSync(
    join(top, 'web', 'web.go'),
    'package web\n\nimport "embed"\n\n//go:embed static\nvar files embed.FS\n\n//go:embed "page one.txt"\nvar page string\n',
  );
  writeFileSync(join(top, 'web', 'static', 'blob.bin'), Buffer.alloc(4 * 1024 ** 2, 7));
  writeFileSync(join(top, 'web', 'static', 'a.txt'), 'a');
  writeFileSync(join(top, 'web', 'page one.txt'), 'page');
  writeFileSync(join(top, 'video.bin'), Buffer.alloc(30 * 1024 ** 2, 1));
  writeFileSync(join(top, 'README.md'), '# bound\n');
  git(top, 'init', '-q');
  git(top, 'add', '-A');
  git(top, 'commit', '-qm', 'web');
  for (let i = 1; i <= 3; i++) {
    appendFileSync(join(top, 'web', 'web.go'), `\nfunc F${i}() *[8]byte { var b [8]byte; return &b }\n`);
    git(top, 'commit', '-qam', `F${i}`);
  }
  const sha = (rev: string): string => git(top, 'rev-parse', rev).trim();
  const cache = tempDir('heapscope-diff-bound-cache-');
  const limit = 14 * 1024 ** 2;
  const env = { HEAPSCOPE_CACHE: cache, HEAPSCOPE_CACHE_LIMIT: '14M' };
  const diff = (a: string, b: string, added: string): void => {
    const r = runCli(['diff', a, b, '--format', 'json'], { cwd: top, env });
    assert.equal(r.code, 1, r.stderr);
    const d = JSON.parse(r.stdout) as DiffReport;
    // Compiled on both sides (an embedded file missing is a build error), the one function added found.
    assert.deepEqual(d.packages, []);
    assert.deepEqual(
      d.added.map((s) => `${s.file} ${s.function}`),
      [`web/web.go ${added}`],
    );
    const info = JSON.parse(runCli(['cache', 'info', '--format', 'json'], { env }).stdout) as { bytes: number };
    assert.ok(info.bytes <= limit && bytesUnder(cache) <= limit, `${a}..${b}: ${info.bytes}, ${bytesUnder(cache)} on disk`);
  };

  diff('HEAD~3', 'HEAD~2', 'F1');
  // The tree holds the Go and module files and what the package embeds, not the 30 MiB file nor the README.
  assert.deepEqual(filesUnder(join(cache, 'revisions', sha('HEAD~3'))).sort(), [
    '.heapscope-complete',
    'go.mod',
    'web/page one.txt',
    'web/static/a.txt',
    'web/static/blob.bin',
    'web/web.go',
  ]);

  // A tree left by a run that was stopped goes with the next run; one being written by a live run stays.
  const stopped = join(cache, 'revisions', `${'e'.repeat(40)}.${spawnSync(process.execPath, ['-e', '']).pid}.tmp`);
  const live = join(cache, 'revisions', `${'f'.repeat(40)}.${process.pid}.tmp`);
  for (const d of [stopped, live]) {
    mkdirSync(d);
    writeFileSync(join(d, 'big'), Buffer.alloc(1024 ** 2));
  }
  diff('HEAD~2', 'HEAD~1', 'F2');
  assert.deepEqual([existsSync(stopped), existsSync(live)], [false, true]);
  rmSync(live, { recursive: true });

  // Each diff adds trees of 4 MiB: the bound is kept after every run, not once an hour.
  diff('HEAD~1', 'HEAD', 'F3');
  // The least recently used trees went (the first diff's), and come back when wanted.
  assert.equal(existsSync(join(cache, 'revisions', sha('HEAD~3'))), false);
  diff('HEAD~3', 'HEAD~2', 'F1');
});

test('a submodule in a revision: its packages are not compared (not reported removed or added), and a note says so', () => {
  const base = tempDir('heapscope-diff-sub-');
  const lib = join(base, 'lib');
  mkdirSync(lib);
  writeFileSync(join(lib, 'lib.go'), 'package lib\n\nfunc New() *[8]byte { var b [8]byte; return &b }\n');
  git(lib, 'init', '-q');
  git(lib, 'add', '-A');
  git(lib, 'commit', '-qm', 'lib');
  // The module first holds the package itself, then has it as a submodule.
  const top = join(base, 'm');
  mkdirSync(join(top, 'lib'), { recursive: true });
  writeFileSync(join(top, 'go.mod'), 'module example.com/m\n\ngo 1.22\n');
  writeFileSync(join(top, 'm.go'), 'package m\n\nfunc P() *int { x := 1; return &x }\n');
  cpSync(join(lib, 'lib.go'), join(top, 'lib', 'lib.go'));
  git(top, 'init', '-q');
  git(top, 'add', '-A');
  git(top, 'commit', '-qm', 'lib inside');
  git(top, 'rm', '-rq', 'lib');
  git(top, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', lib, 'lib');
  git(top, 'commit', '-qm', 'lib as a submodule');
  const note =
    /^heapscope: the submodule at lib is not part of the tree of HEAD \([0-9a-f]{12}\) \(git archive leaves it out\): its packages are not compared$/m;
  // Before: lib/lib.go's site was reported removed (HEAD~1 → HEAD), then added (HEAD → the work tree).
  for (const args of [['HEAD~1', 'HEAD'], ['HEAD']]) {
    const r = runCli(['diff', ...args, '--format', 'json'], { cwd: top });
    assert.equal(r.code, 0, r.stderr);
    const d = JSON.parse(r.stdout) as DiffReport;
    assert.deepEqual([d.added, d.removed, d.changed], [[], [], []], args.join(' '));
    assert.match(r.stderr, note);
  }
});
