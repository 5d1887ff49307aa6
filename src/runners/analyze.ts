// Runs the compiler's escape analysis on the named packages and collects per-package facts:
// go list (what to build, and content keys) → cache lookups → one go build (or go test -c) for the misses,
// its output streamed through the parser as it arrives.

import { createHash } from 'node:crypto';
import { join, resolve, sep } from 'node:path';
import { EscapeTextParser, splitPosition } from '../parsers/escape-text.js';
import type { PackageFacts } from '../model/types.js';
import { ModelCache } from '../cache/model-cache.js';
import { buildInputsKey } from './build-inputs.js';
import { UsageError } from '../errors/errors.js';
import { cacheLimit, DEFAULT_LIMIT, enforceBounds } from '../cache/cache-dir.js';
import { decodeFacts } from '../cache/facts-codec.js';
import { goErrorText, moduleRoot, readGoEnv, type GoEnv } from './go-env.js';
import { listPackages, type GoListPackage } from './go-list.js';
import { listErrorText } from '../parsers/go-list-json.js';
import { walkReportsConversions } from '../model/go-releases.js';
import { computeKeys } from './package-keys.js';
import { addFunctionEnds } from './function-ends.js';
import { run } from './process.js';
import { removeTempDir, tempDir } from './temp-dirs.js';
import { ModulePaths } from './paths.js';
import { listedGoFiles, sourceAccess, type SourceAccess } from './source-access.js';
import { t } from '../i18n/t.js';

export interface AnalyzeOptions {
  /** Directory to run in (-C). */
  dir: string;
  patterns: string[];
  tags?: string;
  tests?: boolean;
  /**
   * Also analyse the packages of the main module that the named ones import (bench: an allocation is charged to
   * a line of any package of the module, and that line's decisions must be known).
   */
  moduleDeps?: boolean;
  /** null disables the cache. */
  cacheDir: string | null;
  env?: NodeJS.ProcessEnv;
  onProgress?: (msg: string) => void;
  /** The go command's environment when the caller has read it already (in the same directory and env). */
  goEnv?: GoEnv;
  /**
   * Stops the go command running now (its whole process group) and the analysis with it: the analysis rejects
   * with the signal's reason, and nothing of the stopped build is written to heapscope's cache.
   */
  signal?: AbortSignal;
  /**
   * Read the last identical run's cached facts ahead, beside go list (default true). The caller turns it off when
   * its finished result is likely to be replayed: the read-ahead would then parse tens of MB for nothing.
   */
  preload?: boolean;
  /**
   * The caller knows a source of these packages changed since their last analysis (an editor's save): their
   * compile is certain, so it starts beside go list even when this invocation ran before.
   */
  changed?: boolean;
}

/** Identifies an invocation (directory, patterns, flags, environment), not the sources: the plan's runId. */
export function invocationId(opts: AnalyzeOptions): string {
  const env = opts.env ?? process.env;
  return createHash('sha256')
    .update(
      JSON.stringify([
        opts.dir,
        opts.patterns,
        opts.tags ?? '',
        !!opts.tests,
        !!opts.moduleDeps,
        env['GOFLAGS'] ?? '',
        env['GOOS'] ?? '',
        env['GOARCH'] ?? '',
      ]),
    )
    .digest('hex');
}

/** One compiled unit: a package, or a test variant `p [p.test]` / `p_test [p.test]`. */
export interface Unit {
  id: string;
  importPath: string;
  dir: string;
  /** The package's own source files (absolute), test files included for a test variant. */
  files: string[];
  facts: PackageFacts[];
  errors: string[];
  cached: boolean;
}

export interface AnalyzeRun {
  env: GoEnv;
  /** Module root (absolute); positions are made relative to it. */
  root: string;
  units: Unit[];
  /** Problems not tied to one package (go command messages). */
  messages: string[];
  /** The name of every package listed (the named ones and their dependencies), by import path. */
  packageNames: Map<string, string>;
  /** The import path of every package listed, by its directory. */
  packageDirs: Map<string, string>;
  /** The files a report may show: Go files of the packages listed (runners/source-access.ts). */
  sources: SourceAccess;
}

