// The left column's top: the ranked decisions, then how the hot heap sites split by cause and by package (charts
// under the list, tables in it).

import { el, section } from './dom.js';
import { causeId, costText, num } from './format.js';
import { t } from './i18n.js';
import { overviewCharts, tally, type Tally } from './overview.js';
import type { App } from './state.js';

export function summaryView(app: App): { element: HTMLElement; overview: HTMLElement; render(dataChanged: boolean): void } {
  const element = el('div', { class: 'summary', testid: 'summary' });
  // The charts sit under the ranked list's scroll, always in view.
  const overview = el('div', { class: 'overview-host' });
  let items: HTMLElement[] = [];
  let built = false;

  function build(): void {
    const m = app.model;
    const d = m.data;
    if (m.blank) {
      // Before the playground's first run: a placeholder that cannot be taken for a result with no allocation.
      element.replaceChildren(
        el(
          'div',
          { class: 'placeholder', testid: 'summary-placeholder' },
          el('h2', null, t('web.summary.blankTitle')),
          el('p', null, t('web.summary.blankText')),
        ),
      );
      items = [];
      return;
    }
    const list = el('ol', { class: 'ranking', role: 'listbox', 'aria-label': t('web.summary.listLabel') });
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
          el(
            'span',
            { class: 'expr' },
            m.s(x.expr),
            x.cold ? el('span', { class: 'cold', title: m.s(x.cold) }, t('web.summary.cold')) : null,
          ),
          cause ? el('span', { class: 'cause-id' }, cause) : null,
        ),
        el(
          'div',
          { class: 'line' },
          el('span', { class: 'where', title: m.posText(x.pos) }, m.shortPosText(x.pos, x.package)),
          el('span', { class: 'fn', title: m.s(x.function) }, m.s(x.function)),
          el('span', { class: 'cost', title: costText(m, x) }, costText(m, x)),
        ),
        r.more ? el('div', { class: 'more' }, t('web.summary.more', { n: num(r.more) })) : null,
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
    const heading = el('h2', null, t('web.summary.heading', { heap: num(heap), all: num(all) }));
    element.replaceChildren(heading, items.length ? list : el('p', { class: 'empty' }, t('web.summary.none')));
    if (d.filtered)
      element.appendChild(
        el(
          'p',
          { class: 'note' },
          d.filtered.external
            ? t('web.summary.filteredExternal', { n: num(d.filtered.sites), external: num(d.filtered.external) })
            : t('web.summary.filtered', { n: num(d.filtered.sites) }),
        ),
      );
  }

  /** Counts over all heap sites, as tables (the charts' numbers): kept apart from the ranking so they fill in after
   *  the first paint. */
  function counts(c: Tally): HTMLElement {
    const table = (title: string, rows: [string, number][]) =>
      section(
        title,
        el(
          'table',
          { class: 'counts' },
          ...rows.slice(0, 30).map(([k, n]) => el('tr', null, el('td', { class: 'n' }, num(n)), el('td', null, k))),
        ),
      );
    return el(
      'div',
      { class: 'count-tables', testid: 'summary-counts' },
      table(t('web.summary.byCause'), c.byCause),
      table(t('web.summary.byPackage'), c.byPackage),
      c.measured ? table(t('web.summary.measured'), c.measured) : null,
      c.cold ? table(t('web.summary.cold2'), c.cold) : null,
    );
  }

  return {
    element,
    overview,
    render(dataChanged) {
      if (dataChanged || !built) {
        built = true;
        build();
        const c = app.model.blank ? null : tally(app);
        if (c) element.appendChild(counts(c));
        overview.replaceChildren(...(c ? [overviewCharts(c)] : []));
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
