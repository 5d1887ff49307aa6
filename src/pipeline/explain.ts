// The explain job: every fact about one line, from the compiler (decisions, causes, inlining), the assembly
// (allocated types) and, with bench, the benchmarks that cover it.

import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { UsageError } from '../errors/errors.js';
import { ModulePaths, underDir } from '../runners/paths.js';
import { removeTempDir, tempDir } from '../runners/temp-dirs.js';
import { focusModel, loadModel } from './load-model.js';
import { checkFiltersMatch } from './filters-match.js';
import { defaultFocus, resolveOptions, type EngineOptions, type FocusChoice, type Outcome, type Output, type Problem } from './options.js';
import { listPackages } from '../runners/go-list.js';
import { benchPackages } from '../runners/bench-packages.js';
import { filterModel } from '../model/filters.js';
import { buildTestBinary, prepareBenchmarks, runBenchmarks } from '../runners/bench.js';
import { attributeAll } from '../join/attribute.js';
import { enclosingFunction } from '../join/build-model.js';
import { roundToSizeClass } from '../model/size-classes.js';
import type { Explanation } from '../model/explain-report.js';
import { reporter } from '../reporters/registry.js';
import { t } from '../i18n/t.js';

export interface ExplainJobOptions extends EngineOptions {
  /** The file, relative to dir (or absolute). */
  file: string;
  /** The line, from 1. */
  line: number;
  /** The position as the caller wrote it, for the problems (default FILE:LINE). */
  position?: string;
  /** Also run these benchmarks (as go test -bench) and show their figures for the line. */
  bench?: string;
  timeout?: string;
  /** A reporter of reporters/registry.ts that explains a line: text, json. Default: json. */
  format?: string;
  color?: boolean;
  focus?: FocusChoice;
}

export interface ExplainResult {
  outcome: Outcome;
  problems: Problem[];
  report: Explanation;
  output: Output;
}

/** The position names a line of a file that exists: otherwise there is nothing to explain, whatever the compiler says. */
async function checkPosition(abs: string, file: string, line: number): Promise<void> {
  let text: string;
  try {
    if (!(await stat(abs)).isFile()) throw new UsageError(t('cli.err.notAFile', { file }));
    text = await readFile(abs, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT' || code === 'ENOTDIR'
        ? t('cli.err.noSuchFileName', { file })
        : t('cli.err.cannotBeRead', { file, code: code ?? String(e) }),
    );
  }
  const lines = text.length === 0 ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  if (line > lines) throw new UsageError(t('cli.err.lineOutOfRange', { file, line: String(line), lines }));
}

