// A benchmark's cost panel: what its allocations cost, from the cost pass (one more run after the timed ones, under
// the CPU profiler and with GODEBUG=gctrace=1). Each figure says the pass and the instrument it came from and its
// caveat (a share from a few samples is rough; below the join's threshold it is unknown); then the CPU flame graph,
// and the allocating lines in a table sortable by the CPU spent allocating for them as well as by their counts.

import type { PageBenchLine, PageBenchmark } from '../../src/reporters/html/page-data.js';
import { el, linkButton } from './dom.js';
import { num } from './format.js';
import { cpuFlameView } from './cpu-flame.js';
import type { App } from './state.js';

/** join/cpu-cost.ts MIN_CPU_SAMPLES: fewer samples leave the shares null. */
const MIN_SAMPLES = 20;

const percent = (x: number): string => `${num(Math.round(x * 1000) / 10)}%`;

function bytes(n: number): string {
  if (n >= 1 << 30) return `${num(Math.round((n / (1 << 30)) * 100) / 100)} GiB`;
  if (n >= 1 << 20) return `${num(Math.round((n / (1 << 20)) * 100) / 100)} MiB`;
  if (n >= 1 << 10) return `${num(Math.round((n / (1 << 10)) * 100) / 100)} KiB`;
  return `${num(n)} B`;
}

interface Figure {
  key: string;
  label: string;
  /** The figure as shown, and as the data holds it (null: unknown). */
  text: string;
  value: number | null;
  source: string;
  caveat: string;
}

/** The 95% margin of a share of n samples: the normal approximation to the binomial, or at a share of 0 or 1 (where
 *  that gives ±0) the rule of three. */
function margin(p: number, n: number): string {
  const of = `(95%, ${num(n)} samples)`;
  if (p === 0) return `at most ${percent(Math.min(1, 3 / n))} ${of}`;
  if (p === 1) return `at least ${percent(Math.max(0, 1 - 3 / n))} ${of}`;
  return `±${num(Math.round(196 * Math.sqrt((p * (1 - p)) / n) * 10) / 10)} points ${of}`;
}

/** Three significant digits below 1 (0.0785 cycles per 1,000 ops), else as num. */
const small = (x: number): string => (x > 0 && x < 1 ? String(Number(x.toPrecision(3))) : num(x));

/** The pass a benchmark's cost figures come from: none ran for one that allocated nothing in its timed run. */
const NO_ALLOCATION = 'timed run: 0 allocs/op and 0 B/op (no cost run needed)';

function cpuFigures(b: PageBenchmark): Figure[] {
  const cpu = b.cpu!;
  const source = b.gc?.source === 'no-allocation' ? NO_ALLOCATION : 'cost pass: CPU profile (-test.cpuprofile)';
  const share = (key: string, label: string, v: number | null, what: string): Figure => ({
    key,
    label,
    text: v === null ? 'unknown' : percent(v),
    value: v,
    source,
    caveat:
      v === null
        ? `only ${num(cpu.samples)} sample${cpu.samples === 1 ? '' : 's'}: ${MIN_SAMPLES} are needed to say (a longer --benchtime gives more)`
        : `${what}; ${margin(v, cpu.samples)}`,
  });
  return [
    share('alloc-share', 'CPU in the allocator', cpu.allocShare, 'samples inside runtime.mallocgc and the allocation entry points'),
    share('gc-share', 'CPU in GC work', cpu.gcShare, 'marking, assists, sweeping and the pauses, the GC workers included'),
    {
      key: 'samples',
      label: 'CPU samples',
      text: `${num(cpu.samples)} (${num(cpu.seconds)} s)`,
      value: cpu.samples,
      source,
      caveat: `the profiler's ticks in the benchmark's goroutine and in the process's GC work${
        b.cpuFlame
          ? `, ${num(b.cpuFlame.periodNs / 1e6)} ms of CPU each; ${num(b.cpuFlame.outside)} more of start-up, the testing package and the scheduler left out`
          : ''
      }`,
    },
  ];
}

function gcFigures(b: PageBenchmark): Figure[] {
  const gc = b.gc!;
  const source = gc.source === 'no-allocation' ? NO_ALLOCATION : 'cost pass: GODEBUG=gctrace=1';
  const over = `in the cost run's timed loop of ${num(gc.ops)} ops (the testing package's forced cycles before it left out)`;
  const heap = (key: string, label: string, v: number | null, what: string): Figure => ({
    key,
    label,
    text: v === null ? 'unknown' : bytes(v),
    value: v,
    source,
    caveat: v === null ? 'no GC cycle ran in the timed loop (or GC was off)' : what,
  });
  return [
    { key: 'gc-cycles', label: 'GC cycles', text: num(gc.cycles), value: gc.cycles, source, caveat: over },
    {
      key: 'gc-per-1k',
      label: 'GC cycles per 1,000 ops',
      text: small(gc.cyclesPer1kOps),
      value: gc.cyclesPer1kOps,
      source,
      caveat: 'the same cycles',
    },
    {
      key: 'stw',
      label: 'Stop-the-world per op',
      text: `${small(gc.stwNsPerOp)} ns`,
      value: gc.stwNsPerOp,
      source,
      caveat: 'the same cycles\u2019 sweep-termination and mark-termination pauses, wall clock',
    },
    heap('heap-goal', 'Heap goal', gc.heapGoalBytes, 'the largest goal a cycle of the timed loop was paced against (MiB precision)'),
    heap('peak-heap', 'Peak heap', gc.peakHeapBytes, 'the largest heap a cycle saw at the start or end of marking (MiB precision)'),
  ];
}

