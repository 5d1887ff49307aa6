// The language server's one door into heapscope's internals: analyse a module through heapscope's cache (the
// compiler's run, the join, the focus, check's directives) and read the figures heapscope bench stored. Nothing
// else under src/lsp/ imports the CLI, runners, join or cache layers, so the engine behind this file can change
// (src/pipeline/) without the server noticing.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { focusModel, loadModel, measuredFigures } from '../pipeline/load-model.js';
import { applyIgnores, checkDirectives, directivesOf } from '../join/check.js';
import { defaultCacheDir } from '../cache/model-cache.js';
import { addGroup, removeGroup, stopGroup } from '../runners/process-groups.js';
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
}

export interface AnalyseOptions {
  tags?: string;
  tests: boolean;
  env: NodeJS.ProcessEnv;
}

/** The module at `root`, all of its packages (./...), as `heapscope check` sees it. Throws a HeapscopeError when
 *  nothing could be analysed (no module, a broken go.mod). */
export async function analyseModule(root: string, opts: AnalyseOptions): Promise<ModuleAnalysis> {
  const cacheDir = defaultCacheDir(opts.env);
  const { run, model } = await loadModel({
    dir: root,
    patterns: ['./...'],
    ...(opts.tags ? { tags: opts.tags } : {}),
    tests: opts.tests,
    cacheDir,
    env: opts.env,
  });
  const files = run.units.flatMap((u) => u.files);
  // The files holding a directive are read for their structure, beside those the focus reads anyway.
  const withDirectives = files.filter((f) => {
    try {
      return readFileSync(f).includes('//heapscope:');
    } catch {
      return false;
    }
  });
  const measured = measuredFigures(cacheDir, run.root);
  const { source } = await focusModel(model, run, { cacheDir, env: opts.env, extraFiles: withDirectives, measured });
  const directives = directivesOf(new Map([...source].filter(([f]) => !f.startsWith('/'))));
  const { violations, stale } = checkDirectives(model, directives, null);
  applyIgnores(directives, violations, stale);
  return { model, measured: measured?.costs ?? null, violations, stale, files: [...new Set(files)], messages: run.messages };
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
