// bench --trace in the page: a benchmark's execution-trace summary (GC cycles, pauses, assists, goroutines, MMU)
// and its live heap over the timed run as a line chart. The chart is an SVG with a text alternative (its title and
// description say what it shows, its range and peak) and a table of its points for screen readers and keyboards.

import type { PageTrace } from '../../src/reporters/html/page-data.js';
import { el, section } from './dom.js';
import { num } from './format.js';
import { t } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
const W = 560;
const H = 160;
const PAD = { left: 64, right: 8, top: 8, bottom: 28 };

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: (Node | string)[]) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  for (const c of children) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  return e;
}

function ms(ns: number): string {
  return ns >= 1e6 ? `${num(Math.round(ns / 1e4) / 100)} ms` : `${num(Math.round(ns / 100) / 10)} µs`;
}

function mb(bytes: number): string {
  return bytes >= 1 << 20 ? `${num(Math.round((bytes / (1 << 20)) * 10) / 10)} MiB` : `${num(Math.round(bytes / 1024))} KiB`;
}

function pct(v: number | null): string {
  return v === null ? t('web.trace.na') : `${num(Math.round(v * 1000) / 10)}%`;
}

let charts = 0;

function heapChart(tr: PageTrace): HTMLElement {
  const pts = tr.heap;
  if (pts.length === 0) return el('p', { class: 'note' }, t('web.trace.noHeap'));
  const id = `trace-heap-${++charts}`;
  const maxT = Math.max(tr.windowNs, pts[pts.length - 1]![0], 1);
  const peak = pts.reduce((a, p) => (p[1] > a[1] ? p : a), pts[0]!);
  const low = Math.min(...pts.map((p) => p[1]));
  const top = Math.max(peak[1], 1);
  const x = (ns: number): number => PAD.left + (ns / maxT) * (W - PAD.left - PAD.right);
  const y = (b: number): number => PAD.top + (1 - b / top) * (H - PAD.top - PAD.bottom);
  // A step line: the heap keeps its size until the next sample.
  let d = `M${x(pts[0]![0]).toFixed(1)},${y(pts[0]![1]).toFixed(1)}`;
  for (let i = 1; i < pts.length; i++) d += `H${x(pts[i]![0]).toFixed(1)}V${y(pts[i]![1]).toFixed(1)}`;
  d += `H${x(maxT).toFixed(1)}`;
  const summary = t('web.trace.summary', {
    ops: num(tr.ops),
    time: ms(maxT),
    from: mb(pts[0]![1]),
    to: mb(pts[pts.length - 1]![1]),
    low: mb(low),
    peak: mb(peak[1]),
    peakAt: ms(peak[0]),
    cycles: tr.gcCycles,
  });
  const chart = svg(
    'svg',
    { class: 'trace-heap', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${id}-t ${id}-d`, 'data-testid': 'trace-heap' },
    svg('title', { id: `${id}-t` }, t('web.trace.chartTitle')),
    svg('desc', { id: `${id}-d` }, summary),
    svg('line', { class: 'axis', x1: PAD.left, y1: H - PAD.bottom, x2: W - PAD.right, y2: H - PAD.bottom }),
    svg('line', { class: 'axis', x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: H - PAD.bottom }),
    svg('text', { class: 'tick', x: PAD.left - 4, y: PAD.top + 10, 'text-anchor': 'end' }, mb(top)),
    svg('text', { class: 'tick', x: PAD.left - 4, y: H - PAD.bottom, 'text-anchor': 'end' }, '0'),
    svg('text', { class: 'tick', x: PAD.left, y: H - 8 }, '0'),
    svg('text', { class: 'tick', x: W - PAD.right, y: H - 8, 'text-anchor': 'end' }, ms(maxT)),
    svg('path', { class: 'heap-line', d }),
  );
  const table = el(
    'details',
    { class: 'trace-points' },
    el('summary', null, t('web.trace.samples', { n: pts.length })),
    el(
      'table',
      null,
      el('thead', null, el('tr', null, el('th', null, t('web.trace.time')), el('th', null, t('web.trace.liveHeap')))),
      el('tbody', null, ...pts.map((p) => el('tr', null, el('td', { class: 'n' }, ms(p[0])), el('td', { class: 'n' }, mb(p[1]))))),
    ),
  );
  return el('figure', { class: 'trace-chart' }, chart, el('figcaption', { class: 'note' }, summary), table);
}

/** The trace summary of one benchmark, or why it has none. */
export function traceView(tr: PageTrace | null | undefined): HTMLElement | null {
  if (tr === undefined) return null; // bench ran without --trace
  if (tr === null) {
    const none = section(t('web.trace.title'), el('p', { class: 'note' }, t('web.trace.none')));
    none.dataset.testid = 'trace';
    return none;
  }
  const row = (k: string, v: string): HTMLElement[] => [el('dt', null, k), el('dd', { class: 'n' }, v)];
  const block = section(
    t('web.trace.title'),
    el(
      'dl',
      { class: 'trace-figures', 'data-testid': 'trace-figures' },
      ...row(t('web.trace.ops'), t('web.trace.opsIn', { ops: num(tr.ops), time: ms(tr.windowNs) })),
      ...row(t('web.trace.gcCycles'), num(tr.gcCycles)),
      ...row(t('web.trace.pauses'), t('web.trace.pausesText', { n: num(tr.stwEvents), time: ms(tr.stwTotalNs) })),
      ...row(t('web.trace.assists'), ms(tr.assistNs)),
      ...row(t('web.trace.goroutines'), num(tr.goroutinesCreated)),
      ...row(t('web.trace.mmu1'), pct(tr.mmu['1ms'])),
      ...row(t('web.trace.mmu10'), pct(tr.mmu['10ms'])),
    ),
    heapChart(tr),
  );
  block.dataset.testid = 'trace';
  return block;
}
