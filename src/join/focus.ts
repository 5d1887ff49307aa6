// What matters first: each heap site that allocates gets a cost (measured by the latest `heapscope bench` of the
// module when it charged the site, otherwise a static estimate), a cold mark when the source reaches it only on
// an error or panic path, and readable names. Sites the compiler reported in another module's generic code
// (the standard library's `slices`, a dependency's) are charged to the calls in the module's own code that
// instantiate them, once per package; functions the module declares generic and nothing instantiates are listed
// as not analysed. docs/ranking.md documents the estimate.

import { comparePositions, type AnalysisModel, type Position, type Site, type SiteCost } from '../model/types.js';
import { isForeignInstance, pathKind } from '../model/paths.js';
import { stripTypeArgs } from '../model/expressions.js';
import { COLD_WHY, inSpan, type SourceFileFacts, type Span } from '../model/source-facts.js';
import type { MeasuredCosts, MeasuredSite } from '../model/measured.js';
import type { ProfileCosts } from '../model/profile-costs.js';
import { nameContext, nameSite, readableFunction, readableShapes, type NameContext } from './go-names.js';
import { filePackages } from './file-packages.js';
import { t } from '../i18n/t.js';

export interface FocusInput {
  /** Source structure by model path. */
  source: Map<string, SourceFileFacts>;
  /** The latest benchmark figures for the module, by site id. */
  measured: MeasuredCosts | null;
  /** A profile the user gave (--profile): used instead of the benchmark figures. */
  profile?: ProfileCosts | null;
  /** Package names by import path, for the qualifiers the compiler prints (`slices.Sort`). */
  packageNames: Map<string, string>;
  /** Import paths by directory: the package whose generic code a site outside the module is in. */
  packageDirs: Map<string, string>;
  where: NameContext['where'];
}

/** Weights of the static estimate (docs/ranking.md). */
export const ESTIMATE = { loop: 10, maxLoops: 3, calledInLoop: 10, sometimes: 0.5, init: 0.1, cold: 0.01 } as const;

export function focus(model: AnalysisModel, input: FocusInput): void {
  const ctx = nameContext(model, (f) => input.source.get(f), input.where);
  // A line's figures go to a site by position only when none of the decisions the profile charged them to is in
  // this model (an instance compiled into a benchmark function): otherwise that instance has them, by its id,
  // and the site it was inlined from did not run there.
  const ids = new Set(model.sites.map((s) => s.id));
  const lineFigure = (s: Site): MeasuredSite | undefined => {
    const m = input.measured?.lines.get(`${s.file}:${s.line}`);
    return m && !(m.ids ?? []).some((id) => ids.has(id)) ? m : undefined;
  };
  const loopCalls = new Map<string, number>();
  const callers = new Map<string, number>();
  for (const f of input.source.values()) {
    for (const n of f.loopCalls) loopCalls.set(n, (loopCalls.get(n) ?? 0) + 1);
    for (const [n, c] of f.callNames ?? []) callers.set(n, (callers.get(n) ?? 0) + c);
  }
  const together = sitesTogether(model, input.source);
  for (const s of model.sites) {
    if (!s.heap) continue;
    nameSite(s, ctx);
    const src = input.source.get(s.file);
    const cold = src?.cold.find((c) => inSpan(c.at, s.line, s.column))?.why ?? (panicArgument(s) ? 'panic-argument' : null);
    if (cold) {
      s.cold = true;
      s.coldReason = t(COLD_WHY[cold]);
    }
    if (s.allocates === 'never') continue;
    if (input.profile) {
      const p = input.profile.lines.get(`${s.file}:${s.line}`);
      s.cost = p ? profileCost(p, input.profile) : estimate(s, src, loopCalls, callers, together);
      continue;
    }
    const m = (s.id ? input.measured?.sites.get(s.id) : undefined) ?? lineFigure(s);
    s.cost = m ? measuredCost(m) : estimate(s, src, loopCalls, callers, together);
  }
  model.instantiations = chargeInstantiations(model, input, ctx);
  model.notAnalysed = notAnalysed(model, input);
  if (input.profile) model.measuredBy = { command: `--profile ${input.profile.file} (${input.profile.kind})`, time: '' };
  else if (input.measured) model.measuredBy = { command: input.measured.command, time: input.measured.time };
}

