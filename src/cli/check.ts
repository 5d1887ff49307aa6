// heapscope check: the //heapscope: directives of the named packages and, with --baseline, the heap sites new
// against a baseline. Exit 0 when everything holds, 1 on a violation or a directive that checks nothing, 2 when
// heapscope could not check (bad usage, a package that does not compile, a baseline it cannot read).

import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { resolve } from 'node:path';
import { focusModel, loadModel } from './load-model.js';
import { applyIgnores, checkDirectives, checkMeasured, directivesOf } from '../join/check.js';
import { runBench, type BenchFlags } from './bench.js';
import type { BenchReport } from '../model/bench-report.js';
import { parseBaseline } from '../model/baseline.js';
import type { CheckReport } from '../model/directives.js';
import { reporter } from '../reporters/registry.js';
import { defaultCacheDir } from '../cache/model-cache.js';
import { checkTimeout, commandDir } from './flag-checks.js';
import { openOutput } from './output.js';
import { phaseTimer, progressPrinter, useColor, type CliIO } from './terminal.js';
import { UsageError } from '../errors/errors.js';
import { applyDefaults, type GivenFlags } from './config-defaults.js';
import { loadConfig } from '../runners/config.js';
import { packageMatcher } from '../model/filters.js';
import type { Config } from '../model/config.js';
import type { AnalysisModel } from '../model/types.js';

/** The analysed packages the configuration makes noalloc throughout (`packages: {"./hot/...": {"noalloc": true}}`). */
function noallocPackages(config: Config | null, model: AnalysisModel, dir: string): Set<string> {
  const patterns = Object.entries(config?.packages ?? {})
    .filter(([, v]) => v.noalloc)
    .map(([k]) => k);
  if (!patterns.length) return new Set();
  // Patterns are relative to the module root, where the file is.
  const match = packageMatcher(patterns, config ? dirname(config.file) : dir);
  return new Set(model.packages.filter((p) => match({ importPath: p.importPath, dir: p.dir })).map((p) => p.importPath));
}
import { safeText } from '../model/safe-text.js';
import type { Outcome } from './outcome.js';

export interface CheckFlags extends GivenFlags {
  C?: string;
  tags?: string;
  tests?: boolean;
  baseline?: string;
  bench?: string;
  benchtime?: string;
  timeout: string;
  format: string;
  output?: string;
  cache: boolean;
  color?: boolean;
  progress?: boolean;
}

