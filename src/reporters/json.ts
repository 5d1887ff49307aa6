// The JSON report: the model as documented in docs/schema.md, already in deterministic order. Written in
// chunks: for std the report is tens of MB, and one string of that size costs a second copy when it is
// encoded for output (and doubles in memory if a single non-ASCII character makes it two-byte). The prose each
// site shares with others (its cause's summary and fix, its allocation rule's reason) is written once, in the
// catalogues at the top, and each site names it by id: on std that took the report from 89 MB to about 70.

import type { AnalysisModel, Site } from '../model/types.js';
import type { BenchReport } from '../model/bench-report.js';
import type { Explanation } from '../model/explain-report.js';
import type { ReportOptions } from './registry.js';
import { VERSION } from '../version.js';
import { t } from '../i18n/t.js';

const TOOL = { name: 'heapscope', version: VERSION };

/**
 * Who wrote the report and in which language its prose fields are (--lang: detail, notes, causes' texts...); ids,
 * keys and enums are English in every language.
 */
export const writer = (): { tool: typeof TOOL; lang: string } => ({ tool: TOOL, lang: t.lang() });

/** Array elements per chunk: about a megabyte of sites. */
const CHUNK = 2000;

/** The analyze report's schema version: 2 since causes and allocation reasons moved to catalogues (docs/schema.md). */
export const JSON_SCHEMA_VERSION = 2;

export function renderJson(model: AnalysisModel, opts: ReportOptions): Iterable<string> {
  const { unrecognised, schemaVersion: _model, go, root, sites, ...rest } = model;
  const causes: Record<string, { summary: string; fix: string }> = {};
  const rules: Record<string, string> = {};
  for (const s of sites) {
    for (const c of [s.cause, s.rootCause]) if (c && !(c.id in causes)) causes[c.id] = { summary: c.summary, fix: c.fix };
    if (s.allocatesRule !== undefined && s.allocatesReason !== undefined && !(s.allocatesRule in rules))
      rules[s.allocatesRule] = s.allocatesReason;
  }
  const out: Record<string, unknown> = {
    schemaVersion: JSON_SCHEMA_VERSION,
    go,
    root,
    causes: sorted(causes),
    allocationRules: sorted(rules),
    sites: new LazyArray(sites, compactSite),
    ...rest,
    ...writer(),
    unrecognised: { count: unrecognised.length, lines: opts.verbose ? unrecognised : [] },
  };
  return stringifyChunked(out);
}

function sorted<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A site as the report writes it: cause and rootCause by id, no allocatesReason; every other field in its order. */
function compactSite(s: Site): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === 'allocatesReason') continue;
    o[k] = (k === 'cause' || k === 'rootCause') && v ? { id: (v as { id: string }).id } : v;
  }
  return o;
}

/** An array whose elements are made as they are written (chunk by chunk), so no second copy is held whole. */
class LazyArray<T, U> {
  constructor(
    readonly items: readonly T[],
    readonly map: (x: T) => U,
  ) {}
}

/**
 * The same text as JSON.stringify(obj) + end ('\n' unless told), with long top-level arrays split across chunks,
 * each made only when the one before has been taken.
 */
export function* stringifyChunked(obj: Record<string, unknown>, chunkSize = CHUNK, end = '\n'): Generator<string> {
  let cur = '{';
  let first = true;
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    cur += (first ? '' : ',') + JSON.stringify(k) + ':';
    first = false;
    const lazy = v instanceof LazyArray ? (v as LazyArray<unknown, unknown>) : null;
    const items: unknown = lazy ? lazy.items : v;
    if (Array.isArray(items) && (items.length > chunkSize || lazy)) {
      cur += '[';
      for (let i = 0; i < items.length; i += chunkSize) {
        yield cur;
        const part = items.slice(i, i + chunkSize);
        cur = (i ? ',' : '') + JSON.stringify(lazy ? part.map(lazy.map) : part).slice(1, -1);
      }
      cur += ']';
    } else cur += JSON.stringify(v);
  }
  yield cur + '}' + end;
}

/** The bench report (docs/schema.md), in one piece: it holds no more than a few thousand lines. */
export function renderBenchJson(rep: BenchReport): string {
  const { listings: _asm, ...rest } = rep;
  return JSON.stringify({ ...rest, ...writer() }) + '\n';
}

export function renderExplainJson(ex: Explanation): string {
  return JSON.stringify({ ...ex, ...writer() }) + '\n';
}
