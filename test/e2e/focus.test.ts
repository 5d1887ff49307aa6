// What matters first, end to end on the focus fixture (test/fixtures/modules/focus): the real compiler's decisions
// joined with the source's structure (go/srcfacts) and, after a real `heapscope bench`, the measured figures.
// Asserted by position, cause id and field: cold marks and reasons, readable names beside the raw ones, the
// ranking, the filters, other modules' generic code charged to the calls that instantiate it, and the generic
// function nothing instantiates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { runCli, tempDir } from '../helpers/cli.js';
import { fixturesDir } from '../helpers/paths.js';
import type { AnalysisModel, Site } from '../../src/model/types.js';

const dir = join(fixturesDir, 'modules', 'focus');
const cache = tempDir('heapscope-focus-cache-');
const env = { HEAPSCOPE_CACHE: cache };

function analyzeJson(...args: string[]): AnalysisModel {
  const r = runCli(['analyze', '--format', 'json', '-C', dir, ...args], { env });
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as AnalysisModel;
}

const heap = (m: AnalysisModel): Site[] => m.sites.filter((s) => s.heap && s.allocates !== 'never');
const at = (m: AnalysisModel, line: number, column: number): Site => {
  const s = m.sites.find((x) => x.heap && x.line === line && x.column === column && x.file === 'focus.go');
  assert.ok(s, `no heap site at focus.go:${line}:${column}`);
  return s;
};

test('cold paths: error branches, panic arguments and returned error values are cold, with the reason', () => {
  const m = analyzeJson();
  const cold = heap(m)
    .filter((s) => s.cold)
    .map((s) => `${s.line}:${s.column} ${s.coldReason}`)
    .sort();
  assert.deepEqual(cold, [
    '116:20 on a branch that returns a non-nil error',
    '136:25 on a branch that hands a new error to a call and returns',
    // Must: the argument of panic in fail, and the branch that calls fail.
    '142:31 an argument of panic',
    '149:24 on a branch that ends in panic',
    '149:8 on a branch that ends in panic',
    // reflected.go: the wrappers of reflect.Value's methods, with reflect's panic(&reflect.ValueError{...}) inlined.
    '1:0 an argument of panic',
    '1:0 an argument of panic',
    '46:23 on a branch that returns a non-nil error',
    '46:40 on a branch that returns a non-nil error',
    '49:20 on a branch that ends in panic',
    '49:37 on a branch that ends in panic',
    '52:23 on a branch that returns a non-nil error',
    '52:38 on a branch that returns a non-nil error',
  ]);
  // The loop in Grid is hot.
  assert.equal(at(m, 24, 24).cold, undefined);
  // Not cold: an error branch with a way out that returns a nil error, a branch taken under ||, a case
  // expression (the lines marked "hot:" in the source).
  const src = readFileSync(join(dir, 'focus.go'), 'utf8').split('\n');
  const hot = src.flatMap((l, i) => (l.includes('// hot:') ? [i + 1] : []));
  assert.equal(hot.length, 3);
  for (const line of hot) {
    const here = heap(m).filter((s) => s.file === 'focus.go' && s.line === line);
    assert.ok(here.length > 0, `a heap site on focus.go:${line}`);
    for (const s of here) assert.equal(s.cold, undefined, `focus.go:${s.line}:${s.column} ${s.expr}: ${s.coldReason}`);
  }
});

