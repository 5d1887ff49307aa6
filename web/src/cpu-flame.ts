// A benchmark's CPU as a flame graph (d3-flame-graph), from the cost pass's CPU profile: width is CPU samples, the
// allocator's frames and the GC's coloured apart (data-kind on each frame, coloured by style.css's --cpu-* colours
// in light and dark), a legend, a hover with self and total (samples, CPU time, ns per op, share of the root), frames
// reachable by keyboard, and the same frames as a table for those who cannot see the chart.

import { select } from 'd3-selection';
import flamegraph, { type FlameGraph } from 'd3-flame-graph';
import type { PageCpuFlame, PageCpuFlameNode } from '../../src/reporters/html/page-data.js';
import { el } from './dom.js';
import { num } from './format.js';
import { shortName } from './flame.js';
import { t } from './i18n.js';
import type { App } from './state.js';

export type CpuKind = PageCpuFlameNode['kind'];

export interface CpuFrame {
  full: string;
  short: string;
  /** file:line, the module's relative or the runtime's absolute path; '' for the root. */
  where: string;
  /** A file of the page to open, or -1. */
  file: number;
  line: number;
  kind: CpuKind;
  samples: number;
  children: CpuFrame[];
}

export const kindLabel = (k: CpuKind): string => (k === 'alloc' ? t('web.cpu.alloc') : k === 'gc' ? t('web.cpu.gc') : t('web.cpu.other'));

export function toCpuFrames(app: App, n: PageCpuFlameNode): CpuFrame {
  const m = app.model;
  const full = m.s(n.name);
  return {
    full,
    short: shortName(full),
    where: n.file >= 0 ? `${m.filePath(n.file)}:${n.line}` : m.s(n.at),
    file: n.file,
    line: n.line,
    kind: n.kind,
    samples: n.samples,
    children: n.children.map((c) => toCpuFrames(app, c)),
  };
}

export const selfSamples = (f: CpuFrame): number => Math.max(0, f.samples - f.children.reduce((t, c) => t + c.samples, 0));

/** Samples as text: the count, the CPU time they stand for and that time per op of the cost run. */
export function samplesText(n: number, flame: PageCpuFlame): string {
  const ns = n * flame.periodNs;
  const time = ns >= 1e9 ? `${num(Math.round(ns / 1e7) / 100)} s` : `${num(Math.round(ns / 1e4) / 100)} ms`;
  return flame.ops > 0
    ? t('web.cpu.samplesPerOp', { n, time, perOp: num(Math.round((ns / flame.ops) * 100) / 100) })
    : t('web.cpu.samples', { n, time });
}

const pct = (x: number, of: number): string => (of > 0 ? `${((100 * x) / of).toFixed(1)}%` : '–');

export function cpuFrameTitle(f: CpuFrame, root: CpuFrame, flame: PageCpuFlame): string {
  const self = selfSamples(f);
  return [
    `${f.full}${f.where ? ` ${f.where}` : ''}`,
    kindLabel(f.kind),
    t('web.cpu.self', { samples: samplesText(self, flame), pct: pct(self, root.samples) }),
    t('web.cpu.total', { samples: samplesText(f.samples, flame), pct: pct(f.samples, root.samples) }),
  ].join('\n');
}

function legend(): HTMLElement {
  return el(
    'ul',
    { class: 'cpu-legend', testid: 'cpu-legend', 'aria-label': t('web.cpu.legend') },
    ...(['alloc', 'gc', 'other'] as const).map((k) =>
      el('li', null, el('span', { class: 'cpu-swatch', 'data-kind': k, 'aria-hidden': 'true' }), ` ${kindLabel(k)}`),
    ),
  );
}

