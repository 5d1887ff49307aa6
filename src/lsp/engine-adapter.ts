// The language server's one door into heapscope's internals: analyse a module through heapscope's cache (the
// compiler's run, the join, the focus, check's directives) and read the figures heapscope bench stored. Nothing
// else under src/lsp/ imports the CLI, runners, join or cache layers, so the engine behind this file can change
// (src/pipeline/) without the server noticing.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { focusModel, joinRun, measuredFigures } from '../pipeline/load-model.js';
import { applyIgnores, checkDirectives, directivesOf } from '../join/check.js';
import { defaultCacheDir } from '../cache/model-cache.js';
import { ResultCache, resultName, toolIdentity } from '../cache/result-cache.js';
import { executePlan, planAnalysis } from '../runners/analyze.js';
import { helperSourceHash } from '../runners/source-facts.js';
import { addGroup, removeGroup, stopGroup } from '../runners/process-groups.js';
import { VERSION } from '../version.js';
import type { AnalysisModel } from '../model/types.js';
import type { MeasuredCosts } from '../model/measured.js';
import type { StaleDirective, Violation } from '../model/directives.js';

export interface ModuleAnalysis {
  model: AnalysisModel;
  measured: MeasuredCosts | null;
  violations: Violation[];
  stale: StaleDirective[];
  /** The Go files of the analysed packages (absolute). */
  files: string[];
  /** The go command's messages not tied to a package. */
  messages: string[];
  /** True when it was read back from heapscope's result cache (nothing changed since it was made). */
  replayed?: boolean;
}

export interface AnalyseOptions {
  tags?: string;
  tests: boolean;
  env: NodeJS.ProcessEnv;
  /** Stops the analysis, the go command it runs with its whole process group; nothing partial is cached. */
  signal?: AbortSignal;
  /** A source of the packages changed (a save): their compile starts beside go list (runners/analyze.ts). */
  changed?: boolean;
}

/** What is stored for replay: the analysis without the measured figures, which are read afresh each time. */
type Stored = Omit<ModuleAnalysis, 'measured' | 'replayed'>;

/** The module at `root`, all of its packages (./...) or those of `patterns` (relative to root: the server's
 *  package-first run), as `heapscope check` sees them. Throws a HeapscopeError when nothing could be analysed (no
 *  module, a broken go.mod), and the signal's reason when aborted.
 *
 *  When nothing changed since the last clean analysis of the same module, patterns and settings (every package's
 *  content key, the measured figures, heapscope itself), the finished analysis is read back from heapscope's result
 *  cache, as `heapscope analyze` replays its finished report: no join, no focus, no source read again. The run's
 *  id holds the patterns, so a package's analysis and the module's are replayed each under its own key. */
export async function analyseModule(root: string, opts: AnalyseOptions, patterns: string[] = ['./...']): Promise<ModuleAnalysis> {
  const cacheDir = defaultCacheDir(opts.env);
  const plan = await planAnalysis({
    dir: root,
    patterns,
    ...(opts.tags ? { tags: opts.tags } : {}),
    tests: opts.tests,
    cacheDir,
    env: opts.env,
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.changed ? { changed: true } : {}),
  });
  // Reading the cache can fail; the build the plan may have started beside go list is stopped then.
  const { measured, results, name, hit } = await (async () => {
    const measured = measuredFigures(cacheDir, plan.root);
    const results = plan.stateKey ? new ResultCache(cacheDir) : null;
    const name = resultName(plan.runId, ['lsp', toolIdentity(VERSION), measured?.stamp ?? '', helperSourceHash()]);
    const hit = results && plan.stateKey ? await results.get(name, plan.stateKey) : null;
    return { measured, results, name, hit };
  })().catch(async (e: unknown) => {
    await plan.cancel();
    throw e;
  });
  if (hit) {
    try {
      const parts: Buffer[] = [];
      for await (const c of hit.output) parts.push(c);
      const stored = JSON.parse(Buffer.concat(parts).toString('utf8')) as Stored;
      await plan.cancel();
      return { ...stored, measured: measured?.costs ?? null, replayed: true };
    } catch {
      // a damaged entry is a miss
    }
  }
  const run = await executePlan(plan);
  const model = joinRun(run);
  const files = run.units.flatMap((u) => u.files);
  // The files holding a directive are read for their structure, beside those the focus reads anyway.
  const withDirectives = files.filter((f) => {
    try {
      return readFileSync(f).includes('//heapscope:');
    } catch {
      return false;
    }
  });
  const focused = await focusModel(model, run, { cacheDir, env: opts.env, extraFiles: withDirectives, measured });
  opts.signal?.throwIfAborted();
  const directives = directivesOf(new Map([...focused.source].filter(([f]) => !f.startsWith('/'))));
  const { violations, stale } = checkDirectives(model, directives, null);
  applyIgnores(directives, violations, stale);
  const stored: Stored = { model, violations, stale, files: [...new Set(files)], messages: run.messages };
  // Only a clean analysis is replayed (as analyze replays only a clean report): a failed package may compile
  // next time with the same sources (a dependency fetched meanwhile).
  const clean = run.messages.length === 0 && focused.problems.length === 0 && run.units.every((u) => u.errors.length === 0);
  if (results && plan.stateKey && clean) {
    const key = plan.stateKey;
    // Stored once the caller has published (its diagnostics do not wait for the serialisation); a run that
    // looks the entry up before it is committed finds none and analyses again, which is never wrong.
    const store = new Promise<void>((resolve) => setImmediate(resolve))
      .then(async () => {
        const w = await results.create(name, key, 0);
        if (!w) return;
        w.write(Buffer.from(JSON.stringify(stored), 'utf8'));
        await w.commit();
      })
      .catch(() => undefined)
      .finally(() => storing.delete(store));
    storing.add(store);
  }
  return { ...stored, measured: measured?.costs ?? null };
}

