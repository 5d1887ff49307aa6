// The one way the commands get the static model: run (or load from cache) the compiler's analysis, then join,
// then focus (readable names, cold paths, costs; join/focus.ts) and filter (model/filters.ts).
import { analyze, type AnalyzeOptions, type AnalyzeRun } from '../runners/analyze.js';
import { sourceReader } from '../runners/source-lines.js';
import { buildModel } from '../join/build-model.js';
import { focus } from '../join/focus.js';
import type { AnalysisModel } from '../model/types.js';
import type { Resolved } from './options.js';
import { readFocusSource } from '../runners/focus-inputs.js';
import { readMeasured } from '../cache/measured-store.js';
import { defaultCacheDir } from '../cache/model-cache.js';
import type { ProfileCosts } from '../model/profile-costs.js';
import type { SourceFileFacts } from '../model/source-facts.js';

export async function loadModel(opts: AnalyzeOptions): Promise<{ run: AnalyzeRun; model: AnalysisModel }> {
  const run = await analyze(opts);
  return { run, model: joinRun(run) };
}

export function joinRun(run: AnalyzeRun): AnalysisModel {
  const dirs = new Map([...run.packageDirs].map(([dir, path]) => [path, dir]));
  const byName = new Map<string, string | null>();
  for (const [path, name] of run.packageNames) byName.set(name, byName.has(name) ? null : path);
  const source = sourceReader(run.sources, {
    dirOf: (p) => dirs.get(p),
    nameOf: (p) => run.packageNames.get(p),
    named: (n) => byName.get(n) ?? undefined,
  });
  return buildModel({
    go: { version: run.env.version, goos: run.env.goos, goarch: run.env.goarch },
    root: run.root,
    units: run.units,
    sourceLine: (file, line) => source.line(file, line),
    resultNames: (fn) => source.resultNames(fn),
    typeKind: (pkg, file, name) => source.typeKind(pkg, file, name),
  });
}

export interface FocusSetup {
  /** Heapscope's cache (measured costs are read from it), or null with --no-cache. */
  cacheDir: string | null;
  env: NodeJS.ProcessEnv;
  /** More files whose structure is wanted (bench: the test files that declare benchmarks). */
  extraFiles?: string[];
  /** A profile the user gave (--profile), read already. */
  profile?: ProfileCosts | null;
  /** The latest measured costs when the caller read them already (measuredFigures), so they are read once. */
  measured?: ReturnType<typeof readMeasured>;
}

/** Sets readable names, cold marks and costs on the model; returns what could not be read (for --verbose), and
 *  the source structure read (check reads its directives). */
export async function focusModel(
  model: AnalysisModel,
  run: AnalyzeRun,
  setup: FocusSetup,
): Promise<{ problems: string[]; source: Map<string, SourceFileFacts> }> {
  // The helper is a tool, not a result: it is kept in the cache directory even with --no-cache.
  const toolDir = setup.cacheDir ?? defaultCacheDir(setup.env);
  // The source's structure improves the report; failing to read it must not cost the report.
  const src = await readFocusSource(model, run, { toolDir, env: setup.env, extraFiles: setup.extraFiles }).catch((e: unknown) => ({
    source: new Map(),
    problems: [`go/srcfacts: ${e instanceof Error ? e.message : String(e)}`],
  }));
  const measured = setup.measured !== undefined ? setup.measured : measuredFigures(setup.cacheDir, run.root);
  focus(model, {
    source: src.source,
    measured: measured?.costs ?? null,
    profile: setup.profile ?? null,
    packageNames: run.packageNames,
    packageDirs: run.packageDirs,
    where: (file, line, column) => `${file}:${line}:${column}`,
  });
  return { problems: src.problems, source: src.source };
}

/** The latest measured costs of the module and their stamp (which changes the focus of a report besides the
 *  sources); null without a cache or figures. */
export function measuredFigures(cacheDir: string | null, root: string): ReturnType<typeof readMeasured> {
  return cacheDir ? readMeasured(cacheDir, root) : null;
}

/** One analysis of the job's packages as its resolved options name them (check and analyzeModel share it). */
export function loadJobModel(o: Resolved, tests: boolean): Promise<{ run: AnalyzeRun; model: AnalysisModel }> {
  return loadModel({
    dir: o.dir,
    patterns: o.patterns,
    tags: o.tags,
    tests,
    cacheDir: o.cacheDir,
    env: o.env,
    onProgress: o.onProgress,
    ...(o.signal ? { signal: o.signal } : {}),
  });
}