/** The text alternative: each function's self and total samples by kind, costliest first (pprof's `top`). */
function frameTable(data: CpuFrame, flame: PageCpuFlame): HTMLElement {
  const rows = new Map<string, { f: CpuFrame; self: number; total: number }>();
  const walk = (f: CpuFrame, above: Set<string>) => {
    const key = `${f.full}\u0000${f.kind}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { f, self: 0, total: 0 }));
    r.self += selfSamples(f);
    // A function that calls itself counts once per stack in its total.
    if (!above.has(key)) r.total += f.samples;
    const below = new Set(above).add(key);
    f.children.forEach((c) => walk(c, below));
  };
  walk(data, new Set());
  const list = [...rows.values()];
  let key: 'self' | 'total' = 'self';
  const body = el('tbody');
  const heads = (['self', 'total'] as const).map((k) => {
    const b = el(
      'button',
      { type: 'button', class: 'link', testid: `cpu-sort-${k}` },
      k === 'self' ? t('web.cpu.selfHead') : t('web.cpu.totalHead'),
    );
    b.addEventListener('click', () => {
      key = k;
      render();
    });
    return el('th', { scope: 'col' }, b);
  });
  function render(): void {
    heads.forEach((th, i) => th.setAttribute('aria-sort', i === (key === 'self' ? 0 : 1) ? 'descending' : 'none'));
    const other = key === 'self' ? 'total' : 'self';
    list.sort((a, b) => b[key] - a[key] || b[other] - a[other] || (a.f.full < b.f.full ? -1 : 1));
    body.replaceChildren(
      ...list.map((r) =>
        el(
          'tr',
          { testid: 'cpu-frame-row', 'data-kind': r.f.kind, 'data-name': r.f.full },
          el('td', { class: 'n' }, num(r.self), el('span', { class: 'pct' }, ` ${pct(r.self, data.samples)}`)),
          el('td', { class: 'n' }, num(r.total), el('span', { class: 'pct' }, ` ${pct(r.total, data.samples)}`)),
          el('td', null, kindLabel(r.f.kind)),
          el('td', { class: 'name', title: `${r.f.full} ${r.f.where}` }, r.f.short),
        ),
      ),
    );
  }
  render();
  return el(
    'details',
    { class: 'cpu-frames', testid: 'cpu-frames' },
    el('summary', null, t('web.cpu.tableSummary')),
    el(
      'table',
      { class: 'top-table' },
      el('caption', { class: 'note' }, t('web.cpu.caption', { samples: num(data.samples), ms: num(flame.periodNs / 1e6) })),
      el(
        'thead',
        null,
        el('tr', null, ...heads, el('th', { scope: 'col' }, t('web.cpu.kindHead')), el('th', { scope: 'col' }, t('web.cpu.functionHead'))),
      ),
      body,
    ),
  );
}

export function cpuFlameView(app: App, flame: PageCpuFlame, benchmark: string): HTMLElement {
  const data = toCpuFrames(app, flame.root);
  data.short = t('web.cpu.root', { benchmark });
  const chartHost = el('div', {
    class: 'flame-chart',
    role: 'figure',
    'aria-label': t('web.cpu.chartLabel'),
  });
  const container = el('div', { class: 'flame cpu-flame', testid: 'cpu-flame' }, legend(), chartHost, frameTable(data, flame));
  let drawnWidth = 0;
  let chart: FlameGraph<CpuFrame> | null = null;

  /** Each frame carries its kind (the colour), and is a button: Tab reaches it, Enter or Space clicks it. */
  function annotate(): void {
    select(chartHost)
      .selectAll<SVGGElement, { data: CpuFrame }>('g.frame')
      .each(function (d) {
        const f = d.data;
        this.setAttribute('data-kind', f.kind);
        this.setAttribute('tabindex', '0');
        this.setAttribute('role', 'button');
        this.setAttribute(
          'aria-label',
          t('web.cpu.frameLabel', { name: f.short, kind: kindLabel(f.kind), n: f.samples, pct: pct(f.samples, data.samples) }),
        );
        if (this.dataset.keys) return;
        this.dataset.keys = '1';
        this.addEventListener('keydown', (e) => {
          if (e.key !== 'Enter' && e.key !== ' ') return;
          e.preventDefault();
          this.dispatchEvent(new MouseEvent('click', { bubbles: true }));
        });
      });
  }

  function draw(): void {
    const width = Math.max(200, Math.floor(chartHost.clientWidth || container.clientWidth || 600));
    drawnWidth = width;
    chart = flamegraph<CpuFrame>()
      .width(width)
      .cellHeight(18)
      .minHeight(60)
      .transitionDuration(0)
      .inverted(true)
      .selfValue(false)
      .sort(false)
      .getValue((d) => d.samples)
      .getChildren((d) => d.children)
      .getName((d) => d.data.short)
      .setLabelHandler((d) => cpuFrameTitle(d.data, data, flame))
      .onClick((d) => {
        container.dataset.selectedFrame = d.data.full;
        annotate();
        if (d.data.file >= 0) app.go({ file: d.data.file, line: d.data.line });
      });
    chartHost.replaceChildren();
    select(chartHost as HTMLElement)
      .datum(data)
      .call(chart);
    annotate();
  }
  requestAnimationFrame(draw);
  new ResizeObserver(() => {
    if (chart && Math.abs(chartHost.clientWidth - drawnWidth) > 2 && chartHost.clientWidth > 0) draw();
  }).observe(chartHost);
  return container;
}
