// heapscope check: the source's directives (model/directives.ts) held against the compiler's decisions, and the
// heap sites new against a baseline. Pure: the model, the directives read from the source and the baseline's ids
// in, the report out.

import { comparePositions, type AnalysisModel, type FunctionInfo, type Site } from '../model/types.js';
import {
  DIRECTIVE_KINDS,
  parseDirectiveText,
  type CheckReport,
  type Directive,
  type StaleDirective,
  type Violation,
} from '../model/directives.js';
import type { SourceFileFacts } from '../model/source-facts.js';
import type { BenchReport } from '../model/bench-report.js';
import { stripTypeArgs } from '../model/expressions.js';
import { t } from '../i18n/t.js';

/** The directives of the files read, in the model's file names. */
export function directivesOf(source: Map<string, SourceFileFacts>): Directive[] {
  const out: Directive[] = [];
  for (const [file, facts] of source) {
    for (const d of facts.directives) {
      const { kind, argument } = parseDirectiveText(d.text);
      const dir: Directive = { file, line: d.at[0], column: d.at[1], text: d.text, kind, argument, target: d.line };
      if (d.func && d.funcAt) {
        dir.func = { name: d.func, line: d.funcAt[0], column: d.funcAt[1], endLine: d.funcAt[2], endColumn: d.funcAt[3] };
        // A line directive above a function's declaration governs the declaration's line.
        dir.target = d.funcAt[0];
      }
      out.push(dir);
    }
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}

const allocates = (s: Site): boolean => s.heap && s.allocates !== 'never';

/** The compiled function (or one of its func literals) a site was decided in is `name`. */
function inFunction(s: Site, name: string): boolean {
  if (!s.function) return false;
  const f = stripTypeArgs(s.function);
  return f === name || f.startsWith(`${name}.func`);
}

export function checkDirectives(
  model: AnalysisModel,
  directives: Directive[],
  baseline: Set<string> | null,
  noallocPackages: Set<string> = new Set(),
): Pick<CheckReport, 'violations' | 'stale'> {
  const violations: Violation[] = [];
  const stale: StaleDirective[] = [];
  const heap = model.sites.filter(allocates);
  const byLine = new Map<string, Site[]>();
  for (const s of heap) {
    const k = `${s.file}:${s.line}`;
    const l = byLine.get(k);
    if (l) l.push(s);
    else byLine.set(k, [s]);
  }
  const fnOf = (file: string, name: string): FunctionInfo | undefined =>
    model.functions.find((f) => f.file === file && stripTypeArgs(f.name) === name);
  const notAnalysed = new Set((model.notAnalysed ?? []).map((n) => `${n.file}\0${stripTypeArgs(n.function)}`));

  for (const d of directives) {
    const where = (why: string): void => void stale.push({ directive: d, why });
    switch (d.kind) {
      case null:
        where(t('prose.stale.unknown', { word: d.text.split(/\s/)[0] ?? '', known: DIRECTIVE_KINDS.join(', ') }));
        break;
      case 'noescape': {
        if (d.target === 0) {
          where(t('prose.stale.noCode'));
          break;
        }
        for (const s of byLine.get(`${d.file}:${d.target}`) ?? [])
          violations.push({ rule: 'noescape', directive: d, site: s, message: t('prose.check.noescape') });
        break;
      }
      case 'noalloc':
      case 'inline': {
        if (!d.func) {
          where(t('prose.stale.notInDoc', { kind: d.kind }));
          break;
        }
        const name = d.func.name;
        const fn = fnOf(d.file, name);
        if (!fn) {
          where(notAnalysed.has(`${d.file}\0${name}`) ? t('prose.stale.generic', { name }) : t('prose.stale.notCompiled', { name }));
          break;
        }
        if (d.kind === 'inline') {
          if (!fn.inlinable)
            violations.push({
              rule: 'inline',
              directive: d,
              message: fn.reason
                ? t('prose.check.cannotInline', { name, reason: fn.reason })
                : t('prose.check.cannotInlineNoReason', { name }),
            });
          break;
        }
        const pkg = fn.package;
        for (const s of heap)
          if (s.package === pkg && inFunction(s, name))
            violations.push({
              rule: 'noalloc',
              directive: d,
              site: s,
              message: t('prose.check.noalloc', { name }),
            });
        break;
      }
      case 'ignore':
        if (!d.argument) where(t('prose.stale.ignoreNoReason'));
        else if (d.target === 0) where(t('prose.stale.noCode'));
        break;
    }
  }
  // The configuration's packages: every function noalloc; a site a directive already reported is not repeated.
  if (noallocPackages.size) {
    const reported = new Set(violations.map((v) => v.site));
    for (const s of heap)
      if (noallocPackages.has(s.package) && !reported.has(s) && !s.file.startsWith('<'))
        violations.push({
          rule: 'noalloc',
          directive: null,
          fromConfig: true,
          site: s,
          message: t('prose.check.noallocPackage', { pkg: s.package }),
        });
  }
  if (baseline)
    for (const s of heap)
      if (s.id && !baseline.has(s.id))
        violations.push({ rule: 'baseline', directive: null, site: s, message: t('prose.check.notInBaseline') });

  return { violations, stale };
}

/** Allocations per op below this are the runtime's noise (a pool refill, a lazily built table), not the function's. */
const MEASURED_FLOOR = 0.01;

/**
 * check --bench: the allocations the benchmarks measured on lines of a noalloc function (its own, or code inlined
 * into it that the profile charges to it), one violation per line and benchmark.
 */
export function checkMeasured(directives: Directive[], report: BenchReport): Violation[] {
  const out: Violation[] = [];
  for (const d of directives) {
    if (d.kind !== 'noalloc' || !d.func) continue;
    const f = d.func;
    for (const b of report.benchmarks)
      for (const l of b.lines) {
        if (l.allocsPerOp < MEASURED_FLOOR) continue;
        const inBody = l.file === d.file && l.line >= f.line && l.line <= f.endLine;
        const charged = l.function !== null && stripTypeArgs(l.function) === f.name;
        if (!inBody && !charged) continue;
        const violation: Violation = {
          rule: 'noalloc',
          directive: d,
          message: t(l.innermost ? 'prose.check.measuredIn' : 'prose.check.measured', {
            benchmark: b.name,
            allocs: String(l.allocsPerOp),
            bytes: String(Math.round(l.bytesPerOp)),
            at: `${l.file}:${l.line}`,
            innermost: l.innermost ?? '',
            name: f.name,
          }),
          measured: {
            benchmark: b.name,
            file: l.file,
            line: l.line,
            allocsPerOp: l.allocsPerOp,
            bytesPerOp: l.bytesPerOp,
            innermost: l.innermost,
          },
        };
        if (l.sites[0]) violation.site = l.sites[0];
        out.push(violation);
      }
  }
  return out;
}

/**
 * The ignore directives applied to every violation found (the static ones and those check --bench measured): a
 * violation on an ignore's line is kept, marked with its reason; an ignore that silences nothing is stale.
 */
export function applyIgnores(directives: Directive[], violations: Violation[], stale: StaleDirective[]): void {
  for (const ig of directives) {
    if (ig.kind !== 'ignore' || !ig.argument || ig.target === 0) continue;
    let used = false;
    for (const v of violations) {
      const at = v.measured ? { file: v.measured.file, line: v.measured.line } : v.site;
      if (at && at.file === ig.file && at.line === ig.target && v.ignored === undefined) {
        v.ignored = ig.argument;
        used = true;
      }
    }
    if (!used) stale.push({ directive: ig, why: t('prose.stale.silencesNothing', { line: String(ig.target) }) });
  }
  stale.sort((a, b) => comparePositions(a.directive, b.directive));
}
