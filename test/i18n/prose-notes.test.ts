// The benchmark notes the join and the model write, in Chinese: whether the lines add up to what go test measured
// and why not (join/reconcile.ts), over a grid of benchmark reports that reaches its branches; the GC notes of real
// captured gctrace lines; --compare's and the budgets' texts. The same grid in English gives the same notes, one for
// one: the language changes the words, never what is said.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { t } from '../../src/i18n/t.js';
import type { Lang } from '../../src/i18n/lang.js';
import { reconcile } from '../../src/join/reconcile.js';
import { gcFigures } from '../../src/model/gc-figures.js';
import { parseGcTraceText } from '../../src/parsers/gctrace.js';
import { compareBenchmarks, resolveCompareName } from '../../src/model/compare.js';
import type { BenchLine, BenchReport, BenchmarkReport } from '../../src/model/bench-report.js';
import { checkBudgets } from '../../src/model/budgets.js';
import { englishRuns } from '../helpers/english.js';
import { fixturesDir } from '../helpers/paths.js';

const base: BenchLine = {
  file: 'alloc.go',
  line: 43,
  function: 'Describe',
  innermost: null,
  allocsPerOp: 1,
  bytesPerOp: 16,
  types: ['int'],
  typeDetails: [],
  allocations: [
    { runtime: 'convT64', callee: null, symbol: 'm.Describe', type: 'int', size: 8, sizeClass: 8, allocsPerOp: 1, bytesPerOp: 16 },
  ],
  sites: [],
  context: [],
  cause: null,
  notes: [],
};
const big: BenchLine = { ...base, line: 50, bytesPerOp: 64, types: ['[]int'], allocations: [] };
const lineSets: BenchLine[][] = [
  [base],
  [big],
  [{ ...base, allocsPerOp: 2, profiledAllocsPerOp: 1 }],
  [big, { ...big, line: 60, allocsPerOp: 0.01, bytesPerOp: 40, amortised: true }],
  [big, { ...big, line: 70, allocsPerOp: 0.2, bytesPerOp: 30, oneOff: true }],
];

/** Every note of reconcile over the grid, in `lang`, one list per case. */
function grid(lang: Lang): string[][] {
  t.setLang(lang);
  try {
    const out: string[][] = [];
    for (const lines of lineSets)
      for (const allocsPerOp of [0, 1, 2, 3])
        for (const bytesPerOp of [16, 80, 400])
          for (const unshown of [undefined, { allocs: 0.5, bytes: 20 }])
            for (const highAllocs of [null, 2]) {
              const rep: BenchmarkReport = {
                name: 'BenchmarkDescribe',
                procs: 2,
                package: 'm',
                nsPerOp: 100,
                bytesPerOp,
                allocsPerOp,
                metrics: { iterations: { median: 1000 } as BenchmarkReport['metrics'][string] },
                runs: 1,
                profiledIterations: [100, 400],
                setup: { allocs: 1, bytes: 64_000 },
                lines: lines.map((l) => ({ ...l, notes: [] })),
                untimed: allocsPerOp === 3 ? [{ ...big, line: 20 }] : undefined,
                notes: [],
              };
              reconcile(rep, { iterations: 400, profile: null, allocsPerOp: highAllocs, bytesPerOp, error: null }, unshown);
              out.push(rep.notes);
            }
    return out;
  } finally {
    t.setLang('en');
  }
}

test('reconcile: every note of the grid in Chinese has no English sentence, and says as many things as in English', () => {
  const zh = grid('zh-CN');
  const en = grid('en');
  assert.deepEqual(
    zh.map((n) => n.length),
    en.map((n) => n.length),
  );
  const notes = [...new Set(zh.flat())];
  for (const n of notes) assert.deepEqual(englishRuns(n), [], n);
  // The grid reaches most of reconcile's notes (distinct beginnings of the English ones).
  const kinds = new Set(en.flat().map((n) => n.split(/[:(]/)[0]!.replace(/[\d.]+/g, '#')));
  assert.ok(kinds.size >= 8, [...kinds].join('\n'));
});

test('GC notes of captured gctrace lines, --compare and budgets in Chinese', () => {
  const dir = join(fixturesDir, 'gctrace', 'go1.26.8');
  const trace = (name: string) => parseGcTraceText(readFileSync(join(dir, `${name}.txt`), 'utf8'));
  t.setLang('zh-CN');
  try {
    const texts: string[] = [];
    for (const [name, env] of [
      ['gogc-off', { GOGC: 'off' }],
      ['gogc-off-limit', { GOGC: 'off', GOMEMLIMIT: '64MiB' }],
      ['forced', {}],
    ] as const)
      texts.push(...gcFigures({ trace: trace(name), ops: 1000, goVersion: 'go1.26.8', benchmark: 'BenchmarkX', env }).notes);
    const cmp = compareBenchmarks('BenchmarkA', 'BenchmarkB', []);
    texts.push(...cmp.notes);
    const none = resolveCompareName('Nope', ['BenchmarkA']);
    const two = resolveCompareName('A', ['BenchmarkXA', 'BenchmarkYA']);
    texts.push('error' in none ? none.error : '', 'error' in two ? two.error : '');
    const report = { benchmarks: [{ name: 'BenchmarkA', allocsPerOp: 1, bytesPerOp: 8, gc: null, cpu: null }] } as unknown as BenchReport;
    const budgets = checkBudgets(report, {
      budgets: { BenchmarkA: { gcCyclesPer1kOps: 1, allocCpuShare: 0.1 } },
    } as unknown as Parameters<typeof checkBudgets>[1]);
    texts.push(...budgets.map((b) => b.unmeasured ?? ''));
    const said = texts.filter((x) => x !== '');
    assert.ok(said.length >= 7, said.join('\n'));
    for (const text of said) assert.deepEqual(englishRuns(text), [], text);
  } finally {
    t.setLang('en');
  }
});
