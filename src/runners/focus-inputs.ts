// What the focus join needs beyond the compiler's facts: the structure of the source files that hold heap sites,
// wherever they live (the module, GOROOT for std, the module cache for a dependency analysed by path), and of the
// module's files that declare generic functions (go/srcfacts), and the latest measured costs
// (cache/measured-store.ts).

import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { AnalysisModel } from '../model/types.js';
import type { SourceFileFacts } from '../model/source-facts.js';
import { isForeignInstance, pathKind } from '../model/paths.js';
import type { AnalyzeRun } from './analyze.js';
import { readSourceFacts, sourceFactsTool } from './source-facts.js';

/** A function or method declared with type parameters (a cheap look before parsing). */
const GENERIC_DECL = /^func\s+(?:\([^)]*\[[^\]]*\][^)]*\)\s*\w+|\w+\s*\[)/m;

export interface FocusSource {
  source: Map<string, SourceFileFacts>;
  problems: string[];
}

export async function readFocusSource(
  model: AnalysisModel,
  run: AnalyzeRun,
  opts: { toolDir: string; env: NodeJS.ProcessEnv; extraFiles?: string[] },
): Promise<FocusSource> {
  const files = new Set<string>();
  // The model's name of each file asked for: relative to the root in the module, absolute outside it.
  const modelPath = new Map<string, string>();
  const dirOf = new Map(run.units.map((u) => [u.importPath, u.dir]));
  // Packages into which other packages' code was compiled: all their files are read, for the calls that bring
  // it in (a file that only calls slices.Sort holds no heap site of its own).
  const hosts = new Set<string>();
  for (const s of model.sites) {
    if (!s.heap) continue;
    const kind = pathKind(s.file);
    if (isForeignInstance(s, dirOf.get(s.package))) hosts.add(s.package);
    // Only files the go command listed for this run (runners/source-access.ts); a std or dependency package
    // analysed by path has its own files here too, so its loops weigh on its estimates as the module's do.
    if ((kind !== 'module' && kind !== 'external') || modelPath.has(s.file) || !run.sources.path(s.file)) continue;
    const abs = kind === 'module' ? join(run.root, s.file) : s.file;
    files.add(abs);
    modelPath.set(abs, s.file);
  }
  for (const u of run.units) {
    for (const f of u.files) {
      if (files.has(f) || relative(run.root, f).startsWith('..')) continue;
      if (hosts.has(u.importPath)) {
        files.add(f);
        continue;
      }
      try {
        if (GENERIC_DECL.test(readFileSync(f, 'latin1'))) files.add(f);
      } catch {
        // srcfacts would say the same; the compiler has said what matters about it
      }
    }
  }
  for (const f of opts.extraFiles ?? []) files.add(f);
  const source = new Map<string, SourceFileFacts>();
  if (files.size === 0) return { source, problems: [] };
  const tool = await sourceFactsTool(opts.toolDir, run.env.version, opts.env);
  if ('error' in tool) return { source, problems: [tool.error] };
  try {
    const r = await readSourceFacts(tool.path, [...files], run.root);
    for (const [abs, facts] of r.files) source.set(modelPath.get(abs) ?? relative(run.root, abs).split(sep).join('/'), facts);
    return { source, problems: r.problems };
  } finally {
    await tool.cleanup();
  }
}
