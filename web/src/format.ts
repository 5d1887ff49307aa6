// Short texts shared by the views.

import type { PageSite } from '../../src/reporters/html/page-data.js';
import { el } from './dom.js';
import { locale, t } from './i18n.js';
import type { Model } from './model.js';

export function num(n: number): string {
  if (Number.isInteger(n)) return n.toLocaleString(locale());
  return n.toLocaleString(locale(), { maximumFractionDigits: 2 });
}

export function costText(m: Model, x: PageSite): string {
  const c = x.cost;
  if (!c) return '';
  if (c.source === 'measured') {
    const figures = { allocs: num(c.allocsPerOp ?? 0), bytes: num(c.bytesPerOp ?? 0) };
    const b = m.s(c.benchmark);
    return b ? t('web.cost.measuredBy', { ...figures, benchmark: b }) : t('web.cost.measured', figures);
  }
  const basis = m.s(c.basis);
  return basis ? t('web.cost.estimatedBasis', { score: num(c.score), basis }) : t('web.cost.estimated', { score: num(c.score) });
}

export function headline(m: Model, x: PageSite): string {
  const e = m.s(x.expr);
  switch (x.kind) {
    case 'moved-to-heap':
      return t('web.headline.movedToHeap', { expr: e });
    case 'escapes':
      return t('web.headline.escapes', { expr: e });
    case 'does-not-escape':
      return t('web.headline.doesNotEscape', { expr: e });
    case 'leaking-param':
      return t('web.headline.leakingParam', { expr: e });
    case 'leaking-param-content':
      return t('web.headline.leakingParamContent', { expr: e });
    case 'leaking-param-to-result':
      return t('web.headline.leakingParamToResult', { expr: e });
  }
}

export function causeId(m: Model, cause: number): string {
  const c = m.data.causes[cause];
  return c ? m.s(c.id) : '';
}

/** What the ≈ mark next to an allocs/op figure means: the memory profile counts 16-byte blocks, not tiny objects. */
export const tinyLegend = (): string => t('web.tiny.legend');

/** The ≈ mark of an allocs/op figure where tiny objects share blocks: heapscope's estimate and the profile's count. */
export function tinyMark(profiled: number, estimated: number): HTMLElement {
  return el(
    'abbr',
    {
      class: 'tiny-mark',
      testid: 'tiny-mark',
      'data-profiled': profiled,
      title: t('web.tiny.title', { profiled: num(profiled), estimated: num(estimated) }),
    },
    '≈',
  );
}
