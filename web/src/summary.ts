// The left column's top: the ranked decisions, then how the hot heap sites split by cause and by package.

import { el, section } from './dom.js';
import { causeId, costText, num } from './format.js';
import type { App } from './state.js';

export function summaryView(app: App): { element: HTMLElement; render(dataChanged: boolean): void } {
  const element = el('div', { class: 'summary', testid: 'summary' });
  let items: HTMLElement[] = [];
  let built = false;

  function build(): void {
    const m = app.model;
    const d = m.data;
    const list = el('ol', { class: 'ranking', role: 'listbox', 'aria-label': 'Costliest heap allocations' });
    items = m.ranking().map((r) => {
      const x = d.sites[r.site]!;
      const cause = causeId(m, x.cause);
      const item = el(
        'li',
        {
          class: 'summary-item',
          testid: 'summary-item',
          'data-site-id': m.siteId(r.site),
          'data-site': r.site,
          role: 'option',
          tabindex: -1,
        },
        // Two lines an item: the expression and why, then where, in which function and at what cost.
        el(
          'div',
          { class: 'line' },
          el('span', { class: 'expr' }, m.s(x.expr), x.cold ? el('span', { class: 'cold', title: m.s(x.cold) }, 'cold') : null),
          cause ? el('span', { class: 'cause-id' }, cause) : null,
        ),
        el(
          'div',
          { class: 'line' },
          el('span', { class: 'where' }, m.posText(x.pos, false)),
          el('span', { class: 'fn', title: m.s(x.function) }, m.s(x.function)),
          el('span', { class: 'cost', title: costText(m, x) }, costText(m, x)),
        ),
        r.more ? el('div', { class: 'more' }, `+${r.more} more in this function`) : null,
      );
      item.addEventListener('click', () => app.go({ site: r.site }));
      list.appendChild(item);
      return item;
    });
    // One item takes the Tab stop (the selected one); arrows move among them, Enter or Space opens.
    list.addEventListener('keydown', (e) => {
      const at = items.indexOf(e.target as HTMLElement);
      if (at < 0) return;
      const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[e.key];
      if (to !== undefined) {
        const next = items[Math.max(0, Math.min(items.length - 1, to))]!;
        for (const it of items) it.tabIndex = it === next ? 0 : -1;
        next.focus();
      } else if (e.key === 'Enter' || e.key === ' ') items[at]!.click();
      else return;
      e.preventDefault();
    });
    const heap = d.preview?.heapSites ?? m.heapCount;
    const all = d.preview?.sites ?? d.sites.length;
    const heading = el('h2', null, `Costliest heap allocations (${num(heap)} heap sites of ${num(all)})`);
    element.replaceChildren(heading, items.length ? list : el('p', { class: 'empty' }, 'No heap allocation.'));
    if (d.filtered)
      element.appendChild(
        el(
          'p',
          { class: 'note' },
          `${num(d.filtered.sites)} sites filtered out${d.filtered.external ? ` (${num(d.filtered.external)} outside the module)` : ''}.`,
        ),
      );
  }

  /** Counts over all heap sites: kept apart from the ranking so they fill in after the first paint. */
  function counts(): HTMLElement {
    const m = app.model;
    const byCause = new Map<string, number>();
    const byPkg = new Map<string, number>();
    const p = m.data.preview;
    if (p) {
      for (const [k, n] of p.byCause) byCause.set(k || '(no cause)', n);
      for (const [k, n] of p.byPackage) byPkg.set(k, n);
    } else
      for (let i = 0; i < m.heapCount; i++) {
        const x = m.data.sites[i]!;
        if (x.cold || x.allocates === 'never') continue;
        const c = x.cause >= 0 ? causeId(m, x.cause) : '(no cause)';
        const pkg = m.packagePath(x.package);
        byCause.set(c, (byCause.get(c) ?? 0) + 1);
        byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + 1);
      }
    const table = (title: string, rows: [string, number][]) =>
      section(
        title,
        el(
          'table',
          { class: 'counts' },
          ...rows
            .sort((a, b) => b[1] - a[1])
            .slice(0, 30)
            .map(([k, n]) => el('tr', null, el('td', { class: 'n' }, num(n)), el('td', null, k))),
        ),
      );
    return el(
      'div',
      { class: 'count-tables', testid: 'summary-counts' },
      table('Hot heap sites by cause', [...byCause]),
      table('Hot heap sites by package', [...byPkg]),
    );
  }

  return {
    element,
    render(dataChanged) {
      if (dataChanged || !built) {
        built = true;
        build();
        element.appendChild(counts());
      }
      const sel = String(app.sel.site);
      const selected = items.find((it) => it.dataset.site === sel);
      for (const it of items) {
        it.classList.toggle('selected', it === selected);
        it.setAttribute('aria-selected', String(it === selected));
        // The Tab stop follows the selection unless the keyboard is inside the list already.
        if (!element.contains(document.activeElement)) it.tabIndex = it === (selected ?? items[0]) ? 0 : -1;
      }
    },
  };
}
