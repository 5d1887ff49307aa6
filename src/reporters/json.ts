// The JSON report: the model as documented in docs/schema.md, already in deterministic order.

import type { AnalysisModel } from '../model/types.js';
import type { ReportOptions } from './registry.js';

export const TOOL_VERSION = '0.1.0';

export function renderJson(model: AnalysisModel, opts: ReportOptions): string {
  const { unrecognised, ...rest } = model;
  const out = {
    ...rest,
    tool: { name: 'heapscope', version: TOOL_VERSION },
    unrecognised: { count: unrecognised.length, lines: opts.verbose ? unrecognised : [] },
  };
  return JSON.stringify(out, null, opts.pretty ? 2 : undefined) + '\n';
}
