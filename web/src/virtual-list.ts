// A list of fixed-height rows of which only the visible ones exist in the DOM (the file tree of the standard
// library has 1,600 rows, a search can match 27,000 sites).

import { Virtualizer, elementScroll, observeElementOffset, observeElementRect } from '@tanstack/virtual-core';
import { el } from './dom.js';

export interface VirtualList {
  element: HTMLElement;
  setCount(n: number): void;
  refresh(): void;
  scrollTo(i: number): void;
}

export function virtualList(rowHeight: number, renderRow: (i: number) => HTMLElement, attrs: Record<string, string> = {}): VirtualList {
  const scroller = el('div', { class: 'vlist', ...attrs });
  const inner = el('div', { class: 'vlist-inner' });
  scroller.appendChild(inner);
  let count = 0;
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
      row.style.position = 'absolute';
      row.style.top = `${it.start}px`;
      row.style.height = `${rowHeight}px`;
      row.style.left = '0';
      row.style.right = '0';
      return row;
    });
    inner.replaceChildren(...rows);
  }
  return {
    element: scroller,
    setCount(n) {
      count = n;
      v.setOptions(options());
      if (mounted) v._willUpdate();
      paint();
    },
    refresh: paint,
    scrollTo(i) {
      if (mounted) v.scrollToIndex(i, { align: 'center' });
    },
  };
}
