// The one way the commands get the static model: run (or load from cache) the compiler's analysis, then join.
import { analyze, type AnalyzeOptions, type AnalyzeRun } from '../runners/analyze.js';
import { sourceReader } from '../runners/source-lines.js';
import { buildModel } from '../join/build-model.js';
import type { AnalysisModel } from '../model/types.js';

export async function loadModel(opts: AnalyzeOptions): Promise<{ run: AnalyzeRun; model: AnalysisModel }> {
  const run = await analyze(opts);
  return { run, model: joinRun(run) };
}

export function joinRun(run: AnalyzeRun): AnalysisModel {
  const source = sourceReader(run.root);
  return buildModel({
    go: { version: run.env.version, goos: run.env.goos, goarch: run.env.goarch },
    root: run.root,
    units: run.units,
    sourceLine: (file, line) => source.line(file, line),
    resultNames: (fn) => source.resultNames(fn),
  });
}
