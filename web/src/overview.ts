// The whole report at a glance, under the ranked sites: how the hot heap sites split by cause and by package, how
// many of the allocating ones were measured against estimated, and how many are cold, each one stacked bar. Each
// bar is an image whose label lists every part it draws; the summary's tables below the ranking hold the counts.

import { el } from './dom.js';
import { causeId, num } from './format.js';
import type { App } from './state.js';

/** Counts of the heap sites, largest first; measured and cold only once the whole data is there. */
export interface Tally {
  byCause: [string, number][];
  byPackage: [string, number][];
  measured: [string, number][] | null;
  cold: [string, number][] | null;
}

const byCount = (m: Map<string, number>): [string, number][] => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));

export function tally(app: App): Tally {
  const m = app.model;
  const p = m.data.preview;
  if (p)
    return {
      byCause: p.byCause.map(([k, n]): [string, number] => [k || '(no cause)', n]),
      byPackage: p.byPackage.map(([k, n]): [string, number] => [k, n]),
      measured: null,
      cold: null,
    };
  const byCause = new Map<string, number>();
  const byPkg = new Map<string, number>();
  let measured = 0;
  let estimated = 0;
  let cold = 0;
  let hot = 0;
  for (let i = 0; i < m.heapCount; i++) {
    const x = m.data.sites[i]!;
    if (x.allocates === 'never') continue;
    if (x.cost?.source === 'measured') measured++;
    else estimated++;
    if (x.cold) {
      cold++;
      continue;
    }
    hot++;
    const c = x.cause >= 0 ? causeId(m, x.cause) : '(no cause)';
    const pkg = m.packagePath(x.package);
    byCause.set(c, (byCause.get(c) ?? 0) + 1);
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + 1);
  }
  return {
    byCause: byCount(byCause),
    byPackage: byCount(byPkg),
    measured: [
      ['measured', measured],
      ['estimated', estimated],
    ],
    cold: [
      ['hot', hot],
      ['cold', cold],
    ],
  };
}

/** At most this many parts a bar, each its own colour; the rest are one "other" part. */
const PARTS = 4;

/** One bar; beside it the share of the part named lead, or of the largest. */
function chart(name: string, what: string, rows: [string, number][], lead?: string): HTMLElement {
  const total = rows.reduce((t, r) => t + r[1], 0);
  const rest = rows.slice(PARTS).reduce((t, r) => t + r[1], 0);
  const parts: [string, number][] = rest ? [...rows.slice(0, PARTS), ['other', rest]] : rows.slice(0, PARTS);
  const shown = parts.filter((r) => r[1] > 0);
  const pct = (n: number) => (total ? `${Math.round((100 * n) / total)}%` : '0%');
  const bar = el('div', {
    class: 'chart-bar',
    role: 'img',
    'aria-label': `${what}, ${name}: ${shown.map(([k, n]) => `${k} ${num(n)} (${pct(n)})`).join(', ') || 'none'}`,
  });
  shown.forEach(([k, n], i) => {
    const seg = el('span', { class: `chart-seg c${k === 'other' ? 'x' : i}`, title: `${k}: ${num(n)} (${pct(n)})` });
    // Set through the CSSOM: the page's policy admits no style attribute.
    seg.style.width = `${(100 * n) / total}%`;
    bar.appendChild(seg);
  });
  const top = lead !== undefined ? rows.find((r) => r[0] === lead) : shown[0];
  return el(
    'div',
    { class: 'chart', testid: `chart-${name}`, 'data-total': total },
    el('span', { class: 'chart-name' }, name),
    bar,
    el(
      'span',
      { class: 'chart-top', title: top ? `${top[0]}: ${num(top[1])} of ${num(total)}` : '' },
      top ? `${top[0]} ${pct(top[1])}` : 'none',
    ),
  );
}

export function overviewCharts(t: Tally): HTMLElement {
  const sites = 'hot heap sites';
  return el(
    'section',
    { class: 'overview', testid: 'overview', 'aria-label': 'The report at a glance' },
    el('h2', null, 'At a glance'),
    chart('cause', sites, t.byCause),
    chart('package', sites, t.byPackage),
    t.measured ? chart('measured', 'allocating heap sites', t.measured, 'measured') : null,
    t.cold ? chart('cold', 'allocating heap sites', t.cold, 'cold') : null,
  );
}
