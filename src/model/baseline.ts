// A baseline: the heap sites that allocate, as `heapscope analyze --write-baseline FILE` found them, by identity
// (join/identity.ts: package, function instance, kind, expression, rank; no line numbers, so it survives edits
// that only move code). `heapscope check --baseline FILE` fails only on sites it does not hold.

import type { AnalysisModel } from './types.js';
import { t } from '../i18n/t.js';

export const BASELINE_FORMAT = 'heapscope-baseline-1';

export interface BaselineSite {
  id: string;
  package: string;
  function: string | null;
  kind: string;
  expr: string;
  /** Where it was when the baseline was written: for people reading the file, not for matching. */
  file: string;
  line: number;
  cause: string | null;
}

export interface Baseline {
  format: typeof BASELINE_FORMAT;
  go: string;
  sites: BaselineSite[];
}

export function baselineOf(model: AnalysisModel): Baseline {
  return {
    format: BASELINE_FORMAT,
    go: model.go.version,
    sites: model.sites
      .filter((s) => s.heap && s.allocates !== 'never' && s.id)
      .map((s) => ({
        id: s.id!,
        package: s.package,
        function: s.function,
        kind: s.kind,
        expr: s.expr,
        file: s.file,
        line: s.line,
        cause: s.cause?.id ?? null,
      })),
  };
}

/** The ids of a baseline file's text, or why it is not one. */
export function parseBaseline(text: string): { ok: true; ids: Set<string>; sites: number } | { ok: false; error: string } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: t('prose.baseline.notJson', { error: (e as Error).message }) };
  }
  const b = v as Partial<Baseline> | null;
  if (!b || typeof b !== 'object' || b.format !== BASELINE_FORMAT)
    return { ok: false, error: t('prose.baseline.noFormat', { field: `"format": "${BASELINE_FORMAT}"` }) };
  if (!Array.isArray(b.sites) || !b.sites.every((s) => s && typeof s === 'object' && typeof (s as BaselineSite).id === 'string'))
    return { ok: false, error: t('prose.baseline.badSites') };
  return { ok: true, ids: new Set(b.sites.map((s) => s.id)), sites: b.sites.length };
}
