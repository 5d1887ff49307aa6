// heapscope bench: runs benchmarks and attributes every allocs/op to the line, type and compiler decision that
// make it. The static analysis and the test binaries' builds go on together; the benchmarks are timed once both
// are done, with nothing else running, then profiled several at once.

import { resolve } from 'node:path';
import { UsageError } from '../errors/errors.js';
import { loadModel } from './load-model.js';
import { reporter } from '../reporters/registry.js';
import { defaultCacheDir } from '../cache/model-cache.js';
import { ModulePaths } from '../runners/paths.js';
import { prepareBenchmarks, runBenchmarks, type PackageBenchRun } from '../runners/bench.js';
import { moduleRoot, readGoEnv } from '../runners/go-env.js';
import { attributeAll } from '../join/attribute.js';
import type { BenchReport } from '../model/bench-report.js';
import { phaseTimer, progressPrinter, useColor, type CliIO } from './terminal.js';
import type { Outcome } from './outcome.js';

export interface BenchFlags {
  C?: string;
  tags?: string;
  bench: string;
  count: string;
  benchtime?: string;
  timeout: string;
  format: string;
  cache: boolean;
  color?: boolean;
  progress?: boolean;
}

export async function runBench(patterns: string[], flags: BenchFlags, io: CliIO): Promise<Outcome> {
  const dir = resolve(io.cwd, flags.C ?? '.');
  const count = Number(flags.count);
  if (!Number.isInteger(count) || count < 1) throw new UsageError(`--count must be a positive whole number, not ${flags.count}`);
  const render = reporter(flags.format).bench;
  const onProgress = progressPrinter(io, flags.progress);
  const pats = patterns.length ? patterns : ['./...'];
  const mark = phaseTimer(io);
  const modulePaths = new ModulePaths(moduleRoot(await readGoEnv(dir, io.env), dir), dir);
  const resolveFile = (p: string): string => modulePaths.printed(p);
  const benchOpts = {
    dir,
    root: modulePaths.root,
    patterns: pats,
    bench: flags.bench,
    count,
    benchtime: flags.benchtime,
    timeout: flags.timeout,
    tags: flags.tags,
    env: io.env,
    resolveFile,
    onProgress,
  };
  // The static analysis (of the named packages and the module's packages they import) and the test binaries'
  // builds go on together; the benchmarks are timed once both are done, with nothing else running.
  const [loaded, prepared] = await Promise.allSettled([
    loadModel({
      dir,
      patterns: pats,
      tags: flags.tags,
      tests: true,
      moduleDeps: true,
      cacheDir: flags.cache ? defaultCacheDir(io.env) : null,
      env: io.env,
      onProgress,
    }),
    prepareBenchmarks(benchOpts),
  ]);
  if (loaded.status === 'rejected' || prepared.status === 'rejected') {
    if (prepared.status === 'fulfilled') await prepared.value.close();
    throw loaded.status === 'rejected' ? loaded.reason : (prepared as PromiseRejectedResult).reason;
  }
  const { model } = loaded.value;
  mark('analysed and test binaries built');
  let runs: PackageBenchRun[];
  try {
    runs = await runBenchmarks(prepared.value, benchOpts);
  } finally {
    await prepared.value.close();
  }
  mark('benchmarks timed and profiled');
  onProgress?.done();
  const report: BenchReport = { schemaVersion: 1, go: model.go, root: model.root, benchmarks: [], packages: [] };
  for (const pr of runs) {
    report.packages.push({ importPath: pr.importPath, dir: pr.dir, errors: pr.errors, notes: pr.notes });
    report.benchmarks.push(
      ...attributeAll({ model, asm: pr.asm, libraryAsm: pr.libraryAsm, resolve: resolveFile, symbols: pr.symbols }, pr.benchmarks),
    );
  }
  for (const c of render(report, { color: useColor(io, flags.color), verbose: false, cwd: io.cwd })) io.stdout(c);
  const failed = report.packages.filter((p) => p.errors.length);
  if (report.benchmarks.length === 0 && failed.length === 0) {
    io.stderr(`heapscope: no benchmark matches --bench ${flags.bench} in ${pats.join(' ')}\n`);
    return 'partial';
  }
  if (failed.length) {
    io.stderr(`heapscope: problems in ${failed.length} package${failed.length === 1 ? '' : 's'}; the other benchmarks are reported\n`);
    return 'partial';
  }
  return 'ok';
}
