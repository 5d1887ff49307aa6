// Packages and their files with the heap decisions of each, as one virtualised list of rows.

import { el } from './dom.js';
import { num } from './format.js';
import { t } from './i18n.js';
import type { App } from './state.js';
import { virtualList } from './virtual-list.js';

type Row = { pkg: number; name: string; heap: number; files: number; open: boolean } | { file: number; name: string; heap: number };

export function treeView(app: App): { element: HTMLElement; render(dataChanged: boolean): void } {
  let groups: { pkg: number; name: string; heap: number; files: { file: number; name: string; heap: number }[] }[] = [];
  const closed = new Set<string>();
  let rows: Row[] = [];
  const list = virtualList(22, (i) => renderRow(rows[i]!), {
    role: 'tree',
    label: t('web.tree.label'),
    open: (i) => open(rows[i]!),
    start: () =>
      Math.max(
        0,
        rows.findIndex((r) => 'file' in r && r.file === app.sel.file),
      ),
  });
  const element = el('div', { class: 'tree', testid: 'file-tree' }, el('h2', null, t('web.tree.title')), list.element);
  // A tree's own keys: Right opens a package, Left closes it or goes from a file up to its package.
  list.element.addEventListener('keydown', (e) => {
    const i = list.active();
    const r = rows[i];
    if (!r || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return;
    if ('pkg' in r) {
      if (r.open === (e.key === 'ArrowLeft')) open(r);
    } else if (e.key === 'ArrowLeft') {
      let j = i;
      while (j > 0 && !('pkg' in rows[j]!)) j--;
      list.setActive(j);
    }
    e.preventDefault();
  });
  let built = false;

  function build(): void {
    const m = app.model;
    const byPkg = new Map<number, (typeof groups)[number]>();
    m.data.files.forEach((f, i) => {
      let g = byPkg.get(f.package);
      if (!g)
        byPkg.set(
          f.package,
          (g = { pkg: f.package, name: f.package >= 0 ? m.packagePath(f.package) : t('web.tree.otherModules'), heap: 0, files: [] }),
        );
      const path = m.s(f.path);
      g.files.push({ file: i, name: path, heap: f.heap });
      g.heap += f.heap;
    });
    groups = [...byPkg.values()].sort((a, b) => (a.pkg < 0 ? 1 : b.pkg < 0 ? -1 : a.name.localeCompare(b.name)));
    for (const g of groups) g.files.sort((a, b) => a.name.localeCompare(b.name));
    flatten();
  }

  function flatten(): void {
    rows = [];
    for (const g of groups) {
      const open = !closed.has(g.name);
      rows.push({ pkg: g.pkg, name: g.name, heap: g.heap, files: g.files.length, open });
      if (open) for (const f of g.files) rows.push(f);
    }
    list.setCount(rows.length);
  }

  function renderRow(r: Row): HTMLElement {
    if ('pkg' in r) {
      const row = el(
        'div',
        { class: 'tree-pkg', testid: 'tree-package', title: r.name },
        el('span', { class: 'twisty' }, r.open ? '▾' : '▸'),
        el('span', { class: 'name' }, r.name),
        r.heap ? el('span', { class: 'heap-count' }, num(r.heap)) : null,
      );
      row.setAttribute('aria-level', '1');
      row.setAttribute('aria-expanded', String(r.open));
      row.addEventListener('click', () => open(r));
      return row;
    }
    const base = r.name.slice(r.name.lastIndexOf('/') + 1);
    const row = el(
      'div',
      { class: `tree-file${r.file === app.sel.file ? ' selected' : ''}`, testid: 'tree-file', 'data-file': r.name, title: r.name },
      el('span', { class: 'name' }, base),
      r.heap ? el('span', { class: 'heap-count' }, num(r.heap)) : null,
    );
    row.setAttribute('aria-level', '2');
    row.addEventListener('click', () => open(r));
    return row;
  }

  /** A package opens or closes; a file opens at its first heap line. */
  function open(r: Row): void {
    if ('pkg' in r) {
      if (closed.has(r.name)) closed.delete(r.name);
      else closed.add(r.name);
      flatten();
      return;
    }
    const lines = [...app.model.linesOf(r.file).entries()].filter(([, s]) => s.some((i) => app.model.data.sites[i]!.heap)).map(([l]) => l);
    app.go({ file: r.file, line: lines.length ? Math.min(...lines) : 1 });
  }

  return {
    element,
    render(dataChanged) {
      if (dataChanged || !built) {
        built = true;
        build();
      } else list.refresh();
    },
  };
}
