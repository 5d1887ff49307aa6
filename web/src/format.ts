// Short texts shared by the views.

import type { PageSite } from '../../src/reporters/html/page-data.js';
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
