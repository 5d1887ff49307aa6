// The words of the hover's type line, the measure's progress and the fix actions, in the session's language
// (src/i18n/{en,zh-CN}/lsp.ts); types, runtime functions and Go code stay as printed.

import { t } from '../i18n/t.js';
import type { SiteAllocation } from './engine-adapter.js';

const sizeText = (a: SiteAllocation): string =>
  a.size === null
    ? t('lsp.alloc.sizeUnknown')
    : a.sizeClass !== null && a.sizeClass !== a.size
      ? t('lsp.alloc.sizeClass', { size: a.size, sizeClass: a.sizeClass })
      : t('lsp.alloc.size', { size: a.size });

const one = (a: SiteAllocation): string =>
  a.type
    ? t('lsp.alloc.typed', { type: a.type, size: sizeText(a), fn: a.runtime })
    : t('lsp.alloc.untyped', { size: sizeText(a), fn: a.runtime });

export const msg = {
  /** The hover's line on what the compiled code allocates for a site. */
  allocated: (allocs: SiteAllocation[]): string => {
    const distinct = [...new Map(allocs.map((a) => [one(a), a])).values()];
    return distinct.length === 1
      ? t('lsp.alloc.one', { what: one(distinct[0]!) })
      : t('lsp.alloc.oneOf', { list: distinct.map(one).join(t('lsp.alloc.separator')) });
  },
  allocatedUnknown: (): string => t('lsp.alloc.unknown'),
  allocatedTestFile: (): string => t('lsp.alloc.testFile'),
  allocatedPending: (): string => t('lsp.alloc.pending'),
  allocatedFailed: (why: string): string => t('lsp.alloc.failed', { error: why.split('\n')[0]! }),
  /** The measure's $/progress title and its first message. */
  measureTitle: (pkg: string): string => t('lsp.measure.title', { pkg }),
  measureScope: (fn: string, benchmarks: string[], how: string): string =>
    benchmarks.length ? t('lsp.measure.some', { fn, benchmarks: benchmarks.join(', '), how }) : t('lsp.measure.all', { fn, how }),
  /** Why the measure runs the benchmarks it runs (reach.ts's `how`). */
  reach: (how: 'measured' | 'static' | 'measured+static' | 'none'): string =>
    ({
      measured: t('lsp.reach.measured'),
      static: t('lsp.reach.static'),
      'measured+static': t('lsp.reach.both'),
      none: t('lsp.reach.none'),
    })[how],
  /** A fix's code action title. */
  fixTitle: (from: string, to: string): string => t('lsp.action.fix', { from, to }),
};
