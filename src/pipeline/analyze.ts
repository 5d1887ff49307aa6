// The analyze job: the compiler's escape analysis of the named packages, joined, focused, filtered and rendered in
// the format asked for; an unchanged re-run replays the last complete report from the result cache.

import { resolve } from 'node:path';
import { focusModel, joinRun, measuredFigures } from './load-model.js';
import { checkFiltersMatch } from './filters-match.js';
import { collectBetweenPhases } from './collect.js';
import { defaultFocus, resolveOptions, type EngineOptions, type FocusChoice, type Outcome, type Output, type Problem } from './options.js';
import { filterModel } from '../model/filters.js';
import { baselineOf, type Baseline } from '../model/baseline.js';
import type { AsmListing } from '../model/alloc-types.js';
import type { AnalysisModel } from '../model/types.js';
import { readProfileCosts } from '../runners/profile-input.js';
import { helperSourceHash, settleSourceFactsTool, startSourceFactsTool } from '../runners/source-facts.js';
import { defaultCacheDir } from '../cache/model-cache.js';
import { compilerFlags, executePlan, invocationId, planAnalysis } from '../runners/analyze.js';
import { packageListings } from '../runners/package-asm.js';
import { pageSourceReader } from '../runners/page-sources.js';
import { pageAssets } from '../runners/page-assets.js';
import { reporter } from '../reporters/registry.js';
import { ResultCache, resultName, toolIdentity, type ResultWriter } from '../cache/result-cache.js';
import { UsageError } from '../errors/errors.js';
import { VERSION } from '../version.js';
import { statSync } from 'node:fs';
import { t } from '../i18n/t.js';

export interface AnalyzeJobOptions extends EngineOptions {
  /** Include _test.go files (the packages' test variants are compiled). */
  tests?: boolean;
  /** A reporter of reporters/registry.ts: text, json, sarif, github, html. Default: json. */
  format?: string;
  /** Colour in text output. Default: false. */
  color?: boolean;
  /** List compiler lines heapscope did not recognise, and keep the source-structure problems. */
  verbose?: boolean;
  /** What the report shows first and leaves out. Default: every site, ten ranked. */
  focus?: FocusChoice;
  /** Rank by this pprof profile (relative to cwd) instead of heapscope bench's figures. */
  profile?: string;
  /** html: the assembly of the functions that allocate (one more build with -S). */
  asm?: boolean;
  /** Also return the baseline of every heap site (for check --baseline); the report is then not replayed. */
  baseline?: boolean;
  /** The command line shown in the html report. */
  command?: string;
}

export interface AnalyzeResult {
  outcome: Outcome;
  problems: Problem[];
  /** The model reported (joined, focused, filtered); null when the report was replayed from the cache. */
  report: AnalysisModel | null;
  /** True when nothing changed since the same job last finished cleanly and its output is the one stored. */
  replayed: boolean;
  /** The rendered report; stored for replay as it is iterated (when the run was clean). */
  output: Output;
  /** With `baseline`: every heap site of the analysed packages, whatever the filters show. */
  baseline?: Baseline;
}

/** --profile: the file must exist before anything runs; its size and time key the replay of a report. */
function profileStamp(cwd: string, file: string | undefined): string {
  if (file === undefined) return '';
  const st = statSync(resolve(cwd, file), { throwIfNoEntry: false });
  if (!st?.isFile()) throw new UsageError(t('cli.err.noSuchFile', { flag: '--profile', value: file }));
  return `${resolve(cwd, file)}:${st.size}:${st.mtimeMs}`;
}

function focusKey(c: FocusChoice): unknown[] {
  const f = c.filters;
  return [c.top, c.sort, f.all, f.causes, f.packages, f.functionRe?.source ?? null, f.minAllocs];
}

