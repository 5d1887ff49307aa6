// A list of fixed-height rows of which only the visible ones exist in the DOM (the file tree of the standard
// library has 1,600 rows, a search can match 27,000 sites). The keyboard moves an active row (arrows, Home, End,
// Page keys) and opens it (Enter, Space); the active row is named by aria-activedescendant, so it can be a row
// that is not in the DOM until it is scrolled to.

import { Virtualizer, elementScroll, observeElementOffset, observeElementRect } from '@tanstack/virtual-core';
import { el } from './dom.js';

export interface VirtualList {
  element: HTMLElement;
  setCount(n: number): void;
  refresh(): void;
  scrollTo(i: number): void;
  /** Handles a list key for the element that has the focus (the list itself, or a search input): true if used. */
  key(e: KeyboardEvent): boolean;
  /** The active row, or -1. */
  active(): number;
  setActive(i: number): void;
}

export interface ListOptions {
  attrs?: Record<string, string>;
  /** The role of the list (listbox, tree) and of its rows (option, treeitem). */
  role: 'listbox' | 'tree';
  label: string;
  /** Enter or Space on the active row. */
  open(i: number): void;
  /** The element that carries aria-activedescendant (the list unless a combobox input owns it). */
  owner?: HTMLElement;
  /** The row to start from when the list gets the focus with none active. */
  start?(): number;
}

let lists = 0;

export function virtualList(rowHeight: number, renderRow: (i: number) => HTMLElement, o: ListOptions): VirtualList {
  const prefix = `vl${++lists}`;
  const scroller = el('div', { class: 'vlist', ...o.attrs, role: o.role, 'aria-label': o.label, tabindex: o.owner ? -1 : 0 });
  const owner = o.owner ?? scroller;
  const inner = el('div', { class: 'vlist-inner', role: 'none' });
  scroller.appendChild(inner);
  let count = 0;
  let active = -1;
  const options = () => ({
    count,
    getScrollElement: () => scroller,
    estimateSize: () => rowHeight,
    scrollToFn: elementScroll,
    observeElementRect,
    observeElementOffset,
    overscan: 8,
    onChange: () => paint(),
  });
  const v = new Virtualizer<HTMLDivElement, HTMLElement>(options());
  // Mounting waits until the scroller is in the document, or it would measure a zero-height viewport.
  let mounted = false;
  const mount = () => {
    if (mounted || !scroller.isConnected) return;
    mounted = true;
    v._didMount();
    v._willUpdate();
    paint();
  };
  requestAnimationFrame(mount);
  new ResizeObserver(() => {
    mount();
  }).observe(scroller);

  function paint(): void {
    inner.style.height = `${v.getTotalSize()}px`;
    const rows = v.getVirtualItems().map((it) => {
      const row = renderRow(it.index);
      row.id = `${prefix}-${it.index}`;
      row.setAttribute('role', o.role === 'tree' ? 'treeitem' : 'option');
      row.setAttribute('aria-selected', String(it.index === active));
      row.setAttribute('aria-setsize', String(count));
      row.setAttribute('aria-posinset', String(it.index + 1));
      row.classList.toggle('active', it.index === active);
      row.style.position = 'absolute';
      row.style.top = `${it.start}px`;
      row.style.height = `${rowHeight}px`;
      row.style.left = '0';
      row.style.right = '0';
      return row;
    });
    inner.replaceChildren(...rows);
  }

  function setActive(i: number): void {
    active = count ? Math.max(0, Math.min(count - 1, i)) : -1;
    if (active >= 0) {
      if (mounted) v.scrollToIndex(active, { align: 'auto' });
      owner.setAttribute('aria-activedescendant', `${prefix}-${active}`);
    } else owner.removeAttribute('aria-activedescendant');
    paint();
  }

  function key(e: KeyboardEvent): boolean {
    const page = Math.max(1, Math.floor(scroller.clientHeight / rowHeight) - 1);
    const from = active < 0 ? (o.start?.() ?? -1) : active;
    const to: Record<string, number> = {
      ArrowDown: from < 0 ? 0 : from + 1,
      ArrowUp: from < 0 ? 0 : from - 1,
      Home: 0,
      End: count - 1,
      PageDown: from + page,
      PageUp: from - page,
    };
    if (e.key in to) setActive(to[e.key]!);
    else if ((e.key === 'Enter' || e.key === ' ') && active >= 0 && active < count) o.open(active);
    else return false;
    e.preventDefault();
    return true;
  }
  if (!o.owner) {
    scroller.addEventListener('keydown', (e) => key(e));
    scroller.addEventListener('focus', () => {
      if (active < 0 && count) setActive(Math.max(0, o.start?.() ?? 0));
    });
  }

  return {
    element: scroller,
    setCount(n) {
      count = n;
      if (active >= n) active = -1;
      v.setOptions(options());
      if (mounted) v._willUpdate();
      paint();
    },
    refresh: paint,
    scrollTo(i) {
      if (mounted) v.scrollToIndex(i, { align: 'center' });
    },
    key,
    active: () => active,
    setActive,
  };
}
