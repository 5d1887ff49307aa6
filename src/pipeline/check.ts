// The check job: the //heapscope: directives of the named packages and, with a baseline, the heap sites new
// against it; with bench, what the benchmarks measured in noalloc functions (through the bench job). Outcome ok
// when everything holds, partial on a violation or a directive that checks nothing, fatal when a package does not
// compile (its directives were not checked).

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { focusModel, loadJobModel } from './load-model.js';
import { bench } from './bench.js';
import { resolveOptions, type EngineOptions, type Outcome, type Output, type Problem } from './options.js';
import { applyIgnores, checkDirectives, checkMeasured, directivesOf } from '../join/check.js';
import { parseBaseline } from '../model/baseline.js';
import type { CheckReport } from '../model/directives.js';
import type { Config } from '../model/config.js';
import type { AnalysisModel } from '../model/types.js';
import { packageMatcher } from '../model/filters.js';
import { reporter } from '../reporters/registry.js';
import { loadConfig } from '../runners/config.js';
import { UsageError } from '../errors/errors.js';
import { t } from '../i18n/t.js';

export interface CheckJobOptions extends EngineOptions {
  /** Include _test.go files (and their directives). */
  tests?: boolean;
  /** A baseline file (analyze --write-baseline), relative to cwd: a heap site not in it is a violation. */
  baseline?: string;
  /** Also run these benchmarks: an allocation they measure in a //heapscope:noalloc function is a violation. */
  bench?: string;
  benchtime?: string;
  timeout?: string;
  /** A reporter of reporters/registry.ts that renders a check: text, json, sarif, github. Default: json. */
  format?: string;
  color?: boolean;
  /** The module's configuration, when the caller read it already; read from dir otherwise. */
  config?: Config | null;
}

export interface CheckResult {
  outcome: Outcome;
  problems: Problem[];
  report: CheckReport;
  output: Output;
}

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

function readBaseline(cwd: string, file: string): { ids: Set<string>; sites: number; file: string } {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (e) {
    throw new UsageError(
      t('cli.err.cannotReadFile', { file: `--baseline ${file}`, code: (e as NodeJS.ErrnoException).code ?? (e as Error).message }),
      t('cli.err.hint.writeBaseline'),
    );
  }
  const b = parseBaseline(text);
  if (!b.ok) throw new UsageError(t('cli.err.flagWhy', { flag: '--baseline', value: file, why: b.error }));
  return { ids: b.ids, sites: b.sites, file };
}

export async function check(options: CheckJobOptions): Promise<CheckResult> {
  const o = resolveOptions(options);
  const format = options.format ?? 'json';
  const render = reporter(format).check;
  if (!render) throw new UsageError(t('cli.err.noRender', { format, what: 'check' }));
  const config = options.config !== undefined ? options.config : loadConfig(o.dir, o.cwd);
  const baseline = options.baseline !== undefined ? readBaseline(o.cwd, options.baseline) : null;
  o.signal?.throwIfAborted();
  const { run, model } = await loadJobModel(o, !!options.tests);
  o.phase('analysed');
  o.signal?.throwIfAborted();
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
  const focused = await focusModel(model, run, { cacheDir: o.cacheDir, env: o.env, extraFiles: withDirectives });
  o.phase('directives read');
  const problems: Problem[] = [
    ...focused.problems.map((message) => ({ kind: 'source' as const, message })),
    ...run.messages.map((message) => ({ kind: 'go' as const, message })),
  ];
  // Only the directives of the analysed module's own files: a dependency's source read for a call is not checked.
  const directives = directivesOf(new Map([...focused.source].filter(([f]) => !f.startsWith('/'))));
  const { violations, stale } = checkDirectives(model, directives, baseline?.ids ?? null, noallocPackages(config, model, o.dir));
  // With bench: what the benchmarks measured in noalloc functions, through the bench job.
  if (options.bench !== undefined && directives.some((d) => d.kind === 'noalloc' && d.func)) {
    o.signal?.throwIfAborted();
    const measured = await bench({
      dir: o.dir,
      cwd: o.cwd,
      patterns: options.patterns,
      tags: o.tags,
      cache: o.cacheDir !== null,
      env: o.env,
      signal: o.signal,
      onPhase: o.phase,
      bench: options.bench,
      benchGiven: true,
      count: 1,
      benchtime: options.benchtime,
      timeout: options.timeout ?? '10m',
      // check reads only the allocations measured in noalloc functions: what they cost is not asked.
      cost: false,
      // A noalloc function's one allocation must not fall between samples: every allocation is recorded.
      exact: true,
      config,
    });
    // What the bench job had to say is said before check's report, as heapscope bench says it.
    problems.push(...measured.problems.map((p) => ({ kind: 'bench' as const, message: p.message })));
    if (!measured.report) throw new UsageError(t('cli.err.benchDidNotRun', { flag: '--bench', value: options.bench }));
    violations.push(...checkMeasured(directives, measured.report));
    o.phase('benchmarks measured');
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
  const output = render(report, { color: !!options.color, verbose: false, cwd: o.cwd, diskName: (f: string) => run.sources.diskName(f) });
  const failed = model.packages.filter((p) => p.errors.length);
  if (failed.length) {
    problems.push({
      kind: 'packages',
      message: t('cli.problem.checkNotCompiled', { n: failed.length }),
    });
    return { outcome: 'fatal', problems, report, output };
  }
  if (directives.length === 0 && !baseline)
    problems.push({
      kind: 'directives',
      message: t('cli.problem.nothingToCheck'),
    });
  return { outcome: violations.some((v) => v.ignored === undefined) || stale.length ? 'partial' : 'ok', problems, report, output };
}