test('names in Go words beside the raw ones: initialiser, func literal, results, shapes', () => {
  const m = analyzeJson();
  const init = at(m, 16, 44);
  assert.equal(init.function, 'init');
  assert.equal(init.goName?.function, 'the initialiser of var Registry');
  // NewPoint's own result: the destination of the return edge.
  const p = at(m, 68, 2);
  assert.ok(p.flow.some((f) => f.dst === '~r0' && f.goText?.dst === 'the result of NewPoint'));
  // Inside an expression, ~r0 is the result of a call inlined there (strconv.Itoa), not the function's.
  const label = at(m, 31, 13);
  assert.equal(label.expr, '"p" + ~r0');
  assert.equal(label.goName?.expr, '"p" + the result of an inlined call');
  const clone = m.sites.find((s) => s.heap && s.file === 'focus.go' && s.line === 74 && s.expr.includes('go.shape.'));
  assert.ok(clone?.goName?.expr?.includes('~[]string'), JSON.stringify(clone?.goName));
  // Nothing compiler-internal in the text report.
  const text = runCli(['analyze', '-C', dir], { env }).stdout;
  for (const raw of ['~r0', 'go.shape.', '.func1', ' in init:', 'autotmp']) assert.ok(!text.includes(raw), `text shows ${raw}`);
});

test('costs: the nested loop ranks first; cold sites rank last; the summary fits one screen', () => {
  const m = analyzeJson();
  const grid = at(m, 24, 24);
  assert.equal(grid.cost?.source, 'estimated');
  const scores = heap(m).map((s) => s.cost!.score);
  assert.equal(Math.max(...scores), grid.cost!.score);
  assert.ok(
    heap(m)
      .filter((s) => s.cold)
      .every((s) => s.cost!.score < 0.1),
  );
  const label = at(m, 31, 13);
  assert.ok(label.cost!.score > at(m, 68, 2).cost!.score, 'a function called in a loop weighs more than straight-line code');

  const r = runCli(['analyze', '--top', '5'], { env, cwd: dir });
  const lines = r.stdout.split('\n');
  const summary = lines.slice(0, lines.indexOf(''));
  assert.ok(summary.length <= 40, `${summary.length} lines`);
  // The heading counts what the summary below counts.
  const total = /^The 5 costliest of (\d+) heap sites/.exec(summary[0]!)?.[1];
  assert.ok(total, summary[0]);
  assert.match(r.stdout, new RegExp(`^  ${total} heap sites: `, 'm'));
  assert.match(summary[1]!, /^ {2}1\. focus\.go:24:(17|24): /);
  assert.equal(runCli(['analyze', '-C', dir, '--top', '0'], { env }).stdout.startsWith('# example.com/focus'), true);
});

test('filters: --cause, --function, --package, --all; bad values and filters that match nothing are usage errors', () => {
  const byCause = analyzeJson('--cause', 'closure-capture');
  assert.deepEqual(
    heap(byCause)
      .map((s) => `${s.line}:${s.column}`)
      .sort(),
    ['59:2', '60:9'],
  );
  assert.ok(byCause.filtered!.sites > 0);
  const byFn = analyzeJson('--function', '^Parse$');
  assert.ok(heap(byFn).length > 0 && heap(byFn).every((s) => s.function === 'Parse'));
  assert.ok(heap(analyzeJson('--package', './...')).length > 0);
  // A directory pattern is relative to -C DIR, as for the go command, wherever heapscope runs.
  const elsewhere = runCli(['analyze', '--format', 'json', '-C', dir, '--package', './...'], { env, cwd: tmpdir() });
  assert.ok(heap(JSON.parse(elsewhere.stdout) as AnalysisModel).length > 0, elsewhere.stderr);

  // By default slices' generic code is charged to the calls in Sorted; --all lists its sites.
  const dflt = analyzeJson();
  assert.ok(dflt.sites.every((s) => !s.heap || !s.file.startsWith('/')));
  const inst = dflt.instantiations!.find((i) => i.callee === 'slices');
  assert.ok(inst && inst.sites > 0);
  assert.deepEqual(
    inst.calls.map((c) => `${c.file}:${c.line}`),
    ['focus.go:74', 'focus.go:75'],
  );
  const all = analyzeJson('--all');
  assert.equal(heap(all).filter((s) => s.file.startsWith('/')).length, inst.sites);

  for (const [args, flag] of [
    [['--cause', 'no-such-cause'], '--cause'],
    [['--function', '('], '--function'],
    // A filter that matches nothing in the analysed packages is a typo, not an empty answer.
    [['--package', 'example.com/other/...'], '--package'],
    [['--package', '['], '--package'],
    [['--function', '^NoSuchFunction$'], '--function'],
    [['--min-allocs', 'lots'], '--min-allocs'],
    [['--top', '-1'], '--top'],
  ] as const) {
    const r = runCli(['analyze', '-C', dir, ...args], { env });
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, new RegExp(`^heapscope: ${flag} `));
  }
});

