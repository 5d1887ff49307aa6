// A benchmark's cost panel: what its allocations cost, from the cost pass (one more run after the timed ones, under
// the CPU profiler and with GODEBUG=gctrace=1). Each figure says the pass and the instrument it came from and its
// caveat (a share from a few samples is rough; below the join's threshold it is unknown); then the CPU flame graph,
// and the allocating lines in a table sortable by the CPU spent allocating for them as well as by their counts.

import type { PageBenchLine, PageBenchmark } from '../../src/reporters/html/page-data.js';
import { el, linkButton } from './dom.js';
import { num } from './format.js';
import { cpuFlameView } from './cpu-flame.js';
import { t } from './i18n.js';
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
  if (p === 0) return t('web.costs.atMost', { pct: percent(Math.min(1, 3 / n)), n: num(n) });
  if (p === 1) return t('web.costs.atLeast', { pct: percent(Math.max(0, 1 - 3 / n)), n: num(n) });
  return t('web.costs.margin', { points: num(Math.round(196 * Math.sqrt((p * (1 - p)) / n) * 10) / 10), n: num(n) });
}

/** Three significant digits below 1 (0.0785 cycles per 1,000 ops), else as num. */
const small = (x: number): string => (x > 0 && x < 1 ? String(Number(x.toPrecision(3))) : num(x));

/** The pass a benchmark's cost figures come from: none ran for one that allocated nothing in its timed run. */
const noAllocation = (): string => t('web.costs.noAllocation');

function cpuFigures(b: PageBenchmark): Figure[] {
  const cpu = b.cpu!;
  const source = b.gc?.source === 'no-allocation' ? noAllocation() : t('web.costs.cpuSource');
  const share = (key: string, label: string, v: number | null, what: string): Figure => ({
    key,
    label,
    text: v === null ? t('web.costs.unknown') : percent(v),
    value: v,
    source,
    caveat:
      v === null
        ? t('web.costs.fewSamples', { n: cpu.samples, min: MIN_SAMPLES })
        : t('web.costs.shareCaveat', { what, margin: margin(v, cpu.samples) }),
  });
  return [
    share('alloc-share', t('web.costs.allocShare'), cpu.allocShare, t('web.costs.allocShareWhat')),
    share('gc-share', t('web.costs.gcShare'), cpu.gcShare, t('web.costs.gcShareWhat')),
    {
      key: 'samples',
      label: t('web.costs.samples'),
      text: t('web.costs.samplesText', { n: num(cpu.samples), seconds: num(cpu.seconds) }),
      value: cpu.samples,
      source,
      caveat: b.cpuFlame
        ? t('web.costs.samplesCaveatFlame', { ms: num(b.cpuFlame.periodNs / 1e6), outside: num(b.cpuFlame.outside) })
        : t('web.costs.samplesCaveat'),
    },
  ];
}

function gcFigures(b: PageBenchmark): Figure[] {
  const gc = b.gc!;
  const source = gc.source === 'no-allocation' ? noAllocation() : t('web.costs.gcSource');
  const over = t('web.costs.over', { ops: num(gc.ops) });
  const heap = (key: string, label: string, v: number | null, what: string): Figure => ({
    key,
    label,
    text: v === null ? t('web.costs.unknown') : bytes(v),
    value: v,
    source,
    caveat: v === null ? t('web.costs.noCycle') : what,
  });
  return [
    { key: 'gc-cycles', label: t('web.costs.gcCycles'), text: num(gc.cycles), value: gc.cycles, source, caveat: over },
    {
      key: 'gc-per-1k',
      label: t('web.costs.gcPer1k'),
      text: small(gc.cyclesPer1kOps),
      value: gc.cyclesPer1kOps,
      source,
      caveat: t('web.costs.sameCycles'),
    },
    {
      key: 'stw',
      label: t('web.costs.stw'),
      text: `${small(gc.stwNsPerOp)} ns`,
      value: gc.stwNsPerOp,
      source,
      caveat: t('web.costs.stwCaveat'),
    },
    heap('heap-goal', t('web.costs.heapGoal'), gc.heapGoalBytes, t('web.costs.heapGoalWhat')),
    heap('peak-heap', t('web.costs.peakHeap'), gc.peakHeapBytes, t('web.costs.peakHeapWhat')),
  ];
}

function figureTable(figures: Figure[]): HTMLElement {
  return el(
    'table',
    { class: 'cost-figures', testid: 'cost-figures' },
    el('caption', { class: 'note' }, t('web.costs.figuresCaption')),
    el(
      'thead',
      null,
      el(
        'tr',
        null,
        ...[t('web.costs.figure'), t('web.costs.value'), t('web.costs.measuredBy'), t('web.costs.caveat')].map((h) =>
          el('th', { scope: 'col' }, h),
        ),
      ),
    ),
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
const columns = (): [LineKey, string][] => [
  ['cpuShare', t('web.costs.allocShare')],
  ['gcShareEstimate', t('web.costs.gcEstimate')],
  ['allocsPerOp', 'allocs/op'],
  ['bytesPerOp', 'B/op'],
];

/** The lines, sortable by any figure: by the CPU spent allocating for them first. */
function lineTable(app: App, lines: PageBenchLine[]): HTMLElement {
  const m = app.model;
  let key: LineKey = 'cpuShare';
  const value = (l: PageBenchLine, k: LineKey): number => l[k] ?? -1;
  const body = el('tbody');
  const COLUMNS = columns();
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
    if (v === null) return t('web.costs.unknown');
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
    el('caption', { class: 'note' }, t('web.costs.linesCaption')),
    el('thead', null, el('tr', null, ...heads, el('th', { scope: 'col' }, t('web.costs.line')))),
    body,
  );
}

export function costPanel(app: App, b: PageBenchmark): HTMLElement {
  const name = app.model.s(b.name);
  const parts: (HTMLElement | null)[] = [];
  if (b.cpu === undefined && b.gc === undefined) parts.push(el('p', { class: 'note' }, t('web.costs.noPass')));
  const figures = [...(b.cpu ? cpuFigures(b) : []), ...(b.gc ? gcFigures(b) : [])];
  if (b.cpu === null) parts.push(el('p', { class: 'note', testid: 'cost-no-cpu' }, t('web.costs.noCpu')));
  if (b.gc === null) parts.push(el('p', { class: 'note', testid: 'cost-no-gc' }, t('web.costs.noGc')));
  if (figures.length) parts.push(figureTable(figures));
  if (b.cpuFlame) parts.push(el('h4', null, t('web.costs.cpuWent')), cpuFlameView(app, b.cpuFlame, name));
  else if (b.gc?.source === 'no-allocation') parts.push(el('p', { class: 'note', testid: 'cost-no-flame' }, t('web.costs.noFlameNothing')));
  else if (b.cpuFlame === null) parts.push(el('p', { class: 'note', testid: 'cost-no-flame' }, t('web.costs.noFlameSample')));
  if (b.lines.some((l) => l.cpuShare !== undefined)) parts.push(lineTable(app, b.lines));
  return el('section', { class: 'block cost-panel', testid: 'cost-panel' }, el('h3', null, t('web.costs.title')), ...parts);
}
