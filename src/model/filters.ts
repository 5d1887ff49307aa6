// The filters every command and format share: --cause, --package, --function, --min-allocs, and --all (without
// it only the analysed module's own code is listed). Applied to the model before any reporter sees it, so text
// and JSON list the same sites; what was left out is counted in the model (AnalysisModel.filtered).

import { resolve } from 'node:path';
import type { AnalysisModel, Site } from './types.js';
import type { BenchReport } from './bench-report.js';
import { isForeignInstance } from './paths.js';
import { t } from '../i18n/t.js';

export interface SiteFilters {
  all: boolean;
  causes: string[];
  /** Import-path patterns (`...` matches any string, `x/...` also x) or directory patterns starting with `.`. */
  packages: string[];
  functionRe: RegExp | null;
  minAllocs: number | null;
}

export const NO_FILTERS: SiteFilters = { all: false, causes: [], packages: [], functionRe: null, minAllocs: null };

/** go's pattern matching (cmd/go/internal/search.MatchPattern): `...` is any string; `x/...` also matches x. */
export function patternRegExp(pattern: string): RegExp {
  let re = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\.\\\.\\\./g, '.*');
  if (re.endsWith('/.*')) re = re.slice(0, -3) + '(/.*)?';
  return new RegExp(`^${re}$`);
}

export function packageMatcher(patterns: string[], cwd: string): (p: { importPath: string; dir: string }) => boolean {
  const tests = patterns.map((pat) => {
    if (pat.startsWith('.') || pat.startsWith('/')) {
      const re = patternRegExp(resolve(cwd, pat));
      return (p: { dir: string }): boolean => re.test(p.dir);
    }
    const re = patternRegExp(pat);
    return (p: { importPath: string }): boolean => re.test(p.importPath);
  });
  return (p) => tests.some((t) => t(p));
}

/**
 * Why a --package pattern cannot name a package, or null. An import path holds only ASCII letters, digits and
 * `-._~+/` (golang.org/x/mod/module.CheckImportPath); a directory pattern (`./x/...`, `/abs`) is any path.
 */
export function packagePatternError(pattern: string): string | null {
  if (pattern.startsWith('.') || pattern.startsWith('/')) return null;
  const bad = /[^A-Za-z0-9\-._~+/]/.exec(pattern);
  return bad ? t('prose.filter.badPackagePattern', { char: JSON.stringify(bad[0]) }) : null;
}

/**
 * The filters that match nothing in the analysed packages, each as `--flag value: why`: a filter that leaves
 * nothing to show is a typo far more often than an answer. --function is only judged when every package
 * compiled (the function may be in one that did not).
 */
export function unmatchedFilters(model: AnalysisModel, f: SiteFilters, cwd: string): { flag: string; message: string }[] {
  const out: { flag: string; message: string }[] = [];
  for (const pat of f.packages) {
    const match = packageMatcher([pat], cwd);
    if (!model.packages.some((p) => match(p))) out.push({ flag: '--package', message: t('prose.filter.noPackage', { pattern: pat }) });
  }
  const re = f.functionRe;
  if (re && !model.packages.some((p) => p.errors.length)) {
    const names = [
      ...model.functions.map((fn) => fn.name),
      ...model.sites.flatMap((s) => [s.function ?? '', s.goName?.function ?? '']),
      ...(model.notAnalysed ?? []).map((n) => n.function),
    ];
    if (!names.some((n) => n !== '' && re.test(n)))
      out.push({ flag: '--function', message: t('prose.filter.noFunction', { pattern: re.source }) });
  }
  return out;
}

function keep(s: Site, f: SiteFilters, pkgOk: (importPath: string) => boolean, dirs: Map<string, string>): boolean {
  if (!f.all && s.heap && isForeignInstance(s, dirs.get(s.package))) return false;
  if (f.packages.length && !pkgOk(s.package)) return false;
  if (f.causes.length && !f.causes.includes(s.cause?.id ?? '') && !f.causes.includes(s.rootCause?.id ?? '')) return false;
  if (f.functionRe) {
    const names = [s.function ?? '', s.goName?.function ?? ''];
    if (!names.some((n) => n !== '' && f.functionRe!.test(n))) return false;
  }
  if (f.minAllocs !== null && !((s.cost?.allocsPerOp ?? -1) >= f.minAllocs)) return false;
  return true;
}

/** The model with only the sites the filters keep; `filtered` counts the heap sites left out. */
export function filterModel(model: AnalysisModel, f: SiteFilters, cwd: string): AnalysisModel {
  const match = packageMatcher(f.packages, cwd);
  const dirs = new Map(model.packages.map((p) => [p.importPath, p.dir]));
  const pkgOk = (importPath: string): boolean => match({ importPath, dir: dirs.get(importPath) ?? '' });
  const sites = model.sites.filter((s) => keep(s, f, pkgOk, dirs));
  const heap = (list: Site[]): number => list.filter((s) => s.heap && s.allocates !== 'never').length;
  const external = f.all
    ? 0
    : model.sites.filter((s) => s.heap && s.allocates !== 'never' && isForeignInstance(s, dirs.get(s.package))).length;
  const filtered = heap(model.sites) - heap(sites) - external;
  const packages = f.packages.length ? model.packages.filter((p) => match(p)) : model.packages;
  const keepPkg = new Set(packages.map((p) => p.importPath));
  return {
    ...model,
    packages,
    sites,
    instantiations: f.all ? [] : (model.instantiations ?? []).filter((i) => keepPkg.has(i.package)),
    notAnalysed: (model.notAnalysed ?? []).filter((n) => keepPkg.has(n.package) && (!f.functionRe || f.functionRe.test(n.function))),
    filtered: { sites: filtered, external, byMinAllocs: f.minAllocs !== null },
  };
}

/**
 * The benchmark report with only the lines the filters keep: a line is kept when one of its heap decisions is,
 * or, for a line without one, when its function and package match. Benchmarks and their figures stay whole.
 */
export function filterBenchReport(report: BenchReport, model: AnalysisModel, f: SiteFilters, cwd: string): BenchReport {
  if (!f.causes.length && !f.packages.length && !f.functionRe && f.minAllocs === null) return report;
  const match = packageMatcher(f.packages, cwd);
  const dirs = new Map(model.packages.map((p) => [p.importPath, p.dir]));
  const pkgOk = (importPath: string): boolean => match({ importPath, dir: dirs.get(importPath) ?? '' });
  const fileOk = (file: string): boolean => {
    if (!f.packages.length) return true;
    const abs = resolve(model.root, file);
    const dir = abs.slice(0, abs.lastIndexOf('/'));
    return model.packages.some((p) => p.dir === dir && match(p));
  };
  const siteFilters: SiteFilters = { ...f, all: true, minAllocs: null };
  return {
    ...report,
    benchmarks: report.benchmarks.map((b) => ({
      ...b,
      lines: b.lines.filter((l) => {
        if (f.minAllocs !== null && l.allocsPerOp < f.minAllocs) return false;
        if (l.sites.some((s) => s.heap)) return l.sites.some((s) => s.heap && keep(s, siteFilters, pkgOk, dirs)) && fileOk(l.file);
        if (f.causes.length && !f.causes.includes(l.cause?.id ?? '')) return false;
        if (f.functionRe && !(l.function && f.functionRe.test(l.function))) return false;
        return fileOk(l.file);
      }),
    })),
  };
}