function figureTable(figures: Figure[]): HTMLElement {
  return el(
    'table',
    { class: 'cost-figures', testid: 'cost-figures' },
    el('caption', { class: 'note' }, 'What the allocations cost, measured in a run apart from the timed ones.'),
    el('thead', null, el('tr', null, ...['figure', 'value', 'measured by', 'caveat'].map((h) => el('th', { scope: 'col' }, h)))),
    el(
      'tbody',
      null,
      ...figures.map((f) =>
        el(
          'tr',
          { testid: `cost-${f.key}`, 'data-value': f.value === null ? 'null' : String(f.value) },
          el('th', { scope: 'row' }, f.label),
          el('td', { class: 'n' }, f.text),
          el('td', { class: 'source' }, f.source),
          el('td', { class: 'note' }, f.caveat),
        ),
      ),
    ),
  );
}

type LineKey = 'cpuShare' | 'gcShareEstimate' | 'allocsPerOp' | 'bytesPerOp';
const COLUMNS: [LineKey, string][] = [
  ['cpuShare', 'CPU in the allocator'],
  ['gcShareEstimate', 'GC (estimate)'],
  ['allocsPerOp', 'allocs/op'],
  ['bytesPerOp', 'B/op'],
];

/** The lines, sortable by any figure: by the CPU spent allocating for them first. */
function lineTable(app: App, lines: PageBenchLine[]): HTMLElement {
  const m = app.model;
  let key: LineKey = 'cpuShare';
  const value = (l: PageBenchLine, k: LineKey): number => l[k] ?? -1;
  const body = el('tbody');
  const heads = COLUMNS.map(([k, label]) => {
    const b = el('button', { type: 'button', class: 'link', testid: `cost-sort-${k}` }, label);
    b.addEventListener('click', () => {
      key = k;
      render();
    });
    return el('th', { scope: 'col' }, b);
  });
  const cell = (l: PageBenchLine, k: LineKey): string => {
    const v = l[k];
    if (v === undefined) return '';
    if (v === null) return 'unknown';
    return k === 'cpuShare' ? percent(v) : k === 'gcShareEstimate' ? `~${percent(v)}` : num(v);
  };
  function render(): void {
    heads.forEach((th, i) => th.setAttribute('aria-sort', COLUMNS[i]![0] === key ? 'descending' : 'none'));
    const sorted = [...lines].sort(
      (a, b) =>
        value(b, key) - value(a, key) || b.allocsPerOp - a.allocsPerOp || b.bytesPerOp - a.bytesPerOp || a.file - b.file || a.line - b.line,
    );
    body.replaceChildren(
      ...sorted.map((l) =>
        el(
          'tr',
          { testid: 'cost-line', 'data-file': m.filePath(l.file), 'data-line': l.line },
          ...COLUMNS.map(([k]) => el('td', { class: 'n', 'data-key': k }, cell(l, k))),
          el(
            'td',
            { class: 'name' },
            linkButton(`${m.filePath(l.file)}:${l.line}`, () => app.go({ file: l.file, line: l.line })),
            el('span', { class: 'fn' }, ` ${m.s(l.function)}`),
          ),
        ),
      ),
    );
  }
  render();
  return el(
    'table',
    { class: 'top-table cost-lines', testid: 'cost-lines' },
    el(
      'caption',
      { class: 'note' },
      'Per line: the share of the benchmark\u2019s CPU samples in the allocator on its behalf, its share of the GC\u2019s (estimated: its share of the bytes times the GC share), and its counts per op. Click a heading to sort.',
    ),
    el('thead', null, el('tr', null, ...heads, el('th', { scope: 'col' }, 'line'))),
    body,
  );
}

export function costPanel(app: App, b: PageBenchmark): HTMLElement {
  const name = app.model.s(b.name);
  const parts: (HTMLElement | null)[] = [];
  if (b.cpu === undefined && b.gc === undefined)
    parts.push(el('p', { class: 'note' }, 'No cost pass ran for this benchmark (bench --no-cost, or it did not run).'));
  const figures = [...(b.cpu ? cpuFigures(b) : []), ...(b.gc ? gcFigures(b) : [])];
  if (b.cpu === null)
    parts.push(el('p', { class: 'note', testid: 'cost-no-cpu' }, 'No CPU figures: the cost run failed (the notes above say why).'));
  if (b.gc === null)
    parts.push(el('p', { class: 'note', testid: 'cost-no-gc' }, 'No GC figures for this benchmark (the notes above say why).'));
  if (figures.length) parts.push(figureTable(figures));
  if (b.cpuFlame) parts.push(el('h4', null, 'Where the CPU went'), cpuFlameView(app, b.cpuFlame, name));
  else if (b.gc?.source === 'no-allocation')
    parts.push(el('p', { class: 'note', testid: 'cost-no-flame' }, 'No CPU flame graph: nothing allocated, so no cost run.'));
  else if (b.cpuFlame === null)
    parts.push(
      el(
        'p',
        { class: 'note', testid: 'cost-no-flame' },
        'No CPU flame graph: the cost run\u2019s profile holds no sample of the benchmark.',
      ),
    );
  if (b.lines.some((l) => l.cpuShare !== undefined)) parts.push(lineTable(app, b.lines));
  return el('section', { class: 'block cost-panel', testid: 'cost-panel' }, el('h3', null, 'Cost'), ...parts);
}