/**
 * The compiler flags for the named packages. -dwarf=false: the object files are thrown away, so their debug
 * information is work for nothing (6–10% of a cold build of std, measured); escape analysis and inlining
 * do not read it (the -m=2 text of every std package is byte-for-byte the same with and without it, and
 * test/e2e/std-oracle checks heapscope against the compiler's own -m=2 run without it).
 * -d=escapedebug=1,closure=1: the walk pass then says which escaping values it turned into static data
 * ("convert: using global for ... interface value", "closure converted to global"), so heapscope can tell a
 * decision that allocates from one that never does; the debug keys only print (a test checks the -S listing
 * is unchanged); escapedebug needs go1.25 (model/go-releases.ts; older compilers reject the key).
 * Dependencies outside the patterns keep the default flags, so their build cache entries are shared with the
 * user's builds.
 */
export function compilerFlags(goVersion: string): string {
  const debug = walkReportsConversions(goVersion) ? ' -d=escapedebug=1,closure=1' : ' -d=closure=1';
  return `-gcflags=-m=2 -dwarf=false${debug}`;
}

/** The source files a package's compiler output can name as its own. */
function ownFiles(p: GoListPackage): string[] {
  return [...(p.GoFiles ?? []), ...(p.CgoFiles ?? []), ...(p.TestGoFiles ?? []), ...(p.XTestGoFiles ?? [])];
}

/** The import path a test variant is a variant of: `p` for `p [p.test]`, `p_test` for `p_test [p.test]`. */
function variantOf(p: GoListPackage): string {
  return p.ImportPath.slice(0, p.ImportPath.indexOf(' ['));
}

function unitId(importPath: string, variant: string | null): string {
  return variant ? `${importPath} [${variant}]` : importPath;
}

type Early = { done: Promise<number | null>; feed: EscapeTextParser | null; held: Buffer[]; stop: AbortController };

/**
 * What one analysis will do, known before any cached facts are read or the compiler's output parsed: the
 * units, their content keys, and one key for the whole state (null without a cache or when a package cannot
 * be keyed). A caller holding a finished result for that state can skip the rest (see cancel).
 */
export interface AnalyzePlan {
  /** Identifies the invocation (directory, patterns, flags, environment), not the sources. */
  runId: string;
  /** Changes when any unit's content key, or any listing error, changes. */
  stateKey: string | null;
  env: GoEnv;
  root: string;
  /** Stops the work the plan started ahead (an early build, cache read-ahead) when it will not be executed. */
  cancel(): Promise<void>;
  /** @internal */ readonly state: PlanState;
}

interface PlanState {
  opts: AnalyzeOptions;
  env: NodeJS.ProcessEnv;
  cache: ModelCache | null;
  byPath: Map<string, GoListPackage>;
  units: Map<string, Unit>;
  /** Plain packages compiled by their test binary's build (tests only in `p_test [p.test]`). */
  linked: Set<string>;
  keys: Map<string, string>;
  early: Early | null;
  tagArgs: string[];
  gcflags: string;
}

export async function analyze(opts: AnalyzeOptions): Promise<AnalyzeRun> {
  return executePlan(await planAnalysis(opts));
}