test('a generic function nothing instantiates is listed as not analysed', () => {
  const m = analyzeJson();
  assert.deepEqual(
    m.notAnalysed!.map((n) => `${n.function} ${n.file}:${n.line}`),
    ['Keys focus.go:80'],
  );
});

test('after heapscope bench, analyze ranks by the measured figures, and --min-allocs keeps what was measured', () => {
  const b = runCli(['bench', '-C', dir, '--bench', 'Grid', '--benchtime', '200x'], { env });
  assert.equal(b.code, 0, b.stderr);
  const m = analyzeJson();
  const grid = at(m, 24, 24);
  assert.equal(grid.cost?.source, 'measured');
  assert.equal(grid.cost?.benchmark, 'BenchmarkGrid');
  assert.ok(grid.cost!.allocsPerOp! >= 4, `Grid(2) makes four points per op: ${grid.cost!.allocsPerOp}`);
  assert.ok(m.measuredBy?.command.includes('--bench Grid'));
  const kept = analyzeJson('--min-allocs', '1');
  assert.ok(heap(kept).length > 0 && heap(kept).every((s) => s.cost?.source === 'measured' && s.cost.allocsPerOp! >= 1));
  const text = runCli(['analyze'], { env, cwd: dir }).stdout;
  assert.match(text.split('\n')[1]!, /^ {2}1\. focus\.go:24:(17|24): .*\n?/);
  assert.match(text.split('\n')[2]!, /allocs\/op on its line in BenchmarkGrid/);
});

test('--profile: a memory or CPU profile from go test ranks the lines it saw; anything else is a usage error', () => {
  const tmp = tempDir('heapscope-focus-prof-');
  const mem = join(tmp, 'mem.pprof');
  const cpu = join(tmp, 'cpu.pprof');
  const g = spawnSync(
    'go',
    [
      'test',
      '-run',
      '^$',
      '-bench',
      'Grid',
      '-benchtime',
      '2000x',
      '-memprofile',
      mem,
      '-memprofilerate',
      '1',
      '-cpuprofile',
      cpu,
      '-o',
      join(tmp, 'x.test'),
      '.',
    ],
    { cwd: dir, encoding: 'utf8' },
  );
  assert.equal(g.status, 0, g.stderr);
  const m = analyzeJson('--profile', mem);
  const grid = at(m, 24, 24);
  assert.equal(grid.cost?.source, 'measured');
  assert.equal(grid.cost?.profile, mem);
  // Grid(2) makes four points and grows the slice per op: thousands of objects over 2000 ops.
  assert.ok(grid.cost!.score > 2000, String(grid.cost!.score));
  assert.equal(at(m, 68, 2).cost?.source, 'estimated');
  const c = analyzeJson('--profile', cpu);
  assert.ok(['measured', 'estimated'].includes(at(c, 24, 24).cost!.source));
  const both = runCli(['analyze', '-C', dir, '--profile', mem, '--min-allocs', '1'], { env });
  assert.equal(both.code, 2);
  assert.match(both.stderr, /^heapscope: --min-allocs /);
  for (const bad of [join(dir, 'go.mod'), join(tmp, 'missing.pprof')]) {
    const r = runCli(['analyze', '-C', dir, '--profile', bad], { env });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^heapscope: --profile /);
  }
});
