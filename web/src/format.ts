// Short texts shared by the views.

import type { PageSite } from '../../src/reporters/html/page-data.js';
import { el } from './dom.js';
import type { Model } from './model.js';

export function num(n: number): string {
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export function costText(m: Model, x: PageSite): string {
  const c = x.cost;
  if (!c) return '';
  if (c.source === 'measured') {
    const parts = [`${num(c.allocsPerOp ?? 0)} allocs/op`, `${num(c.bytesPerOp ?? 0)} B/op`];
    const b = m.s(c.benchmark);
    return parts.join(', ') + (b ? ` (${b})` : '');
  }
  const basis = m.s(c.basis);
  return `estimated weight ${num(c.score)}${basis ? `: ${basis}` : ''}`;
}

export function headline(m: Model, x: PageSite): string {
  const e = m.s(x.expr);
  switch (x.kind) {
    case 'moved-to-heap':
      return `${e} moved to heap`;
    case 'escapes':
      return `${e} escapes to heap`;
    case 'does-not-escape':
      return `${e} does not escape`;
    case 'leaking-param':
      return `leaking param: ${e}`;
    case 'leaking-param-content':
      return `leaking param content: ${e}`;
    case 'leaking-param-to-result':
      return `leaking param: ${e} to result`;
  }
}

export function causeId(m: Model, cause: number): string {
  const c = m.data.causes[cause];
  return c ? m.s(c.id) : '';
}

/** What the ≈ mark next to an allocs/op figure means: the memory profile counts 16-byte blocks, not tiny objects. */
export const TINY_LEGEND =
  '≈ marks allocs/op estimated where tiny objects (under 16 B, without pointers) share 16-byte blocks: the memory profile counts the blocks.';

/** The ≈ mark of an allocs/op figure where tiny objects share blocks: heapscope's estimate and the profile's count. */
export function tinyMark(profiled: number, estimated: number): HTMLElement {
  return el(
    'abbr',
    {
      class: 'tiny-mark',
      testid: 'tiny-mark',
      'data-profiled': profiled,
      title: `Tiny objects share 16-byte blocks: the memory profile counts ${num(profiled)} blocks/op here, heapscope estimates ${num(estimated)} allocs/op`,
    },
    '≈',
  );
}