export async function planAnalysis(opts: AnalyzeOptions): Promise<AnalyzePlan> {
  const env = { ...(opts.env ?? process.env) };
  const progress = opts.onProgress ?? (() => {});
  progress(t('cli.progress.listing'));
  const cache = opts.cacheDir ? new ModelCache(opts.cacheDir) : null;
  if (cache && cacheLimit(env) === null) {
    throw new UsageError(t('cli.err.cacheLimit', { value: env['HEAPSCOPE_CACHE_LIMIT'] ?? '' }));
  }
  const runId = invocationId({ ...opts, env });
  if (opts.preload !== false) cache?.preload(runId);
  // go list runs beside go env; go env's verdict is awaited first so that a missing or too old go is
  // reported as such, not as a go list failure. The compiler flags depend on the release it names.
  const signal = opts.signal;
  const listing = listPackages({
    dir: opts.dir,
    env,
    patterns: opts.patterns,
    tags: opts.tags,
    deps: true,
    tests: opts.tests,
    ...(signal ? { signal } : {}),
  });
  listing.catch(() => {});
  const goenv = opts.goEnv ?? (await readGoEnv(opts.dir, env, signal));
  const gcflags = compilerFlags(goenv.version);
  // When nothing is cached for this invocation (its first run, or --no-cache) every package will be compiled:
  // start the build now, beside go list, instead of after it. Its output waits in memory until the package
  // list is known (go list finishes long before the compiler has said much).
  const tagArgs = opts.tags ? [`-tags=${opts.tags}`] : [];
  let early: Early | null = null;
  if (!opts.tests && (opts.changed || !(cache && (await cache.hasRun(runId))))) {
    const e: Early = { done: Promise.resolve(null), feed: null, held: [], stop: new AbortController() };
    e.done = run('go', ['build', '-o', '/dev/null', gcflags, ...tagArgs, '--', ...opts.patterns], {
      cwd: opts.dir,
      env,
      signal: signal ? AbortSignal.any([e.stop.signal, signal]) : e.stop.signal,
      onStderrBytes: (b, start, end) => (e.feed ? e.feed.pushBytes(b, start, end) : e.held.push(Buffer.from(b.subarray(start, end)))),
    }).then(
      (r) => r.code,
      () => null,
    );
    early = e;
  }
  const root = moduleRoot(goenv, opts.dir);
  const listed = await listing.catch(async (e: unknown) => {
    // Stopped (or failed) while the early build runs: it is not wanted either.
    early?.stop.abort();
    await early?.done;
    throw e;
  });
  const byPath = new Map(listed.map((p) => [p.ImportPath, p]));
  const targets = listed.filter((p) => !p.DepOnly && !(p.ImportPath.endsWith('.test') && !p.ForTest && !p.ImportPath.includes(' ')));

  // The units the compiler will report: with --tests a package that has test files of its own is compiled as its
  // test variant `p [p.test]` (which holds the package's own files too) and the plain package is left out. A
  // package whose tests are all in its external test package `p_test [p.test]` has no such variant: the test
  // binary links the plain package, so that stays a unit (compiled by go test -c, see executePlan).
  const hasVariant = new Set(targets.filter((p) => p.ForTest && variantOf(p) === p.ForTest).map((p) => p.ForTest!));
  // Packages with nothing to compile (only test files, or every file excluded by build constraints) are
  // skipped, as go build skips them for a pattern; named explicitly they would fail the whole build.
  const compilable = (p: GoListPackage): boolean => !!(p.GoFiles?.length || p.CgoFiles?.length) || !!p.Error;
  const unitPkgs = targets.filter((p) => compilable(p) && (p.ForTest || !(opts.tests && hasVariant.has(p.ImportPath))));
  // Those plain packages are compiled by go test -c only: with the same flags go build would compile them again
  // (or print its cached output again), and their facts would be read twice.
  const linked = new Set(targets.filter((p) => p.ForTest && !hasVariant.has(p.ForTest)).map((p) => p.ForTest!));
  if (opts.moduleDeps) {
    const named = new Set(unitPkgs.map((p) => p.ImportPath));
    for (const p of listed) {
      if (!p.DepOnly || !p.Module?.Main || p.ForTest || named.has(p.ImportPath) || !compilable(p)) continue;
      if (opts.tests && hasVariant.has(p.ImportPath)) continue;
      unitPkgs.push(p);
      named.add(p.ImportPath);
    }
  }

  const common = [
    'heapscope-2',
    await buildInputsKey(goenv.goflags, targets, opts.dir, env),
    gcflags,
    goenv.version,
    goenv.goos,
    goenv.goarch,
    goenv.goroot,
    goenv.cgoEnabled,
    goenv.goexperiment,
    goenv.archLevel,
    goenv.goflags,
    opts.tags ?? '',
    opts.tests ? 'tests' : '',
    opts.dir,
    root,
  ].join('\0');
  const keys = cache ? await computeKeys(listed, { common }) : new Map<string, string>();
  if (signal?.aborted) {
    early?.stop.abort();
    await early?.done;
    signal.throwIfAborted();
  }

  const units = new Map<string, Unit>();
  for (const p of unitPkgs) {
    // A package go list cannot load is left out of the build (it would stop the go command); errors in its
    // dependencies are only reported if the build then fails to compile it.
    const errs: string[] = [];
    if (p.Error) errs.push(listErrorText(p.Error));
    units.set(p.ImportPath, {
      id: p.ImportPath,
      importPath: p.ForTest ? variantOf(p) : p.ImportPath,
      dir: p.Dir ?? '',
      files: p.Dir ? ownFiles(p).map((f) => join(p.Dir!, f)) : [],
      facts: [],
      errors: errs,
      cached: false,
    });
  }

  let stateKey: string | null = null;
  if (cache && [...units.values()].every((u) => keys.has(u.id))) {
    const h = createHash('sha256').update(runId + '\0' + common);
    for (const u of units.values()) h.update(`${u.id}\0${keys.get(u.id)}\0${u.errors.join('\n')}\0`);
    stateKey = h.digest('hex');
  }
  const cancel = async (): Promise<void> => {
    cache?.stopPreload();
    if (early) {
      early.stop.abort();
      await early.done;
    }
  };
  return { runId, stateKey, env: goenv, root, cancel, state: { opts, env, cache, byPath, units, linked, keys, early, tagArgs, gcflags } };
}