function profileCost(p: { value: number; share: number }, prof: ProfileCosts): NonNullable<Site['cost']> {
  const pct = `${(p.share * 100).toPrecision(3)}%`;
  return prof.kind === 'memory'
    ? {
        source: 'measured',
        score: p.value,
        basis: t('prose.basis.profileMemory', { n: String(p.value), pct, file: prof.file }),
        profile: prof.file,
      }
    : {
        source: 'measured',
        score: p.share,
        basis: t('prose.basis.profileCpu', { pct, file: prof.file }),
        profile: prof.file,
      };
}

function fmt(n: number): string {
  return n >= 10 || Number.isInteger(n) ? String(Math.round(n * 10) / 10) : n.toPrecision(2);
}

function depth(loops: readonly Span[], s: Position): number {
  let n = 0;
  for (const l of loops) if (inSpan(l, s.line, s.column)) n++;
  return n;
}

/** The function's name as source and loop calls name it: `(*T).M` → `M`, `F[go.shape.int]` → `F`. */
function baseName(fn: string): string {
  const plain = stripTypeArgs(fn).replace(/#[^#]*#/g, '');
  const closure = plain.indexOf('.func');
  const outer = closure > 0 ? plain.slice(0, closure) : plain;
  return outer.slice(outer.lastIndexOf('.') + 1);
}

/** The innermost loop body around a position, else the innermost function; '' when the source says neither. */
function enclosing(src: SourceFileFacts | undefined, s: Position): string {
  if (!src) return '';
  let best: Span | undefined;
  const inner = (x: Span): void => {
    if (inSpan(x, s.line, s.column) && (!best || x[0] > best[0] || (x[0] === best[0] && x[1] >= best[1]))) best = x;
  };
  for (const l of src.loops) inner(l);
  if (best) return `loop ${best.join(':')}`;
  for (const f of src.funcs) inner(f.at);
  if (best) return `func ${(best as Span).join(':')}`;
  for (const i of src.inits) inner(i.at);
  return best ? `init ${(best as Span).join(':')}` : '';
}

/**
 * How many heap decisions that allocate share each site's innermost loop body (outside loops: its function):
 * among equal weights, a loop that allocates three times per iteration is the better first fix. Instances of one
 * decision count once.
 */
function sitesTogether(model: AnalysisModel, source: Map<string, SourceFileFacts>): Map<Site, number> {
  const where = new Map<Site, string>();
  const decisions = new Map<string, Set<string>>();
  const seen = new Map<string, string>(); // instances share a position
  for (const s of model.sites) {
    if (!s.heap || s.allocates === 'never') continue;
    const pos = `${s.file}:${s.line}:${s.column}`;
    let at = seen.get(pos);
    if (at === undefined) seen.set(pos, (at = enclosing(source.get(s.file), s)));
    if (!at) continue;
    const k = `${s.file}|${at}`;
    where.set(s, k);
    let set = decisions.get(k);
    if (!set) decisions.set(k, (set = new Set()));
    set.add(`${s.line}:${s.column}|${s.kind}|${s.expr}`);
  }
  return new Map([...where].map(([s, k]) => [s, decisions.get(k)!.size]));
}

function estimate(
  s: Site,
  src: SourceFileFacts | undefined,
  loopCalls: Map<string, number>,
  callers: Map<string, number>,
  together: Map<Site, number>,
): NonNullable<Site['cost']> {
  let score = s.allocates === 'sometimes' ? ESTIMATE.sometimes : 1;
  const why: string[] = [];
  // A cold path leaves the function (a return, a panic, an exit): it runs at most once per call, loops or not.
  const loops = src && !s.cold ? Math.min(depth(src.loops, s), ESTIMATE.maxLoops) : 0;
  if (loops) {
    score *= ESTIMATE.loop ** loops;
    why.push(loops === 1 ? t('prose.basis.inLoop') : t('prose.basis.inNestedLoops', { n: loops }));
  }
  // Nothing calls a package's initialisation by name: calls named init elsewhere are other things'.
  const fn = s.function ? baseName(s.function) : '';
  const calls = fn && fn !== 'init' ? (loopCalls.get(fn) ?? 0) : 0;
  if (calls) {
    // More places that call it in a loop, more likely it is hot: ×1 for one, ×2 for ten, ×3 for a hundred.
    score *= ESTIMATE.calledInLoop * (1 + Math.log10(calls));
    why.push(calls === 1 ? t('prose.basis.calledInLoop', { fn }) : t('prose.basis.calledInLoops', { fn, n: calls }));
  }
  // A package-level initialiser or func init runs once per program (a func literal declared there, such as a
  // sync.Pool's New, runs later and is not counted here).
  if (s.function && /^init(\.\d+)?$/.test(s.function)) {
    score *= ESTIMATE.init;
    why.push(t('prose.basis.init'));
  }
  if (s.cold) {
    score *= ESTIMATE.cold;
    why.push(t('prose.basis.cold'));
  }
  if (s.allocates === 'sometimes') why.push(t('prose.basis.sometimes'));
  const basis = why.length ? why.reduce((list, next) => t('prose.clauses', { list, next })) : t('prose.basis.straight');
  const cost: SiteCost = { source: 'estimated', score, basis };
  // What breaks ties between equal weights (model/ranking.ts costOrder), never the file's name.
  const near = together.get(s);
  if (near) cost.together = near;
  const named = fn && fn !== 'init' ? (callers.get(fn) ?? 0) : 0;
  if (named) cost.callers = named;
  return cost;
}

/**
 * Sites in other modules' generic code, instantiated for a package of this one: left out of the listing (unless
 * --all) and counted against the calls in the package's own files that instantiate them. The code's package is
 * the one whose directory holds the site's file; the calls are those of the package's own files to functions of
 * that package that the compilation instantiated.
 */
function chargeInstantiations(model: AnalysisModel, input: FocusInput, ctx: NameContext): AnalysisModel['instantiations'] {
  const groups = new Map<string, NonNullable<AnalysisModel['instantiations']>[number]>();
  const dirOf = new Map(model.packages.map((p) => [p.importPath, p.dir]));
  const pkgOfFile = (file: string): string | undefined => input.packageDirs.get(file.slice(0, file.lastIndexOf('/')));
  const instanced = new Map<string, Set<string>>(); // unit package \0 code package → instantiated base names
  const moduleFiles = [...input.source].filter(([file]) => pathKind(file) === 'module');
  for (const f of model.functions) {
    if (pathKind(f.file) !== 'external') continue;
    const code = pkgOfFile(f.file);
    if (!code) continue;
    const k = `${f.package}\0${code}`;
    let set = instanced.get(k);
    if (!set) instanced.set(k, (set = new Set()));
    set.add(baseName(f.name));
  }
  for (const s of model.sites) {
    if (!s.heap || s.allocates === 'never' || !isForeignInstance(s, dirOf.get(s.package))) continue;
    const code = pkgOfFile(s.file) ?? s.file;
    const key = `${s.package}\0${code}`;
    let g = groups.get(key);
    if (!g) {
      const names = instanced.get(key) ?? new Set<string>();
      if (s.function) names.add(baseName(s.function));
      const dir = dirOf.get(s.package);
      const calls: Position[] = [];
      for (const [file, facts] of moduleFiles) {
        if (!dir || !inPackageDir(model.root, dir, file)) continue;
        for (const c of facts.calls) if (c.path === code && names.has(c.name)) calls.push({ file, line: c.at[0], column: c.at[1] });
      }
      calls.sort(comparePositions);
      g = { package: s.package, callee: input.packageNames.get(code) ? code : s.file, calls, sites: 0, functions: [] };
      groups.set(key, g);
    }
    g.sites++;
    const raw = s.function ?? '';
    const fn = readableFunction(raw, s.package, ctx) ?? readableShapes(raw);
    if (fn && !g.functions.includes(fn)) g.functions.push(fn);
  }
  return [...groups.values()];
}

function inPackageDir(root: string, dir: string, file: string): boolean {
  const abs = `${root}/${file}`;
  return abs.slice(0, abs.lastIndexOf('/')) === dir;
}

/** Generic functions declared in the analysed packages' files that no compiled instance or site names. */
function notAnalysed(model: AnalysisModel, input: FocusInput): AnalysisModel['notAnalysed'] {
  // Most files declare no generic function: nothing to look up then (std's files, read for their loops, are not
  // the module's: only the module's own generic functions are reported).
  if (![...input.source].some(([file, f]) => pathKind(file) === 'module' && f.funcs.some((x) => x.generic))) return [];
  // Keyed by package name: an instance compiled in another package of the module names its function
  // qualified (`pool.New[go.shape.int]`), one compiled in its own package unqualified.
  const compiled = new Set<string>();
  const add = (pkg: string, fn: string): void => {
    const plain = stripTypeArgs(fn).replace(/#[^#]*#/g, '');
    const q = /^(\(\*)?([\w-]+)\.(.+)$/.exec(plain);
    if (q) compiled.add(`${q[2]}\0${q[1] ? `(*${q[3]}` : q[3]}`);
    compiled.add(`${input.packageNames.get(pkg) ?? pkg}\0${plain}`);
  };
  for (const f of model.functions) add(f.package, f.name);
  for (const s of model.sites) if (s.function) add(s.package, s.function);
  const pkgOf = filePackages(model);
  const out: NonNullable<AnalysisModel['notAnalysed']> = [];
  for (const [file, facts] of input.source) {
    if (pathKind(file) !== 'module') continue;
    const pkg = pkgOf(file);
    if (!pkg) continue;
    for (const f of facts.funcs) {
      if (!f.generic || compiled.has(`${input.packageNames.get(pkg) ?? pkg}\0${f.name}`)) continue;
      out.push({ package: pkg, function: f.name, file, line: f.at[0], column: f.at[1] });
    }
  }
  return out;
}

/**
 * A value made as the argument of a panic: the compiler's flow passes it straight to `panic(EXPR)`. Code inlined
 * from another package (`&reflect.ValueError{...}` in a wrapper method, a callee's `panic(errors.New(...))`) has
 * no source structure in the module to say so; its flow does.
 */
function panicArgument(s: Site): boolean {
  return s.flow.some((f) => f.reason === 'call parameter' && f.text === `panic(${s.expr})`);
}

/** A site's cost from what a benchmark measured on it: ranked by the bytes it allocates per op (costOrder breaks
 *  ties by allocs/op), so an 80 KB buffer comes before a 16-byte object made five times. */
export function measuredCost(m: MeasuredSite): SiteCost {
  const pct = m.cpuShare !== undefined && m.cpuShare > 0 && m.cpuShare < 0.005 ? '<1' : String(Math.round((m.cpuShare ?? 0) * 100));
  const v = { allocs: fmt(m.allocsPerOp), benchmark: m.benchmark, pct };
  const basis =
    m.cpuShare === undefined
      ? t('prose.basis.measured', v)
      : m.costNsPerOp === undefined
        ? t('prose.basis.measuredCpu', v)
        : t('prose.basis.measuredCpuNs', { ...v, ns: fmt(m.costNsPerOp) });
  return {
    source: 'measured',
    score: m.bytesPerOp,
    basis,
    allocsPerOp: m.allocsPerOp,
    bytesPerOp: m.bytesPerOp,
    benchmark: m.benchmark,
    ...(m.cpuShare !== undefined ? { cpuShare: m.cpuShare } : {}),
    ...(m.costNsPerOp !== undefined ? { costNsPerOp: m.costNsPerOp } : {}),
  };
}
