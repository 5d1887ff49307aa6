// A benchmark's top table, as pprof's `top`: each function of its flame graph with flat (allocated in the function
// itself) and cumulative (in it and everything it called) allocs/op and B/op, sortable by any column.

import type { PageBenchLine } from '../../src/reporters/html/page-data.js';
import { el } from './dom.js';
import { num, tinyMark } from './format.js';
import type { Frame } from './flame.js';
import { t } from './i18n.js';
import type { App } from './state.js';

export interface TopRow {
  /** The function's full name (and its position, by line). */
  name: string;
  /** What the table shows: the short name (and the file's last element and line, by line). */
  label: string;
  /** Where the function's costliest frame is, to open on a click. */
  file: number;
  line: number;
  flatAllocs: number;
  flatBytes: number;
  cumAllocs: number;
  cumBytes: number;
  /** A benchmark line the function runs at whose allocs/op estimates tiny objects sharing 16-byte blocks: the
   *  table's allocs/op, the profile's, count the blocks. */
  tiny?: PageBenchLine;
}

const sum = (fs: Frame[], k: 'allocs' | 'bytes') => fs.reduce((t, c) => t + c[k], 0);

/** The functions of the graph, the benchmark's own (the root) among them: flat is a frame's own share (its total less its children's), cumulative its
 *  total, counted once per stack when a function calls itself. */
export function topRows(root: Frame, byLine = false, tiny: ReadonlyMap<string, PageBenchLine> = new Map()): TopRow[] {
  const rows = new Map<string, TopRow & { widest: number }>();
  const walk = (f: Frame, above: Set<string>) => {
    // By line, as pprof's `top -lines`: a function's frames at different lines are rows of their own.
    const key = byLine && f.where ? `${f.full} ${f.where}` : f.full;
    let r = rows.get(key);
    if (!r) {
      r = {
        name: key,
        label: label(f, byLine),
        file: f.file,
        line: f.line,
        flatAllocs: 0,
        flatBytes: 0,
        cumAllocs: 0,
        cumBytes: 0,
        widest: -1,
      };
      rows.set(key, r);
    }
    r.flatAllocs += Math.max(0, f.allocs - sum(f.children, 'allocs'));
    r.flatBytes += Math.max(0, f.bytes - sum(f.children, 'bytes'));
    if (!above.has(key)) {
      r.cumAllocs += f.allocs;
      r.cumBytes += f.bytes;
    }
    r.tiny ??= tiny.get(`${f.file}:${f.line}`);
    if (f.file >= 0 && f.bytes > r.widest) {
      r.widest = f.bytes;
      r.file = f.file;
      r.line = f.line;
    }
    const below = new Set(above).add(key);
    for (const c of f.children) walk(c, below);
  };
  walk(root, new Set());
  return [...rows.values()].map(({ widest: _, ...r }) => r);
}

function label(f: Frame, byLine: boolean): string {
  return byLine && f.where ? `${f.short} ${f.where.slice(f.where.lastIndexOf('/') + 1)}` : f.short;
}

type Key = 'flatAllocs' | 'flatBytes' | 'cumAllocs' | 'cumBytes' | 'name';
const columns = (): [Key, string][] => [
  ['flatBytes', t('web.top.flatBytes')],
  ['flatAllocs', t('web.top.flatAllocs')],
  ['cumBytes', t('web.top.cumBytes')],
  ['cumAllocs', t('web.top.cumAllocs')],
  ['name', t('web.top.function')],
];

export function topTable(app: App, root: Frame, tiny: ReadonlyMap<string, PageBenchLine> = new Map()): HTMLElement {
  let rows = topRows(root, false, tiny);
  let key: Key = 'flatBytes';
  const byLine = el('input', { type: 'checkbox', testid: 'top-by-line' });
  byLine.addEventListener('change', () => {
    rows = topRows(root, byLine.checked, tiny);
    render();
  });
  const body = el('tbody');
  const COLUMNS = columns();
  const heads = COLUMNS.map(([k, label]) => {
    const b = el('button', { type: 'button', class: 'link', testid: `top-sort-${k}` }, label);
    const th = el('th', { scope: 'col', 'aria-sort': k === key ? 'descending' : 'none' }, b);
    b.addEventListener('click', () => {
      key = k;
      render();
    });
    return th;
  });
  const pct = (x: number, of: number) => (of > 0 ? ` ${((100 * x) / of).toFixed(1)}%` : '');
  function render(): void {
    heads.forEach((th, i) => th.setAttribute('aria-sort', COLUMNS[i]![0] === key ? (key === 'name' ? 'ascending' : 'descending') : 'none'));
    const sorted = [...rows].sort((a, b) =>
      key === 'name' ? (a.name < b.name ? -1 : 1) : b[key] - a[key] || b.cumBytes - a.cumBytes || (a.name < b.name ? -1 : 1),
    );
    body.replaceChildren(
      ...sorted.map((r) => {
        const name = el('button', { type: 'button', class: 'link', title: r.name }, r.label);
        name.addEventListener('click', () => {
          if (r.file >= 0) app.go({ file: r.file, line: r.line });
        });
        return el(
          'tr',
          { testid: 'top-row', 'data-name': r.name },
          el('td', { class: 'n' }, num(r.flatBytes), el('span', { class: 'pct' }, pct(r.flatBytes, root.bytes))),
          el('td', { class: 'n' }, num(r.flatAllocs)),
          el('td', { class: 'n' }, num(r.cumBytes), el('span', { class: 'pct' }, pct(r.cumBytes, root.bytes))),
          el(
            'td',
            { class: 'n' },
            r.tiny ? tinyMark(r.tiny.profiledAllocsPerOp ?? r.cumAllocs, r.tiny.allocsPerOp) : null,
            num(r.cumAllocs),
          ),
          el('td', { class: 'name' }, name),
        );
      }),
    );
  }
  render();
  return el(
    'section',
    { class: 'block' },
    el('h3', null, t('web.top.title')),
    el('label', { class: 'note' }, byLine, t('web.top.byLine')),
    el(
      'table',
      { class: 'top-table', testid: 'top-table' },
      el('caption', { class: 'note' }, t('web.top.caption')),
      el('thead', null, el('tr', null, ...heads)),
      body,
    ),
  );
}
