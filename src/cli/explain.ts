// heapscope explain FILE:LINE: every fact about one line, from the compiler (decisions, causes, inlining),
// the assembly (allocated types) and, with --bench, the benchmarks that cover it.

import { dirname, join, relative, resolve } from 'node:path';
import { UsageError } from '../errors/errors.js';
import { ModulePaths } from '../runners/paths.js';
import { removeTempDir, tempDir } from '../runners/temp-dirs.js';
import { loadModel } from './load-model.js';
import { buildTestBinary, prepareBenchmarks, runBenchmarks } from '../runners/bench.js';
import { attributeAll } from '../join/attribute.js';
import { enclosingFunction } from '../join/build-model.js';
import { defaultCacheDir } from '../cache/model-cache.js';
import { roundToSizeClass } from '../model/size-classes.js';
import type { Explanation } from '../model/explain-report.js';
import { reporter } from '../reporters/registry.js';
import { progressPrinter, useColor, type CliIO } from './terminal.js';
import type { Outcome } from './outcome.js';

export interface ExplainFlags {
  C?: string;
  tags?: string;
  bench?: string;
  format: string;
  cache: boolean;
  color?: boolean;
  progress?: boolean;
}

export function parseFileLine(arg: string): { file: string; line: number } {
  const i = arg.lastIndexOf(':');
  const line = i > 0 ? Number(arg.slice(i + 1)) : NaN;
  if (!(i > 0) || !Number.isInteger(line) || line < 1) throw new UsageError(`expected FILE:LINE, got ${JSON.stringify(arg)}`);
  return { file: arg.slice(0, i), line };
}

export async function runExplain(position: string, flags: ExplainFlags, io: CliIO): Promise<Outcome> {
  const render = reporter(flags.format).explain;
  const dir = resolve(io.cwd, flags.C ?? '.');
  const { file, line } = parseFileLine(position);
  const abs = resolve(dir, file);
  const pkgDir = './' + (relative(dir, dirname(abs)) || '.');
  const onProgress = progressPrinter(io, flags.progress);
  const { run: analysed, model } = await loadModel({
    dir,
    patterns: [pkgDir],
    tags: flags.tags,
    tests: true,
    cacheDir: flags.cache ? defaultCacheDir(io.env) : null,
    env: io.env,
    onProgress,
  });
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
    errors: model.packages.flatMap((p) => p.errors.map((e) => `${p.importPath}: ${e}`)),
  };
  // The package's test binary, built with the listing of every package of the module, tells what the line's
  // compiled code allocates (wherever it is inlined); with --bench its benchmarks are run and profiled.
  if (ex.package) {
    const benchOpts = {
      dir,
      root: analysed.root,
      patterns: [ex.package],
      bench: flags.bench ?? '^$',
      count: 1,
      timeout: '10m',
      tags: flags.tags,
      env: io.env,
      resolveFile,
      onProgress,
    };
    const session = await prepareBenchmarks(benchOpts);
    try {
      const pkg = session.packages.find((p) => p.importPath === ex.package);
      let asm = (await pkg?.listing?.()) ?? pkg?.asm ?? [];
      if (!pkg) {
        // A package without test files has no test binary: its own build's listing.
        const tmp = tempDir('heapscope-explain-');
        try {
          const built = await buildTestBinary({ dir, env: io.env, tags: flags.tags, resolveFile }, ex.package, join(tmp, 'x.test'));
          if (built.error) ex.errors.push(built.error);
          asm = await built.asm();
        } finally {
          await removeTempDir(tmp);
        }
      } else ex.errors.push(...pkg.errors);
      ex.allocations = asm
        .filter((c) => c.file === target && c.line === line)
        .map((c) => ({ ...c, sizeClass: c.typeSize !== null ? roundToSizeClass(c.typeSize) : null }));
      if (flags.bench) {
        for (const pr of await runBenchmarks(session, benchOpts)) {
          for (const e of pr.errors) if (!ex.errors.includes(e)) ex.errors.push(e);
          for (const rep of attributeAll(
            { model, asm: pr.asm, libraryAsm: pr.libraryAsm, resolve: resolveFile, symbols: pr.symbols },
            pr.benchmarks,
          )) {
            const here = rep.lines.find((l) => l.file === target && l.line === line) ?? null;
            ex.benchmarks.push({ name: rep.name, allocsPerOp: rep.allocsPerOp, line: here });
          }
        }
      }
    } finally {
      await session.close();
    }
  }
  onProgress?.done();
  for (const c of render(ex, { color: useColor(io, flags.color), verbose: false, cwd: io.cwd })) io.stdout(c);
  if (ex.sites.length === 0 && !fn) io.stderr(`heapscope: the compiler reported nothing about ${position}\n`);
  return ex.errors.length ? 'partial' : 'ok';
}
