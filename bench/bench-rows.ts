// The bench rows of npm run bench: heapscope bench against a plain `go test -run '^$' -bench . -benchmem` of the
// same benchmarks, the bundled examples/, at the default bench time and a short one (-benchtime 100ms), where
// heapscope's own work (its analysis, the listing, the cost pass) weighs most. Both are built first (untimed), so
// neither pays for compiling.
import { join } from 'node:path';
import { goOpts, hsOpts, type Bench } from './context.js';
import { alternate, rounds, timed } from './measure.js';
import { ratioRow, type Row } from './table.js';

export function benchRows(b: Bench): Row[] {
  const ex = join(b.root, 'examples');
  const n = rounds('BENCH_BENCH_RUNS', 5);
  const goTest = (...extra: string[]): string[] => ['go', 'test', '-run', '^$', '-bench', '.', '-benchmem', ...extra, './'];
  const hsBench = (...extra: string[]): string[] => [process.execPath, b.cli, 'bench', '--no-progress', ...extra, './'];
  timed('bench: building (untimed) go test', goTest('-bench', 'NONE'), goOpts(b, ex));
  timed('bench: building (untimed) heapscope bench', hsBench('--bench', 'NONE'), hsOpts(b, ex));
  const cases: [string, string[], string[]][] = [
    ['default bench time', [], []],
    ['`-benchtime 100ms`', ['-benchtime', '100ms'], ['--benchtime', '100ms']],
  ];
  return cases.map(([label, goExtra, hsExtra]) => {
    const r = alternate(
      n,
      () => timed(`bench ${label}: heapscope bench`, hsBench(...hsExtra), hsOpts(b, ex)),
      () => timed(`bench ${label}: go test -bench -benchmem`, goTest(...goExtra), goOpts(b, ex)),
    );
    return ratioRow(`\`bench\` on examples/, ${label} (${n} pairs)`, "`go test -run '^$' -bench . -benchmem`", null, r.a, r.b);
  });
}