export async function analyze(options: AnalyzeJobOptions): Promise<AnalyzeResult> {
  const o = resolveOptions(options);
  const format = options.format ?? 'json';
  const render = reporter(format).analyze;
  const choice = options.focus ?? defaultFocus();
  const color = !!options.color;
  const verbose = !!options.verbose;
  const profStamp = profileStamp(o.cwd, options.profile);
  if (options.profile !== undefined && choice.filters.minAllocs !== null)
    throw new UsageError(t('cli.err.minAllocsProfile'), t('cli.err.hint.leaveOne'));
  if (options.asm && format !== 'html') throw new UsageError(t('cli.err.asmHtml'), t('cli.err.hint.asmHtml'));
  o.signal?.throwIfAborted();
  const planOptions = {
    dir: o.dir,
    patterns: o.patterns,
    tags: o.tags,
    tests: !!options.tests,
    cacheDir: o.cacheDir,
    env: o.env,
    onProgress: o.onProgress,
    ...(o.signal ? { signal: o.signal } : {}),
  };
  const results = o.cacheDir ? new ResultCache(o.cacheDir) : null;
  // A report of this invocation is stored: the run is likely a replay, so the cached facts are not read ahead (on
  // std that parses 22 MB beside go list for nothing); a miss reads them after go list instead.
  const likelyReplay = !!results && !options.baseline && results.hasReportFor(invocationId(planOptions));
  const plan = await planAnalysis({ ...planOptions, preload: !likelyReplay });
  o.phase('go list and content keys');
  if (o.signal?.aborted) {
    await plan.cancel();
    o.signal.throwIfAborted();
  }
  // Nothing changed since this exact job last finished cleanly: replay its report.
  const measured = measuredFigures(o.cacheDir, plan.root);
  const name =
    results && plan.stateKey
      ? resultName(plan.runId, [
          format,
          color,
          verbose,
          o.cwd,
          toolIdentity(VERSION),
          ...focusKey(choice),
          measured?.stamp ?? '',
          profStamp,
          helperSourceHash(),
          options.asm ? 'asm' : '',
        ])
      : '';
  // A baseline is made from the model: no replay.
  const hit = results && plan.stateKey && !options.baseline ? await results.get(name, plan.stateKey) : null;
  if (hit) {
    await plan.cancel();
    return { outcome: hit.code === 0 ? 'ok' : 'partial', problems: [], report: null, replayed: true, output: hit.output };
  }
  const run = await executePlan(plan);
  // A first run builds go/srcfacts (once per toolchain) beside the join, which keeps one core busy, rather than
  // after the focus asks for it. Not beside the analysis build: on an empty build cache both would compile the
  // same standard library packages at once (measured on zap: 45 s of CPU against 35 s started here).
  const toolDir = o.cacheDir ?? defaultCacheDir(o.env);
  // The standard library packages the analysis compiled with its flags are the helper's dependencies too.
  const flags = compilerFlags(plan.env.version).slice('-gcflags='.length);
  startSourceFactsTool(toolDir, plan.env.version, o.env, { patterns: o.patterns, flags });
  o.phase('compiler output parsed or facts loaded');
  o.signal?.throwIfAborted();
  collectBetweenPhases();
  const joined = joinRun(run);
  o.phase('joined');
  collectBetweenPhases();
  checkFiltersMatch(joined, choice.filters, o.dir);
  const profile = options.profile !== undefined ? await readProfileCosts(options.profile, o.cwd, joined) : null;
  const focused = await focusModel(joined, run, { cacheDir: o.cacheDir, env: o.env, profile, measured });
  await settleSourceFactsTool(toolDir, plan.env.version);
  const model = filterModel(joined, choice.filters, o.dir);
  o.phase('focused');
  collectBetweenPhases();
  o.signal?.throwIfAborted();
  const problems: Problem[] = [
    ...(verbose ? focused.problems.map((message) => ({ kind: 'source' as const, message })) : []),
    ...run.messages.map((message) => ({ kind: 'go' as const, message })),
  ];
  const failed = model.packages.filter((p) => p.errors.length);
  const outcome: Outcome = failed.length ? 'partial' : 'ok';
  const clean = outcome === 'ok' && run.messages.length === 0 && focused.problems.length === 0;
  // The assembly of the functions that allocate: one more build of the packages with heap sites, with -S.
  let listings: AsmListing[] | undefined;
  if (options.asm) {
    const withHeap = [...new Set(model.sites.filter((s) => s.heap).map((s) => s.package))];
    const r = withHeap.length
      ? await packageListings({ dir: o.dir, root: plan.root, env: o.env, importPaths: withHeap, ...(o.tags ? { tags: o.tags } : {}) })
      : { listings: [], error: null };
    if (r.error) problems.push({ kind: 'asm', message: t('cli.problem.asm', { why: r.error }) });
    listings = r.listings;
    o.phase('assembly listed');
  }
  if (failed.length)
    problems.push({
      kind: 'packages',
      message: t('cli.problem.notCompiled', { n: failed.length }),
    });
  const chunks = render(model, {
    listings,
    color,
    verbose,
    cwd: o.cwd,
    top: choice.top,
    sort: choice.sort,
    command: options.command ?? 'heapscope analyze',
    source: pageSourceReader(run.sources),
    diskName: (f: string) => run.sources.diskName(f),
    ...(format === 'html' ? { page: pageAssets() } : {}),
  });
  const store = results && plan.stateKey && clean ? await results.create(name, plan.stateKey, 0) : null;
  return {
    outcome,
    problems,
    report: model,
    replayed: false,
    output: store ? stored(chunks, store, o.phase) : chunks,
    ...(options.baseline ? { baseline: baselineOf(joined) } : {}),
  };
}

/** Each chunk is handed on as soon as it is made; the copy for the cache is written by libuv's threads meanwhile,
 *  and one conversion serves both; the next chunk waits while the cache is more than a few MiB behind. The entry
 *  is committed once the last chunk has been taken. */
async function* stored(chunks: Iterable<string>, store: ResultWriter, phase: (p: string) => void): AsyncGenerator<Uint8Array> {
  for (const c of chunks) {
    const b = Buffer.from(c, 'utf8');
    store.write(b);
    yield b;
    await store.room();
  }
  phase('rendered and written');
  await store.commit();
  phase('stored for replay');
}
