// The benchmarks: a table of their figures; the selected one's allocating lines, ranked, and its flame graph.

import type { PageBenchLine, PageBenchmark } from '../../src/reporters/html/page-data.js';
import { el, fill, linkButton, section } from './dom.js';
import { causeId, num, tinyLegend, tinyMark } from './format.js';
import { t } from './i18n.js';
import { flameView, toFrames } from './flame.js';
import { withPositionLinks } from './note-links.js';
import { topTable } from './top-table.js';
import { costPanel } from './cost-panel.js';
import { traceView } from './trace-view.js';
import type { App } from './state.js';

function metric(app: App, b: PageBenchmark, name: string): string {
  const f = b.metrics.find((x) => app.model.s(x.name) === name)?.figure;
  if (!f) return '';
  return f.min !== f.max ? `${num(f.median)} (${num(f.min)}–${num(f.max)})` : num(f.median);
}

function median(app: App, b: PageBenchmark, name: string): number | null {
  return b.metrics.find((x) => app.model.s(x.name) === name)?.figure.median ?? null;
}

export function benchView(app: App): { element: HTMLElement; render(dataChanged: boolean): void } {
  const element = el('div', { class: 'bench', testid: 'bench' });
  const detail = el('div', { class: 'bench-detail' });
  let rows: HTMLElement[] = [];
  let shown = -2;
  let built = false;

  function build(): void {
    const m = app.model;
    const list = m.data.benchmarks ?? [];
    rows = list.map((b, i) => {
      const tr = el(
        'tr',
        { testid: 'bench-row', 'data-name': m.s(b.name), tabindex: 0 },
        el('td', { class: 'name' }, m.s(b.name)),
        el('td', { class: 'n' }, metric(app, b, 'ns/op')),
        el('td', { class: 'n' }, metric(app, b, 'B/op')),
        el('td', { class: 'n' }, metric(app, b, 'allocs/op')),
        el('td', { class: 'n' }, String(b.runs)),
      );
      tr.addEventListener('click', () => app.go({ bench: i }));
      return tr;
    });
    element.replaceChildren(
      el('h2', null, t('web.bench.title')),
      el(
        'table',
        { class: 'bench-table', testid: 'bench-table' },
        el(
          'thead',
          null,
          el(
            'tr',
            null,
            el('th', null, t('web.bench.benchmark')),
            el('th', null, 'ns/op'),
            el('th', null, 'B/op'),
            el('th', null, 'allocs/op'),
            el('th', null, t('web.bench.runs')),
          ),
        ),
        el('tbody', null, ...rows),
      ),
      detail,
    );
    shown = -2;
  }

  function lineList(title: string, lines: PageBenchLine[], key: 'allocsPerOp' | 'bytesPerOp'): HTMLElement {
    const m = app.model;
    const sorted = [...lines].sort((a, b) => b[key] - a[key]).filter((l) => l[key] > 0);
    return section(
      title,
      el(
        'ol',
        { class: 'bench-lines' },
        ...sorted.map((l) =>
          el(
            'li',
            { testid: 'bench-line' },
            linkButton(`${m.filePath(l.file)}:${l.line}`, () => app.go({ file: l.file, line: l.line }), {
              'data-file': m.filePath(l.file),
              'data-line': l.line,
            }),
            key === 'allocsPerOp' && l.profiledAllocsPerOp !== undefined ? ' ' : null,
            key === 'allocsPerOp' && l.profiledAllocsPerOp !== undefined ? tinyMark(l.profiledAllocsPerOp, l.allocsPerOp) : null,
            el('span', { class: 'n' }, key === 'allocsPerOp' ? ` ${num(l.allocsPerOp)} allocs/op` : ` ${num(l.bytesPerOp)} B/op`),
            key === 'allocsPerOp' && l.profiledAllocsPerOp !== undefined
              ? el('span', { class: 'note' }, t('web.bench.profiled', { n: num(l.profiledAllocsPerOp) }))
              : null,
            l.amortised ? el('span', { class: 'note' }, t('web.bench.amortised')) : null,
            el('div', { class: 'fn' }, m.s(l.function), m.s(l.innermost) && l.innermost !== l.function ? ` → ${m.s(l.innermost)}` : ''),
            l.types.length ? el('div', { class: 'types' }, l.types.map((ty) => m.s(ty)).join(', ')) : null,
            l.cause >= 0 ? el('span', { class: 'cause-id' }, causeId(m, l.cause)) : null,
            ...l.sites
              .slice(0, 3)
              .map((s) => linkButton(` ${m.s(m.data.sites[s]?.expr)}`, () => app.go({ site: s }), { class: 'site-link' })),
          ),
        ),
      ),
    );
  }

  function showBench(i: number): void {
    const m = app.model;
    rows.forEach((r, j) => r.classList.toggle('selected', j === i));
    const b = m.data.benchmarks?.[i];
    if (!b) {
      detail.replaceChildren(el('p', { class: 'note' }, t('web.bench.select')));
      return;
    }
    // Lines whose allocs/op estimate tiny objects the profile counts as shared blocks, by "file:line".
    const tiny = new Map(b.lines.filter((l) => l.profiledAllocsPerOp !== undefined).map((l) => [`${l.file}:${l.line}`, l] as const));
    fill(
      detail,
      el('h3', null, m.s(b.name)),
      tiny.size ? el('p', { class: 'note', testid: 'tiny-legend' }, tinyLegend()) : null,
      b.setup ? el('p', { class: 'note' }, t('web.bench.setup', { allocs: num(b.setup.allocs), bytes: num(b.setup.bytes) })) : null,
      ...b.notes.map((n) => el('p', { class: 'note' }, ...withPositionLinks(app, m.s(n)))),
      costPanel(app, b),
      traceView(b.trace),
      b.flame
        ? flameView(app, b.flame, { allocs: median(app, b, 'allocs/op'), bytes: median(app, b, 'B/op') })
        : el('p', { class: 'note' }, t('web.bench.noProfile')),
      b.flame ? topTable(app, toFrames(app, b.flame), tiny) : null,
      el(
        'div',
        { class: 'bench-rankings' },
        lineList(t('web.bench.byAllocs'), b.lines, 'allocsPerOp'),
        lineList(t('web.bench.byBytes'), b.lines, 'bytesPerOp'),
      ),
    );
  }

  return {
    element,
    render(dataChanged) {
      if (dataChanged || !built) {
        built = true;
        build();
      }
      if (app.sel.bench !== shown) {
        shown = app.sel.bench;
        showBench(shown);
      }
    },
  };
}