export async function executePlan(plan: AnalyzePlan): Promise<AnalyzeRun> {
  const { opts, env, cache, byPath, units, linked, keys, tagArgs, gcflags } = plan.state;
  const signal = opts.signal;
  let { early } = plan.state;
  const { root, runId, env: goenv } = plan;
  if (signal?.aborted) {
    await plan.cancel();
    signal.throwIfAborted();
  }
  const sources = sourceAccess(root, listedGoFiles(byPath.values()));
  // Let the read-ahead finish before looking entries up, so nothing is read twice.
  await cache?.settle();
  const misses: Unit[] = [];
  await Promise.all(
    [...units.values()].map(async (u) => {
      if (u.errors.length) return;
      const key = keys.get(u.id);
      const hit = cache && key ? await cache.get(key, u.id) : null;
      if (hit) {
        u.facts = hit;
        u.cached = true;
      } else misses.push(u);
    }),
  );

  const messages: string[] = [];
  if (early && !misses.some((u) => !byPath.get(u.id)?.ForTest)) {
    // Everything turned out to be cached after all: the early build is not needed.
    early.stop.abort();
    await early.done;
    early = null;
  }
  if (misses.length) {
    const plain = misses.filter((u) => !byPath.get(u.id)?.ForTest && !linked.has(u.id)).map((u) => u.id);
    const tested = [
      ...new Set(misses.map((u) => byPath.get(u.id)?.ForTest ?? (linked.has(u.id) ? u.id : undefined)).filter((x): x is string => !!x)),
    ];
    const paths = new ModulePaths(root, opts.dir);
    const resolveFiles = (printed: readonly string[], h: { importPath: string; variant: string | null }): Map<string, string> => {
      const pkg = byPath.get(unitId(h.importPath, h.variant));
      const own = pkg?.Dir ? ownFiles(pkg).map((f) => join(pkg.Dir!, f)) : [];
      return paths.resolveBlock(printed, own);
    };
    let seen = 0;
    const total = misses.length;
    // A package block without unrecognised lines compiled cleanly: cache it now, while the compiler is still
    // busy with other packages, rather than after the build.
    const written = new Set<Unit>();
    // What the go command printed before any package's block: its own errors, which stop it before it compiles
    // anything (a flag value it refuses, a //go:embed pattern that matches no file). Seen once per build.
    const goLines: string[] = [];
    const onPackage = (f: PackageFacts): void => {
      if (f.importPath === '') {
        for (const l of [...f.unknown, ...f.other]) if (!goLines.includes(l)) goLines.push(l);
        return;
      }
      const u = units.get(unitId(f.importPath, f.variant));
      if (!u || u.cached) return; // testmain, a dependency, or a package already served from the cache
      addFunctionEnds(f, (file) => sources.read(file));
      u.facts.push(f);
      seen++;
      // Formatted only for a progress line that is shown (a number format per package, about 40 ms on zap).
      opts.onProgress?.(t('cli.progress.compiling', { seen, total }));
      const key = keys.get(u.id);
      // A stopped build's last block may be cut short: nothing is cached once the run is aborted.
      const clean =
        !signal?.aborted && f.unknown.length === 0 && f.other.length === 0 && u.facts.length === 1 && !byPath.get(u.id)?.ForTest;
      if (cache && key && clean) {
        written.add(u);
        const stored = cache.put(key, u.id, u.facts);
        // Keep the facts as read back from what was stored, not as parsed: the same values, but made in one
        // pass, side by side, with strings of their own instead of slices of compiler lines. The join and the
        // report walk every one of them after the build, and did so about 0.4 s faster on std (measured).
        const back = stored ? decodeFacts(JSON.parse(stored)) : null;
        if (back) u.facts = back;
      }
    };
    const compile = async (args: string[]): Promise<number | null> => {
      const parser = new EscapeTextParser({ resolveFiles, onPackage });
      const r = await run('go', args, {
        cwd: opts.dir,
        env,
        ...(signal ? { signal } : {}),
        onStderrBytes: (b, start, end) => parser.pushBytes(b, start, end),
        onStdoutLine: (l) => {
          // go test -c reports "?   pkg [no test files]" and FAIL lines on stdout.
          if (/^(FAIL|ok|\?)\s/.test(l) && !/\[no test files\]/.test(l)) messages.push(l);
        },
      });
      parser.end();
      signal?.throwIfAborted();
      return r.code;
    };
    const codes: (number | null)[] = [];
    let rest = plain;
    if (early && plain.length) {
      const parser = new EscapeTextParser({ resolveFiles, onPackage });
      early.feed = parser;
      for (const l of early.held.splice(0)) parser.pushBytes(l, 0, l.length);
      const code = await early.done;
      parser.end();
      signal?.throwIfAborted();
      // A pattern that fails to load can stop the whole early build: compile what it left out, explicitly.
      rest = code === 0 ? [] : plain.filter((id) => units.get(id)!.facts.length === 0 && !units.get(id)!.errors.length);
      if (code !== 0 && rest.length === plain.length) rest = plain;
      else codes.push(code);
    }
    if (rest.length) {
      const code = await compile(['build', '-o', '/dev/null', gcflags, ...tagArgs, '--', ...rest]);
      codes.push(code);
      // An import that cannot be resolved stops the go command before it compiles anything: build again
      // without the packages whose dependencies go list could not load (their errors are reported below).
      // The same for a package the go command stopped at before compiling (a //go:embed pattern), and those
      // that import it.
      const unbuilt = rest.filter((id) => units.get(id)!.facts.length === 0);
      const stoppedAt = new Set(blamed(goLines, units, opts.dir).keys());
      const loadable = unbuilt.filter(
        (id) => !byPath.get(id)?.DepsErrors?.length && !stoppedAt.has(id) && !importsAny(id, stoppedAt, byPath),
      );
      if (code !== 0 && unbuilt.length === rest.length && loadable.length > 0 && loadable.length < unbuilt.length) {
        codes.push(await compile(['build', '-o', '/dev/null', gcflags, ...tagArgs, '--', ...loadable]));
      }
    }
    if (tested.length) {
      const out = tempDir('heapscope-');
      try {
        codes.push(await compile(['test', '-c', '-o', out + sep, gcflags, ...tagArgs, ...tested]));
      } finally {
        await removeTempDir(out);
      }
    }
    const failed = codes.some((c) => c !== 0);
    const goText = goErrorText(goLines);
    // Exit status 2 is the go command's usage error (cmd/go/internal/base: a flag value, GOFLAGS): nothing was
    // compiled, and the fix is in how heapscope was asked, so it is heapscope's usage error too.
    if (codes.includes(2) && goText && misses.every((u) => u.facts.length === 0)) {
      throw new UsageError(goText, t('cli.err.hint.goUsage'));
    }
    const ownLines = blamed(goLines, units, opts.dir);
    for (const u of misses) {
      // In a failed build, whatever the parser did not recognise in a package's block is its compiler errors.
      const unknown = u.facts.flatMap((f) => [...f.unknown, ...f.other]);
      if (failed && unknown.length) {
        u.errors.push(...unknown);
        for (const f of u.facts) {
          f.unknown = [];
          f.other = [];
        }
      } else if (failed && u.facts.length === 0) {
        const depErrs = (byPath.get(u.id)?.DepsErrors ?? []).map(listErrorText);
        const own = ownLines.get(u.id) ?? [];
        const stopped = goText && ownLines.size === 0 ? t('cli.analyze.goStopped', { goText }) : t('cli.analyze.buildStopped');
        u.errors.push(...(depErrs.length ? depErrs : own.length ? own : [stopped]));
      } else if (cache && !written.has(u) && (!failed || (u.facts.length > 0 && unknown.length === 0))) {
        const key = keys.get(u.id);
        if (key) cache.put(key, u.id, u.facts);
      }
    }
    // Packages with errors found after listing (type errors) also block everything that imports them.
    const broken = new Set([...units.values()].filter((u) => u.errors.length).map((u) => u.id));
    for (const u of misses) {
      if (u.errors.length) continue;
      const deps = byPath.get(u.id)?.Imports ?? [];
      const bad = deps.find((d) => broken.has(d));
      if (bad && u.facts.length === 0) u.errors.push(t('cli.analyze.importsBroken', { package: bad }));
    }
  }
  signal?.throwIfAborted();
  if (cache) {
    await cache.recordRun(
      runId,
      [...units.values()].map((u) => keys.get(u.id)).filter((k): k is string => !!k),
    );
    // Here as well as at the end of the command: heapscope serve analyses again and again in one process.
    enforceBounds(cacheLimit(env) ?? DEFAULT_LIMIT);
  }
  const packageNames = new Map<string, string>();
  const packageDirs = new Map<string, string>();
  for (const p of byPath.values()) {
    if (p.ForTest || p.ImportPath.endsWith('.test')) continue;
    if (p.Name) packageNames.set(p.ImportPath, p.Name);
    if (p.Dir) packageDirs.set(p.Dir, p.ImportPath);
  }
  return { env: goenv, root, units: [...units.values()], messages, packageNames, packageDirs, sources };
}

/** The go command's own error lines that name a file of a unit, by unit: the package it stopped at. */
function blamed(goLines: string[], units: Map<string, Unit>, dir: string): Map<string, string[]> {
  const byFile = new Map<string, string>();
  for (const u of units.values()) for (const f of u.files) byFile.set(f, u.id);
  const out = new Map<string, string[]>();
  let last: string | undefined;
  for (const l of goLines) {
    // An indented line goes on with the one before ("to add it:", then "\tgo get ...").
    const p = /^\s/.test(l) ? null : splitPosition(l);
    const id = p ? byFile.get(resolve(dir, p.file)) : /^\s/.test(l) ? last : undefined;
    if (id) out.set(id, [...(out.get(id) ?? []), l]);
    last = id;
  }
  return out;
}

/** Whether the package imports one of `bad`, directly or not. */
function importsAny(id: string, bad: Set<string>, byPath: Map<string, GoListPackage>): boolean {
  if (!bad.size) return false;
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length) {
    const p = byPath.get(stack.pop()!);
    for (const d of p?.Imports ?? []) {
      if (bad.has(d)) return true;
      if (!seen.has(d)) {
        seen.add(d);
        stack.push(d);
      }
    }
  }
  return false;
}
