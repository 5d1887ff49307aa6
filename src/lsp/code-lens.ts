// A lens above each function with heap sites that allocate: what it allocates and what was measured, with two
// commands: measure it (heapscope bench on its package's benchmarks) and open it in the report (heapscope serve).

import type { CodeLens } from 'vscode-languageserver/node';
import type { ModuleAnalysis } from './engine-adapter.js';
import { allocating, functionsOf, sitesOfFunction } from './model-queries.js';
import { utf16Column } from './positions.js';
import { t } from '../i18n/t.js';

export const MEASURE_COMMAND = 'heapscope.measure';
export const OPEN_REPORT_COMMAND = 'heapscope.openReport';

export function lensTitle(a: ModuleAnalysis, sites: ModuleAnalysis['model']['sites']): string {
  let allocs = 0;
  let bench = '';
  let top = -1;
  for (const s of sites) {
    const m = (s.id ? a.measured?.sites.get(s.id) : undefined) ?? a.measured?.lines.get(`${s.file}:${s.line}`);
    if (!m) continue;
    allocs += m.allocsPerOp;
    if (m.allocsPerOp > top) [top, bench] = [m.allocsPerOp, m.benchmark];
  }
  return bench
    ? t('lsp.lens.measured', { n: sites.length, allocs: String(Number(allocs.toFixed(2))), bench })
    : t('lsp.lens.notMeasured', { n: sites.length });
}

export function codeLenses(a: ModuleAnalysis, file: string, lines: string[], pkgDir: (file: string) => string): CodeLens[] {
  const out: CodeLens[] = [];
  for (const f of functionsOf(a, file)) {
    const sites = sitesOfFunction(a, f).filter(allocating);
    if (!sites.length) continue;
    const line = f.line - 1;
    const ch = utf16Column(lines[line] ?? '', 1);
    const range = { start: { line, character: ch }, end: { line, character: ch } };
    const first = sites[0]!;
    out.push({
      range,
      command: { title: lensTitle(a, sites), command: OPEN_REPORT_COMMAND, arguments: [first.id ?? null, file, first.line] },
    });
    out.push({
      range,
      command: { title: t('lsp.lens.measure'), command: MEASURE_COMMAND, arguments: [a.model.root, pkgDir(file), f.name] },
    });
  }
  return out;
}
