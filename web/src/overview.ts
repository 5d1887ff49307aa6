// The whole report at a glance, under the ranked sites: how the hot heap sites split by cause and by package, how
// many of the allocating ones were measured against estimated, and how many are cold, each one stacked bar. Each
// bar is an image whose label lists every part it draws; the summary's tables below the ranking hold the counts.

import { el } from './dom.js';
import { causeId, num } from './format.js';
import { t } from './i18n.js';
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
      byCause: p.byCause.map(([k, n]): [string, number] => [k || t('web.chart.noCause'), n]),
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
    const c = x.cause >= 0 ? causeId(m, x.cause) : t('web.chart.noCause');
    const pkg = m.packagePath(x.package);
    byCause.set(c, (byCause.get(c) ?? 0) + 1);
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + 1);
  }
  return {
    byCause: byCount(byCause),
    byPackage: byCount(byPkg),
    measured: [
      [t('web.chart.measured'), measured],
      [t('web.chart.estimated'), estimated],
    ],
    cold: [
      [t('web.chart.hot'), hot],
      [t('web.chart.cold'), cold],
    ],
  };
}

/** At most this many parts a bar, each its own colour; the rest are one "other" part. */
const PARTS = 4;

/** One bar (testid chart-<id>, shown as name); beside it the share of the part named lead, or of the largest. */
function chart(id: string, name: string, what: string, rows: [string, number][], lead?: string): HTMLElement {
  const total = rows.reduce((t, r) => t + r[1], 0);
  const rest = rows.slice(PARTS).reduce((t, r) => t + r[1], 0);
  const other = t('web.chart.other');
  const parts: [string, number][] = rest ? [...rows.slice(0, PARTS), [other, rest]] : rows.slice(0, PARTS);
  const shown = parts.filter((r) => r[1] > 0);
  const pct = (n: number) => (total ? `${Math.round((100 * n) / total)}%` : '0%');
  const bar = el('div', {
    class: 'chart-bar',
    role: 'img',
    'aria-label': t('web.chart.label', {
      what,
      name,
      parts:
        shown.map(([k, n]) => t('web.chart.part', { key: k, n: num(n), pct: pct(n) })).join(t.lang() === 'zh-CN' ? '，' : ', ') ||
        t('web.chart.none'),
    }),
  });
  shown.forEach(([k, n], i) => {
    const seg = el('span', {
      class: `chart-seg c${rest && k === other ? 'x' : i}`,
      title: t('web.chart.segment', { key: k, n: num(n), pct: pct(n) }),
    });
    // Set through the CSSOM: the page's policy admits no style attribute.
    seg.style.width = `${(100 * n) / total}%`;
    bar.appendChild(seg);
  });
  const top = lead !== undefined ? rows.find((r) => r[0] === lead) : shown[0];
  return el(
    'div',
    { class: 'chart', testid: `chart-${id}`, 'data-total': total },
    el('span', { class: 'chart-name' }, name),
    bar,
    el(
      'span',
      { class: 'chart-top', title: top ? t('web.chart.top', { key: top[0], n: num(top[1]), total: num(total) }) : '' },
      top ? `${top[0]} ${pct(top[1])}` : t('web.chart.none'),
    ),
  );
}

export function overviewCharts(c: Tally): HTMLElement {
  const sites = t('web.chart.hotSites');
  const allocating = t('web.chart.allocatingSites');
  return el(
    'section',
    { class: 'overview', testid: 'overview', 'aria-label': t('web.chart.overviewLabel') },
    el('h2', null, t('web.chart.overview')),
    chart('cause', t('web.chart.nameCause'), sites, c.byCause),
    chart('package', t('web.chart.namePackage'), sites, c.byPackage),
    c.measured ? chart('measured', t('web.chart.nameMeasured'), allocating, c.measured, t('web.chart.measured')) : null,
    c.cold ? chart('cold', t('web.chart.nameCold'), allocating, c.cold, t('web.chart.cold')) : null,
  );
}