export async function runCheck(patterns: string[], flags: CheckFlags, io: CliIO): Promise<Outcome> {
  const dir = commandDir(io.cwd, flags.C);
  const config = loadConfig(dir, io.cwd);
  applyDefaults(flags, config, ['tags', 'tests', 'baseline']);
  const render = reporter(flags.format).check;
  if (!render) throw new Error(`--format ${flags.format} does not render a check`);
  if (flags.bench !== undefined) checkTimeout(flags.timeout);
  let baseline: { ids: Set<string>; sites: number; file: string } | null = null;
  if (flags.baseline !== undefined) {
    let text: string;
    try {
      text = readFileSync(resolve(io.cwd, flags.baseline), 'utf8');
    } catch (e) {
      throw new UsageError(
        `--baseline ${flags.baseline}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
        'write one with heapscope analyze --write-baseline FILE',
      );
    }
    const b = parseBaseline(text);
    if (!b.ok) throw new UsageError(`--baseline ${flags.baseline}: ${b.error}`);
    baseline = { ids: b.ids, sites: b.sites, file: flags.baseline };
  }
  const out = openOutput(io, flags.output, flags.format);
  const onProgress = progressPrinter(io, flags.progress);
  const mark = phaseTimer(io);
  const cacheDir = flags.cache ? defaultCacheDir(io.env) : null;
  const { run, model } = await loadModel({
    dir,
    patterns: patterns.length ? patterns : ['./...'],
    tags: flags.tags,
    tests: !!flags.tests,
    cacheDir,
    env: io.env,
    onProgress,
  });
  mark('analysed');
  // Every file of the analysed packages that holds a directive is read for its structure, beside those the
  // focus reads anyway.
  const withDirectives: string[] = [];
  for (const u of run.units)
    for (const f of u.files) {
      try {
        if (readFileSync(f).includes('//heapscope:')) withDirectives.push(f);
      } catch {
        // The compiler read it a moment ago; a file gone since has no directive to check.
      }
    }
  const { problems, source } = await focusModel(model, run, { cacheDir, env: io.env, extraFiles: withDirectives });
  mark('directives read');
  onProgress?.done();
  for (const p of problems) io.stderr(`heapscope: source structure: ${safeText(p)}\n`);
  for (const m of run.messages) io.stderr(`heapscope: go: ${safeText(m)}\n`);
  // Only the directives of the analysed module's own files: a dependency's source read for a call is not checked.
  const directives = directivesOf(new Map([...source].filter(([f]) => !f.startsWith('/'))));
  const { violations, stale } = checkDirectives(model, directives, baseline?.ids ?? null, noallocPackages(config, model, dir));
  // With --bench: what the benchmarks measured in noalloc functions, through heapscope bench's own pipeline.
  if (flags.bench !== undefined && directives.some((d) => d.kind === 'noalloc' && d.func)) {
    const json: string[] = [];
    const benchFlags: BenchFlags = {
      ...(flags.C !== undefined ? { C: flags.C } : {}),
      ...(flags.tags !== undefined ? { tags: flags.tags } : {}),
      bench: flags.bench,
      count: '1',
      ...(flags.benchtime !== undefined ? { benchtime: flags.benchtime } : {}),
      timeout: flags.timeout,
      format: 'json',
      cache: flags.cache,
      // check reads only the allocations measured in noalloc functions: what they cost is not asked.
      cost: false,
      progress: false,
      // A noalloc function's one allocation must not fall between samples: every allocation is recorded.
      exact: true,
      // What check asks for stands: the configuration's bench defaults are for heapscope bench itself.
      given: new Set(['bench', 'count', 'timeout', ...(flags.benchtime !== undefined ? ['benchtime'] : [])]),
    };
    const outcome = await runBench(patterns, benchFlags, {
      ...io,
      stdout: (c) => void json.push(typeof c === 'string' ? c : Buffer.from(c).toString('utf8')),
      stdoutTTY: false,
    });
    if (outcome === 'fatal' || !json.length) throw new UsageError(`--bench ${flags.bench}: the benchmarks did not run`);
    violations.push(...checkMeasured(directives, JSON.parse(json.join('')) as BenchReport));
    mark('benchmarks measured');
  }
  applyIgnores(directives, violations, stale);
  const report: CheckReport = {
    schemaVersion: 1,
    go: model.go,
    root: model.root,
    directives: directives.length,
    violations,
    stale,
    packages: model.packages.map((p) => ({ importPath: p.importPath, errors: p.errors })),
  };
  if (baseline)
    report.baseline = { file: baseline.file, sites: baseline.sites, new: violations.filter((v) => v.rule === 'baseline').length };
  const opts = {
    color: useColor({ ...io, stdoutTTY: out.tty }, flags.color),
    verbose: false,
    cwd: io.cwd,
    diskName: (f: string) => run.sources.diskName(f),
  };
  for (const c of render(report, opts)) out.write(c);
  out.commit();
  const failed = model.packages.filter((p) => p.errors.length);
  if (failed.length) {
    io.stderr(`heapscope: ${failed.length} package${failed.length === 1 ? '' : 's'} did not compile: their directives were not checked\n`);
    return 'fatal';
  }
  if (directives.length === 0 && !baseline)
    io.stderr('heapscope: no //heapscope: directive in the analysed packages, and no --baseline: nothing to check\n');
  return violations.some((v) => v.ignored === undefined) || stale.length ? 'partial' : 'ok';
}
