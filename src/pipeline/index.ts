// heapscope's engine, the package's programmatic API (package.json "exports", docs/api.md): one function per job (analyze, check, bench, diff, explain, and the model alone),
// each taking plain options and returning the report, the outcome and the problems. The CLI, heapscope serve and
// the language server call these same functions.

export { analyze, type AnalyzeJobOptions, type AnalyzeResult } from './analyze.js';
export { check, type CheckJobOptions, type CheckResult } from './check.js';
export { bench, type BenchJobOptions, type BenchResult } from './bench.js';
export { diff, type DiffJobOptions, type DiffResult } from './diff.js';
export { explain, type ExplainJobOptions, type ExplainResult } from './explain.js';
export { analyzeModel, type ModelJobOptions, type ModelResult } from './model.js';
export { defaultFocus, DEFAULT_TOP, type EngineOptions, type FocusChoice, type Outcome, type Output, type Problem } from './options.js';
// The model, built and focused, for front ends that keep it in memory (heapscope serve, the language server).
export { loadModel, joinRun, focusModel, measuredFigures, type FocusSetup } from './load-model.js';
export type { AnalysisModel } from '../model/types.js';
export type { BenchReport } from '../model/bench-report.js';
export type { CheckReport } from '../model/directives.js';
export { HeapscopeError, UsageError } from '../errors/errors.js';