const storing = new Set<Promise<void>>();

/** Resolves once every analysis being stored for replay is written (the server awaits it before it exits). */
export async function storesWritten(): Promise<void> {
  await Promise.all([...storing]);
}

/** How to start heapscope's own CLI as a child (the measure command runs `heapscope bench`). */
export function heapscopeCommand(): { node: string; script: string } {
  return { node: process.execPath, script: fileURLToPath(new URL('../../../bin/heapscope.js', import.meta.url)) };
}

/** A child leading its own process group is tracked like heapscope's other children: stopped with its whole tree
 *  when the server exits or is signalled (runners/process-groups.ts). */
export const childGroups = {
  add: (pid: number): void => addGroup(pid),
  remove: (pid: number): void => removeGroup(pid),
  stop: (pid: number): void => stopGroup(pid),
};

// The allocated types and sizes (hover, fixes): appended here, beside the analysis above.
import type { Site } from '../model/types.js';
import type { AsmAllocCall } from '../model/alloc-types.js';
import { roundToSizeClass } from '../model/size-classes.js';
import { decidesCall, describeCall } from '../join/alloc-calls.js';
import { packageListings } from '../runners/package-asm.js';

/** What the compiled code allocates for a heap site: one allocation call of the package's assembly on the site's
 *  line that performs the site's operation (join/alloc-calls.ts decidesCall), described as bench and explain
 *  describe it (describeCall). */
export interface SiteAllocation {
  /** The runtime entry point: newobject, convT64, makeslice, ... */
  runtime: string;
  /** Readable, as the reports print it (`[]int backing array, cap 8`); null when the listing names no type. */
  type: string | null;
  /** Bytes of one allocation and the size class the allocator rounds it to, when the listing says. */
  size: number | null;
  sizeClass: number | null;
  /** The Go type exactly as the compiler named it (descriptor or interface word), for the fixes' safety checks. */
  goType: string | null;
  /** How the type was found: the entry point's type argument, or the interface word stored after the call. */
  typeFrom: AsmAllocCall['typeFrom'];
}

/** The allocation calls of each heap site that allocates, read from one `go build -gcflags=PKG=-S` of the packages
 *  that have such sites (the go command replays an unchanged package's listing from its cache). A site absent from
 *  the map has no call of its own on its line in the listing (inlined elsewhere, allocated inside a callee). */
export async function siteAllocations(
  a: ModuleAnalysis,
  opts: AnalyseOptions,
): Promise<{ bySite: Map<Site, SiteAllocation[]>; error: string | null }> {
  const broken = new Set(a.model.packages.filter((p) => p.errors.length).map((p) => p.importPath));
  const sites = a.model.sites.filter((s) => s.heap && s.allocates !== 'never' && !broken.has(s.package));
  const bySite = new Map<Site, SiteAllocation[]>();
  const importPaths = [...new Set(sites.map((s) => s.package))];
  if (!importPaths.length) return { bySite, error: null };
  const r = await packageListings({
    dir: a.model.root,
    root: a.model.root,
    env: opts.env,
    importPaths,
    ...(opts.tags ? { tags: opts.tags } : {}),
  });
  const atLine = new Map<string, AsmAllocCall[]>();
  for (const c of r.calls) {
    if (c.variant) continue;
    const k = `${c.package}|${c.file}:${c.line}`;
    atLine.set(k, [...(atLine.get(k) ?? []), c]);
  }
  for (const s of sites) {
    const calls = (atLine.get(`${s.package}|${s.file}:${s.line}`) ?? []).filter((c) => decidesCall(s, c));
    if (!calls.length) continue;
    bySite.set(
      s,
      calls.map((c) => {
        const d = describeCall(c);
        return {
          runtime: c.runtime,
          type: d.type,
          size: d.size,
          sizeClass: d.size !== null ? roundToSizeClass(d.size) : null,
          goType: c.type,
          typeFrom: c.typeFrom,
        };
      }),
    );
  }
  return { bySite, error: r.error };
}
