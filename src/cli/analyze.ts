// heapscope analyze: the compiler's escape analysis of the named packages, explained, as a report of the format
// asked for; an unchanged re-run replays the last complete report.

import { focusModel, joinRun, measuredFigures } from './load-model.js';
import { checkFiltersMatch, checkFocusFlags, focusKey, type FocusFlags } from './focus-flags.js';
import { filterModel } from '../model/filters.js';
import { readProfileCosts } from '../runners/profile-input.js';
import { helperSourceHash } from '../runners/source-facts.js';
import { profileStamp } from './flag-checks.js';
import { reporter } from '../reporters/registry.js';
import { defaultCacheDir } from '../cache/model-cache.js';
import { ResultCache, resultName, toolIdentity } from '../cache/result-cache.js';
import { executePlan, planAnalysis } from '../runners/analyze.js';
import { VERSION } from '../version.js';
import { phaseTimer, progressPrinter, useColor, type CliIO } from './terminal.js';
import type { Outcome } from './outcome.js';
import { commandDir } from './flag-checks.js';
import { safeText } from '../model/safe-text.js';
import { UsageError } from '../errors/errors.js';
import { openOutput, writeWhole } from './output.js';
import { applyDefaults, type GivenFlags } from './config-defaults.js';
import { loadConfig } from '../runners/config.js';
import { baselineOf } from '../model/baseline.js';
import { resolve } from 'node:path';
import { packageListings } from '../runners/package-asm.js';
import type { AsmListing } from '../model/alloc-types.js';
import { pageSourceReader } from '../runners/page-sources.js';
import { pageAssets } from '../runners/page-assets.js';
import { commandLine } from './terminal.js';

export interface AnalyzeFlags extends FocusFlags, GivenFlags {
  profile?: string;
  C?: string;
  tags?: string;
  tests?: boolean;
  format: string;
  verbose?: boolean;
  cache: boolean;
  color?: boolean;
  progress?: boolean;
  output?: string;
  asm?: boolean;
  writeBaseline?: string;
}

function writeBaseline(file: string, b: ReturnType<typeof baselineOf>): void {
  writeWhole(file, JSON.stringify(b, null, 1) + '\n', '--write-baseline');
}

export async function runAnalyze(patterns: string[], flags: AnalyzeFlags, io: CliIO): Promise<Outcome> {
  const dir = commandDir(io.cwd, flags.C);
  applyDefaults(flags, loadConfig(dir, io.cwd), ['tags', 'tests', 'top']);
  const render = reporter(flags.format).analyze;
  const choice = checkFocusFlags(flags);
  const profStamp = profileStamp(io.cwd, flags.profile);
  if (flags.profile !== undefined && choice.filters.minAllocs !== null)
    throw new UsageError(
      '--min-allocs counts allocs/op that heapscope bench measured; with --profile there are none',
      'leave out one of the two',
    );
  if (flags.asm && flags.format !== 'html')
    throw new UsageError('--asm adds the assembly pane of the html report', 'use it with --format html');
  const out = openOutput(io, flags.output, flags.format);
  const onProgress = progressPrinter(io, flags.progress);
  const cacheDir = flags.cache ? defaultCacheDir(io.env) : null;
  const mark = phaseTimer(io);
  const plan = await planAnalysis({
    dir,
    patterns: patterns.length ? patterns : ['./...'],
    tags: flags.tags,
    tests: !!flags.tests,
    cacheDir,
    env: io.env,
    onProgress,
  });
  mark('go list and content keys');
  const color = useColor({ ...io, stdoutTTY: out.tty }, flags.color);
  const verbose = !!flags.verbose;
  // Nothing changed since this exact command last finished cleanly: replay its report.
  const results = cacheDir && plan.stateKey ? new ResultCache(cacheDir) : null;
  const measured = measuredFigures(cacheDir, plan.root);
  const name = results
    ? resultName(plan.runId, [
        flags.format,
        color,
        verbose,
        io.cwd,
        toolIdentity(VERSION),
        ...focusKey(choice),
        measured?.stamp ?? '',
        profStamp,
        helperSourceHash(),
        flags.asm ? 'asm' : '',
      ])
    : '';
  // A baseline is written from the model: no replay.
  const hit = results && plan.stateKey && !flags.writeBaseline ? await results.get(name, plan.stateKey) : null;
  if (hit) {
    await plan.cancel();
    onProgress?.done();
    if (verbose)
      io.stderr('heapscope: nothing changed since the same command last ran; its report is replayed from the cache (--no-cache to redo)\n');
    out.write(hit.output);
    out.commit();
    return hit.code === 0 ? 'ok' : 'partial';
  }
  const run = await executePlan(plan);
  mark('compiler output parsed or facts loaded');
  const joined = joinRun(run);
  mark('joined');
  checkFiltersMatch(joined, choice.filters, dir);
  const profile = flags.profile !== undefined ? await readProfileCosts(flags.profile, io.cwd, joined) : null;
  const { problems } = await focusModel(joined, run, { cacheDir, env: io.env, profile, measured });
  const model = filterModel(joined, choice.filters, dir);
  // Every heap site of the analysed packages, whatever the filters show: check --baseline compares against all.
  if (flags.writeBaseline !== undefined) writeBaseline(resolve(io.cwd, flags.writeBaseline), baselineOf(joined));
  mark('focused');
  if (verbose) for (const p of problems) io.stderr(`heapscope: source structure: ${safeText(p)}\n`);
  onProgress?.done();
  for (const m of run.messages) io.stderr(`heapscope: go: ${safeText(m)}\n`);
  const failed = model.packages.filter((p) => p.errors.length);
  const outcome: Outcome = failed.length ? 'partial' : 'ok';
  const store =
    results && plan.stateKey && outcome === 'ok' && run.messages.length === 0 && problems.length === 0
      ? await results.create(name, plan.stateKey, 0)
      : null;
  // Each chunk is written as soon as it is made; the copy for the cache is written by libuv's threads
  // meanwhile, and one conversion serves both.
  // The assembly of the functions that allocate: one more build of the packages with heap sites, with -S.
  let listings: AsmListing[] | undefined;
  if (flags.asm) {
    const withHeap = [...new Set(model.sites.filter((s) => s.heap).map((s) => s.package))];
    const r = withHeap.length
      ? await packageListings({ dir, root: plan.root, env: io.env, importPaths: withHeap, ...(flags.tags ? { tags: flags.tags } : {}) })
      : { listings: [], error: null };
    if (r.error) io.stderr(`heapscope: the assembly listing: ${safeText(r.error)}\n`);
    listings = r.listings;
    mark('assembly listed');
  }
  const opts = {
    listings,
    color,
    verbose,
    cwd: io.cwd,
    top: choice.top,
    sort: choice.sort,
    command: commandLine(io),
    source: pageSourceReader(run.sources),
    diskName: (f: string) => run.sources.diskName(f),
    ...(flags.format === 'html' ? { page: pageAssets() } : {}),
  };
  for (const c of render(model, opts)) {
    if (!store) out.write(c);
    else {
      const b = Buffer.from(c, 'utf8');
      out.write(b);
      store.write(b);
    }
  }
  out.commit();
  mark('rendered and written');
  await store?.commit();
  mark('stored for replay');
  if (failed.length)
    io.stderr(`heapscope: ${failed.length} package${failed.length === 1 ? '' : 's'} did not compile; results are partial\n`);
  return outcome;
}
