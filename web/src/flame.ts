// A benchmark's allocations as a flame graph (d3-flame-graph): width is bytes per op, or allocs per op. Frames are
// labelled by their short name (the function without its import path), and each frame's title says its self and
// total figures and its share of the root; a regular expression highlights the frames it matches.

import { select } from 'd3-selection';
import flamegraph, { type FlameGraph } from 'd3-flame-graph';
import type { PageFlameNode } from '../../src/reporters/html/page-data.js';
import { el } from './dom.js';
import { num } from './format.js';
import { t } from './i18n.js';
import type { App } from './state.js';

export interface Frame {
  /** The function with its import path, as the profile names it. */
  full: string;
  /** The function without its import path: `zapcore.(*jsonEncoder).AppendString`. */
  short: string;
  where: string;
  file: number;
  line: number;
  allocs: number;
  bytes: number;
  children: Frame[];
}

export type Measure = 'bytes' | 'allocs';

/** `go.uber.org/zap/zapcore.(*jsonEncoder).AppendString` → `zapcore.(*jsonEncoder).AppendString`: the import
 *  path ends at the last `/` before the receiver or type arguments, which may hold slashes of their own. */
export function shortName(name: string): string {
  const stop = name.search(/[([]/);
  const slash = name.lastIndexOf('/', stop < 0 ? name.length : stop);
  return slash < 0 ? name : name.slice(slash + 1);
}

export function toFrames(app: App, n: PageFlameNode): Frame {
  const m = app.model;
  const full = m.s(n.name);
  return {
    full,
    short: shortName(full),
    where: n.file >= 0 ? `${m.filePath(n.file)}:${n.line}` : '',
    file: n.file,
    line: n.line,
    allocs: n.allocs,
    bytes: n.bytes,
    children: n.children.map((c) => toFrames(app, c)),
  };
}

const unit = (k: Measure): string => (k === 'bytes' ? 'B/op' : 'allocs/op');
const self = (f: Frame, k: Measure): number => Math.max(0, f[k] - f.children.reduce((t, c) => t + c[k], 0));
const pct = (x: number, of: number): string => (of > 0 ? `${((100 * x) / of).toFixed(1)}%` : '–');

/** The hover text of a frame: both measures, self and total, each with its share of the root. */
export function frameTitle(f: Frame, root: Frame): string {
  const line = (k: Measure) =>
    t('web.flame.line', {
      unit: unit(k),
      self: num(self(f, k)),
      selfPct: pct(self(f, k), root[k]),
      total: num(f[k]),
      totalPct: pct(f[k], root[k]),
    });
  return [`${f.full}${f.where ? ` ${f.where}` : ''}`, line('bytes'), line('allocs')].join('\n');
}

export function flameView(app: App, root: PageFlameNode, measured?: { allocs: number | null; bytes: number | null }): HTMLElement {
  const data = toFrames(app, root);
  let measure: Measure = data.bytes > 0 ? 'bytes' : 'allocs';
  const radio = (k: Measure) => {
    const r = el('input', { type: 'radio', name: 'flame-measure', value: k, testid: `flame-${k}`, checked: k === measure });
    r.addEventListener('change', () => {
      measure = k;
      draw();
    });
    return el('label', null, r, ` ${unit(k)}`);
  };
  const search = el('input', {
    type: 'search',
    class: 'flame-search',
    testid: 'flame-search',
    placeholder: t('web.flame.placeholder'),
    'aria-label': t('web.flame.searchLabel'),
    spellcheck: 'false',
  });
  const found = el('span', { class: 'flame-found', testid: 'flame-found', 'aria-live': 'polite' });
  const chartHost = el('div', {
    class: 'flame-chart',
    role: 'figure',
    'aria-label': t('web.flame.chartLabel'),
  });
  const container = el(
    'div',
    { class: 'flame', testid: 'flame' },
    el(
      'div',
      { class: 'flame-bar' },
      el('span', { class: 'flame-toggle' }, t('web.flame.width'), radio('bytes'), radio('allocs')),
      search,
      found,
    ),
    rootNote(data, measured),
    chartHost,
  );
  let chart: FlameGraph<Frame> | null = null;
  let drawnWidth = 0;

  function highlight(): void {
    const text = search.value;
    let re: RegExp | null = null;
    try {
      re = text ? new RegExp(text) : null;
      search.removeAttribute('aria-invalid');
    } catch {
      search.setAttribute('aria-invalid', 'true');
    }
    let count = 0;
    let sum = 0;
    // The matches' total, each subtree once: a match below another match is already in its total.
    const walk = (f: Frame, inMatch: boolean, g: SVGGElement | undefined) => {
      const hit = re !== null && (re.test(f.full) || (f.where !== '' && re.test(f.where)));
      if (hit) count++;
      if (hit && !inMatch) sum += f[measure];
      if (g && hit) g.setAttribute('data-match', '');
      else g?.removeAttribute('data-match');
      f.children.forEach((c) => walk(c, inMatch || hit, frameEls.get(c)));
    };
    const frameEls = new Map<Frame, SVGGElement>();
    select(chartHost)
      .selectAll<SVGGElement, { data: Frame }>('g.frame')
      .each(function (d) {
        frameEls.set(d.data, this);
        keyboard(this, d.data);
      });
    walk(data, false, frameEls.get(data));
    container.dataset.matches = String(count);
    found.textContent = re ? t('web.flame.found', { count, sum: num(sum), unit: unit(measure), pct: pct(sum, data[measure]) }) : '';
  }

  /** A frame is a button: Tab reaches it, Enter or Space does what a click does (zoom, open its line). */
  function keyboard(g: SVGGElement, f: Frame): void {
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    g.setAttribute(
      'aria-label',
      t('web.flame.frameLabel', { name: f.short, value: num(f[measure]), unit: unit(measure), pct: pct(f[measure], data[measure]) }),
    );
    if (g.dataset.keys) return;
    g.dataset.keys = '1';
    g.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      g.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    });
  }

  function draw(): void {
    const width = Math.max(200, Math.floor(chartHost.clientWidth || container.clientWidth || 600));
    drawnWidth = width;
    chart = flamegraph<Frame>()
      .width(width)
      .cellHeight(18)
      .minHeight(60)
      .transitionDuration(0)
      .inverted(true)
      .selfValue(false)
      .sort(false)
      .getValue((d) => d[measure])
      .getChildren((d) => d.children)
      .getName((d) => d.data.short)
      .setLabelHandler((d) => frameTitle(d.data, data))
      .setColorHue('warm')
      .onClick((d) => {
        container.dataset.selectedFrame = d.data.full;
        // A click zooms, which redraws the frames: their highlight too.
        highlight();
        if (d.data.file >= 0) app.go({ file: d.data.file, line: d.data.line });
      });
    chartHost.replaceChildren();
    select(chartHost as HTMLElement)
      .datum(data)
      .call(chart);
    highlight();
  }
  search.addEventListener('input', highlight);
  // Drawn once it is in the document, where it has a width, and again when its column changes width: the chart is
  // as wide as its column, never wider.
  requestAnimationFrame(draw);
  new ResizeObserver(() => {
    if (chart && Math.abs(chartHost.clientWidth - drawnWidth) > 2 && chartHost.clientWidth > 0) draw();
  }).observe(chartHost);
  return container;
}

/**
 * The root's figures are the slope between the two profiled runs, so setup outside the loop cancels; the table's
 * are go test's own count over the timed run (setup divided by its N, the tiny allocator's blocks as objects).
 */
function rootNote(root: Frame, measured?: { allocs: number | null; bytes: number | null }): HTMLElement {
  const text = t('web.flame.root', { bytes: num(root.bytes), allocs: num(root.allocs) });
  const apart = (a: number | null | undefined, b: number) => a !== null && a !== undefined && Math.abs(a - b) > Math.max(0.5, a * 0.01);
  const differs = measured && (apart(measured.bytes, root.bytes) || apart(measured.allocs, root.allocs));
  return el(
    'p',
    { class: 'note flame-root', testid: 'flame-root' },
    text,
    differs ? t('web.flame.differs', { bytes: num(measured.bytes ?? 0), allocs: num(measured.allocs ?? 0) }) : null,
  );
}
