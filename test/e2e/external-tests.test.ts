// A package whose tests are all in its external test package (x_test.go in `package x_test`, beside x.go): every
// command that resolves a package from a file or runs benchmarks finds x's own code, its sites and its test binary.
// go list -test marks both `x [x.test]` and `x_test [x.test]` as ForTest x; only the first holds x's files, and
// a package with external tests only has no such variant (its test binary links plain x).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers/cli.js';
import { fixturesDir } from '../helpers/paths.js';
import { startServe, waitReady } from '../helpers/serve.js';
import type { AnalysisModel } from '../../src/model/types.js';
import type { BenchReport } from '../../src/model/bench-report.js';
import type { Explanation } from '../../src/model/explain-report.js';
import type { CheckReport } from '../../src/model/directives.js';

const mod = join(fixturesDir, 'modules', 'xtest');
const X = 'example.com/xtest/x';

test('external test package only: explain, bench, analyze after bench, check --bench and serve see x', async (t) => {
  // explain resolves x/x.go to x (not x_test) and builds x's test binary.
  const ex = runCli(['explain', 'x/x.go:8', '--format', 'json', '-C', mod]);
  assert.equal(ex.code, 0, ex.stderr);
  const e = JSON.parse(ex.stdout) as Explanation;
  assert.equal(e.package, X);
  assert.equal(e.testBinary, X);
  assert.equal(e.function?.name, 'NewCounter');
  assert.deepEqual(
    e.sites.filter((s) => s.heap).map((s) => [s.line, s.column, s.cause?.id]),
    [[8, 35, 'returned-address']],
  );
  assert.deepEqual(e.errors, []);

  // With --bench, x_test's benchmark measures the line, as x's own.
  const eb = runCli(['explain', 'x/x.go:16', '--bench', 'NewBox', '--format', 'json', '-C', mod]);
  assert.equal(eb.code, 0, eb.stderr);
  const b = JSON.parse(eb.stdout) as Explanation;
  assert.equal(b.function?.name, 'NewBox');
  assert.equal(b.sites.filter((s) => s.heap).length, 2);
  assert.deepEqual(
    b.benchmarks.map((x) => [x.name, x.package, x.line?.allocsPerOp]),
    [['BenchmarkNewBox', X, 2]],
  );
  // A line of x_test itself is explained from x's test binary too.
  const et = runCli(['explain', 'x/x_test.go:17', '--format', 'json', '-C', mod]);
  assert.equal(et.code, 0, et.stderr);
  const tl = JSON.parse(et.stdout) as Explanation;
  assert.equal(tl.package, `${X}_test`);
  assert.equal(tl.testBinary, X);
  assert.deepEqual(tl.errors, []);

  // analyze --tests compiles x (through its test binary's build) beside x_test, each decision once.
  const at = runCli(['analyze', '--tests', '--format', 'json', '-C', mod]);
  assert.equal(at.code, 0, at.stderr);
  const tested = JSON.parse(at.stdout) as AnalysisModel;
  assert.deepEqual(tested.packages.map((p) => p.importPath).sort(), [X, `${X}_test`]);
  const heap = tested.sites.filter((s) => s.heap && s.package === X);
  assert.deepEqual(
    heap.map((s) => [s.line, s.column]),
    [
      [8, 35],
      [16, 9],
      [16, 24],
      [34, 40],
    ],
  );

  // check --tests reads x's directive; with --bench, x_test's benchmark breaks it (before bench: check --bench
  // stores what it measured, as bench does).
  const ct = runCli(['check', '--tests', '--format', 'json', '-C', mod]);
  assert.equal(ct.code, 0, ct.stderr);
  assert.equal((JSON.parse(ct.stdout) as CheckReport).directives, 1);
  const cb = runCli(['check', '--tests', '--bench', 'Label', '--benchtime', '1000x', '--format', 'json', '-C', mod]);
  assert.equal(cb.code, 1, cb.stderr);
  const v = (JSON.parse(cb.stdout) as CheckReport).violations;
  assert.deepEqual(
    v.map((x) => [x.rule, x.directive?.line, x.directive?.func?.name, x.measured?.benchmark, x.measured?.line]),
    [['noalloc', 22, 'Label', 'BenchmarkLabel', 24]],
  );

  // bench charges each line to x's static sites, with their causes, under the ids analyze gives them.
  const br = runCli(['bench', '--format', 'json', '--benchtime', '1000x', '-C', mod]);
  assert.equal(br.code, 0, br.stderr);
  const rep = JSON.parse(br.stdout) as BenchReport;
  const line = (bench: string, n: number) => {
    const l = rep.benchmarks.find((x) => x.name === bench)?.lines.find((x) => x.file === 'x/x.go' && x.line === n);
    assert.ok(l, `${bench}: x/x.go:${n}`);
    return l!;
  };
  const idsAt = (n: number) => heap.filter((s) => s.line === n).map((s) => s.id);
  const box = line('BenchmarkNewBox', 16);
  assert.equal(box.allocsPerOp, 2);
  assert.deepEqual(
    box.sites.map((s) => s.id),
    idsAt(16),
  );
  assert.deepEqual(
    box.sites.map((s) => s.cause?.id),
    ['returned-address', 'stored-in-heap-object'],
  );
  assert.deepEqual(
    line('BenchmarkNewCounter', 8).sites.map((s) => s.id),
    idsAt(8),
  );
  assert.equal(line('BenchmarkNewCounter', 8).cause?.id, 'returned-address');
  // The func literal is named from x's functions, where the compiler declared it.
  const grow = line('BenchmarkGrow', 34);
  assert.deepEqual(
    grow.sites.map((s) => s.id),
    idsAt(34),
  );
  assert.match(grow.goFunction ?? '', /x\/x\.go:34:14/);

  // analyze ranks x's sites by what bench measured.
  const an = runCli(['analyze', '--format', 'json', '-C', mod]);
  assert.equal(an.code, 0, an.stderr);
  const measured = (JSON.parse(an.stdout) as AnalysisModel).sites.filter((s) => s.heap);
  assert.deepEqual(
    measured.map((s) => [s.line, s.cost?.source]),
    [
      [8, 'measured'],
      [16, 'measured'],
      [16, 'measured'],
      [34, 'measured'],
    ],
  );

  // serve --tests: x's sites on the page, with the measured figures.
  const { url, child } = await startServe(mod, tempDir('heapscope-serve-tmp-'), {}, ['--tests']);
  t.after(() => child.kill('SIGKILL'));
  const data = await waitReady(url);
  const pathOf = (i: number) => data.strings[data.packages[i]!.path];
  assert.deepEqual(data.packages.map((_, i) => pathOf(i)).sort(), [X, `${X}_test`]);
  assert.deepEqual(
    data.sites.filter((s) => s.heap && pathOf(s.package) === X).map((s) => [s.pos[1], s.cost?.source]),
    [
      [8, 'measured'],
      [16, 'measured'],
      [16, 'measured'],
      [34, 'measured'],
    ],
  );
});
