// The JSON report: the model as documented in docs/schema.md, already in deterministic order. Written in
// chunks: for std the report is about 70 MB, and one string of that size costs a second copy when it is
// encoded for output (and doubles in memory if a single non-ASCII character makes it two-byte).

import type { AnalysisModel } from '../model/types.js';
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

export function renderJson(model: AnalysisModel, opts: ReportOptions): Iterable<string> {
  const { unrecognised, ...rest } = model;
  const out: Record<string, unknown> = {
    ...rest,
    ...writer(),
    unrecognised: { count: unrecognised.length, lines: opts.verbose ? unrecognised : [] },
  };
  return stringifyChunked(out);
}

/**
 * The same text as JSON.stringify(obj) + '\n', with long top-level arrays split across chunks, each made only
 * when the one before has been taken.
 */
export function* stringifyChunked(obj: Record<string, unknown>, chunkSize = CHUNK): Generator<string> {
  let cur = '{';
  let first = true;
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    cur += (first ? '' : ',') + JSON.stringify(k) + ':';
    first = false;
    if (Array.isArray(v) && v.length > chunkSize) {
      cur += '[';
      for (let i = 0; i < v.length; i += chunkSize) {
        yield cur;
        cur = (i ? ',' : '') + JSON.stringify(v.slice(i, i + chunkSize)).slice(1, -1);
      }
      cur += ']';
    } else cur += JSON.stringify(v);
  }
  yield cur + '}\n';
}

/** The bench report (docs/schema.md), in one piece: it holds no more than a few thousand lines. */
export function renderBenchJson(rep: BenchReport): string {
  const { listings: _asm, ...rest } = rep;
  return JSON.stringify({ ...rest, ...writer() }) + '\n';
}

export function renderExplainJson(ex: Explanation): string {
  return JSON.stringify({ ...ex, ...writer() }) + '\n';
}
