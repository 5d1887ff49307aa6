// The model job: the analysis as a front end that keeps it in memory wants it (heapscope serve, the language
// server): the compiler's run through the cache, joined, focused (readable names, cold paths, measured costs) and
// filtered; no rendering and no replay of a report.

import { focusModel, loadJobModel } from './load-model.js';
import { checkFiltersMatch } from './filters-match.js';
import { defaultFocus, resolveOptions, type EngineOptions, type FocusChoice, type Problem } from './options.js';
import { filterModel } from '../model/filters.js';
import type { AnalysisModel } from '../model/types.js';
import type { AnalyzeRun } from '../runners/analyze.js';

export interface ModelJobOptions extends EngineOptions {
  tests?: boolean;
  /** The filters applied (focus.top and focus.sort do not change a model). Default: none. */
  focus?: FocusChoice;
}

export interface ModelResult {
  /** The compiler's run: the units, the sources the model may show (run.sources), the module root. */
  run: AnalyzeRun;
  report: AnalysisModel;
  problems: Problem[];
}

export async function analyzeModel(options: ModelJobOptions): Promise<ModelResult> {
  const o = resolveOptions(options);
  const choice = options.focus ?? defaultFocus();
  o.signal?.throwIfAborted();
  const { run, model } = await loadJobModel(o, !!options.tests);
  o.phase('analysed');
  o.signal?.throwIfAborted();
  const focused = await focusModel(model, run, { cacheDir: o.cacheDir, env: o.env });
  checkFiltersMatch(model, choice.filters, o.dir);
  o.phase('focused');
  return {
    run,
    report: filterModel(model, choice.filters, o.dir),
    problems: [
      ...focused.problems.map((message) => ({ kind: 'source' as const, message })),
      ...run.messages.map((message) => ({ kind: 'go' as const, message })),
    ],
  };
}