export async function explain(options: ExplainJobOptions): Promise<ExplainResult> {
  const o = resolveOptions(options);
  const format = options.format ?? 'json';
  const render = reporter(format).explain;
  if (!render) throw new UsageError(t('cli.err.noRender', { format, what: 'explain' }));
  const { dir } = o;
  const { file, line } = options;
  const position = options.position ?? `${file}:${line}`;
  const choice = options.focus ?? defaultFocus();
  await checkPosition(resolve(dir, file), file, line);
  const abs = underDir(dir, resolve(dir, file));
  const pkgDir = './' + (relative(dir, dirname(abs)) || '.');
  const onProgress = o.onProgress;
  const mark = o.phase;
  const host = { env: o.env };
  const flags = { tags: o.tags, bench: options.bench, timeout: options.timeout ?? '10m', cache: o.cacheDir !== null };
  o.signal?.throwIfAborted();
  const load = (tests: boolean) =>
    loadModel({
      dir,
      patterns: [pkgDir],
      tags: flags.tags,
      tests,
      cacheDir: o.cacheDir,
      env: host.env,
      onProgress,
    });
  let { run: analysed, model } = await load(true);
  // A broken _test.go fails the package's test variant, and with it every decision of its other files: those
  // come from the package compiled without its tests. The test files' errors are still reported.
  const testErrors = model.packages.flatMap((p) => p.errors.map((e) => `${p.importPath}: ${e}`));
  if (testErrors.length && !abs.endsWith('_test.go')) {
    const plain = await load(false);
    if (!plain.model.packages.some((p) => p.errors.length)) ({ run: analysed, model } = plain);
  }
  mark('analysed');
  o.signal?.throwIfAborted();
  await focusModel(model, analysed, { cacheDir: o.cacheDir, env: host.env });
  checkFiltersMatch(model, choice.filters, dir);
  model = filterModel(model, { ...choice.filters, all: true }, dir);
  const modulePaths = new ModulePaths(analysed.root, dir);
  const resolveFile = (p: string): string => modulePaths.printed(p);
  const target = resolveFile(abs);
  // The function the compiler named for a decision on the line wins (a line can open a closure while its
  // allocation belongs to the function around it); otherwise the innermost function reaching the line's end.
  const sitesHere = model.sites.filter((s) => s.file === target && s.line === line);
  const named = sitesHere.find((s) => s.heap && s.function)?.function;
  const fn =
    (named && model.functions.find((f) => f.name === named && f.package === sitesHere[0]!.package)) ||
    enclosingFunction(
      model.functions.filter((f) => f.file === target),
      { file: target, line, column: Number.MAX_SAFE_INTEGER },
    );
  const ex: Explanation = {
    file: target,
    line,
    package: fn?.package ?? model.packages[0]?.importPath ?? null,
    function: fn,
    inlinedInto: fn ? model.inlinedCalls.filter((c) => c.callee === fn.name && c.package === fn.package) : [],
    sites: sitesHere,
    allocations: [],
    benchmarks: [],
    errors: [...testErrors],
  };
  // The package's test binary, built with the listing of every package of the module, tells what the line's
  // compiled code allocates (wherever it is inlined); with --bench its benchmarks are run and profiled.
  if (ex.package) {
    // The test binary to build is that of the package in the file's directory: a line of an external test
    // package (p_test) is in p's, and so is one of p's code inlined into p_test (whose site names p_test).
    const binary = analysed.packageDirs.get(dirname(abs)) ?? ex.package;
    ex.testBinary = binary;
    // With --bench, the benchmarks that match in any package of the module: the line may be reached from another
    // package's benchmarks (zap's buffer pool from the logger's).
    const others = flags.bench ? await otherBenchPackages(analysed.root, flags.bench, binary, flags.tags, host.env) : [];
    const benchOpts = {
      dir,
      root: analysed.root,
      patterns: [binary, ...others],
      bench: flags.bench ?? '^$',
      count: 1,
      timeout: flags.timeout,
      tags: flags.tags,
      env: host.env,
      resolveFile,
      onProgress,
    };
    const session = await prepareBenchmarks(benchOpts);
    try {
      const pkg = session.packages.find((p) => p.importPath === binary);
      let asm = (await pkg?.listing?.())?.calls ?? pkg?.asm ?? [];
      if (!pkg) {
        // A package without test files has no test binary: its own build's listing.
        const tmp = tempDir('heapscope-explain-');
        try {
          const built = await buildTestBinary({ dir, env: host.env, tags: flags.tags, resolveFile }, binary, join(tmp, 'x.test'));
          if (built.error) ex.errors.push(built.error);
          asm = (await built.asm()).calls;
        } finally {
          await removeTempDir(tmp);
        }
      } else ex.errors.push(...pkg.errors);
      // Allocation entry points only: a map insert allocates inside on some calls, which the benchmarks below
      // show when it happens.
      ex.allocations = asm
        .filter((c) => c.file === target && c.line === line && c.kind !== 'map-insert')
        .map((c) => ({ ...c, sizeClass: c.typeSize !== null ? roundToSizeClass(c.typeSize) : null }));
      if (flags.bench) {
        for (const pr of await runBenchmarks(session, benchOpts)) {
          for (const e of pr.errors) if (!ex.errors.includes(e)) ex.errors.push(e);
          for (const rep of attributeAll(
            { model, asm: pr.asm, libraryAsm: pr.libraryAsm, resolve: resolveFile, symbols: pr.symbols },
            pr.benchmarks,
          )) {
            const here = rep.lines.find((l) => l.file === target && l.line === line) ?? null;
            ex.benchmarks.push({ name: rep.name, package: pr.importPath, allocsPerOp: rep.allocsPerOp, line: here });
          }
        }
      }
    } finally {
      await session.close();
    }
  }
  mark(flags.bench ? 'test binary built, benchmarks run' : 'test binary built');
  const problems: Problem[] = [];
  const output = render(ex, { color: !!options.color, verbose: false, cwd: o.cwd });
  // The compiler decides only code inside functions (and package-level initialisers, which have sites), and
  // nothing at all in a package that does not compile.
  const broken = model.packages.find((p) => p.dir === dirname(abs) && p.errors.length);
  if (ex.sites.length === 0 && !fn && broken)
    problems.push({
      kind: 'position',
      message: t('cli.problem.positionNotCompiled', { position, package: broken.importPath, goText: broken.errors[0]! }),
    });
  else if (ex.sites.length === 0 && !fn) problems.push({ kind: 'position', message: t('cli.problem.notInFunction', { position }) });
  return { outcome: ex.errors.length ? 'partial' : 'ok', problems, report: ex, output };
}

/** The module's packages other than `own` whose test files declare a benchmark the pattern selects. */
async function otherBenchPackages(
  root: string,
  bench: string,
  own: string,
  tags: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<string[]> {
  const listed = await listPackages({ dir: root, env, patterns: ['./...'], tags }).catch(() => []);
  const withBench = listed.filter(
    (p) => !p.DepOnly && !p.Error && p.ImportPath !== own && (p.TestGoFiles?.length || p.XTestGoFiles?.length),
  );
  return benchPackages(withBench, bench).map((p) => p.ImportPath);
}
