// bench --compare A B: which two benchmarks the names mean (declared in the packages' test files), and the
// --bench pattern that runs at least those two.

import { UsageError } from '../errors/errors.js';
import { resolveCompareName } from '../model/compare.js';
import { declaredBenchmarks, splitBenchPattern } from '../runners/bench-packages.js';
import type { GoListPackage } from '../parsers/go-list-json.js';
import { safeText } from '../model/safe-text.js';
import { t } from '../i18n/t.js';

function quoteRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The two full names --compare means, and the --bench pattern to run: with --bench not given, just their
 * top-level benchmarks; given without sub-benchmark parts, it or theirs; given with parts, as given (the
 * comparison then says which of the two did not run).
 */
export function compareSelection(
  names: string[] | undefined,
  pkgs: GoListPackage[],
  bench: string,
  benchGiven: boolean,
): { names: [string, string]; bench: string } | null {
  if (names === undefined) return null;
  if (names.length !== 2) throw new UsageError(t('cli.err.compareTwo', { n: names.length }));
  const declared = pkgs.flatMap((p) => declaredBenchmarks(p)).filter((n) => n !== '?');
  const resolved = names.map((n) => {
    const r = resolveCompareName(n, declared);
    if ('error' in r) throw new UsageError(safeText(r.error));
    return r.name;
  }) as [string, string];
  if (resolved[0] === resolved[1]) throw new UsageError(t('cli.err.compareTwice', { name: safeText(resolved[0]) }));
  const tops = [...new Set(resolved.map((n) => n.split('/')[0]!))].map(quoteRe).join('|');
  if (!benchGiven) return { names: resolved, bench: `^(?:${tops})$` };
  if (splitBenchPattern(bench).length === 1) return { names: resolved, bench: `(?:${bench})|^(?:${tops})$` };
  return { names: resolved, bench };
}
