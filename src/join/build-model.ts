// Joins per-package compiler facts into the one model: merges test variants, removes the decisions a
// package's two compilations both printed, names the enclosing function of every site, picks a cause for
// each heap decision, and ties sites to the inlining decisions that moved or removed them.

import {
  SCHEMA_VERSION,
  comparePositions,
  type AnalysisModel,
  type FunctionInfo,
  type GoInfo,
  type InlinedCall,
  type PackageFacts,
  type PackageInfo,
  type Site,
  type Unrecognised,
  type Capture,
  type StaticValue,
} from '../model/types.js';
import { causeRef, classify, isBoxedValue, valueFacts, type TypeKindOf } from './classify.js';
import { methodName } from '../model/expressions.js';
import { groupBy } from '../model/group.js';
import { t } from '../i18n/t.js';
import { assignIdentities } from './identity.js';
import { decideAllocations } from './allocation.js';
import { linkChains } from './chains.js';
import { pathKind } from '../model/paths.js';
import { walkReportsConversions } from '../model/go-releases.js';

export interface UnitFacts {
  importPath: string;
  dir: string;
  facts: PackageFacts[];
  errors: string[];
  cached: boolean;
}

export interface JoinInput {
  go: GoInfo;
  root: string;
  units: UnitFacts[];
  /** Returns one line of a source file (model path), or undefined when it cannot be read. */
  sourceLine?: (file: string, line: number) => string | undefined;
  /** The names of a function's named results, read from its declaration; undefined when it cannot be read. */
  resultNames?: (fn: FunctionInfo) => readonly string[] | undefined;
  /** What a named type is, read from its declaration (a literal `Labels{...}` may be a map, a slice or a struct). */
  typeKind?: TypeKindOf;
}

const posKey = (pkg: string, p: { file: string; line: number; column: number }): string => `${pkg}|${p.file}:${p.line}:${p.column}`;

export function buildModel(input: JoinInput): AnalysisModel {
  const packages = new Map<string, PackageInfo>();
  const sites: Site[] = [];
  const functions: FunctionInfo[] = [];
  const inlined: InlinedCall[] = [];
  const captures: Capture[] = [];
  const staticValues: StaticValue[] = [];
  const unrecognised: Unrecognised[] = [];

  // Units of one import path (a package and its test variant), or one unit printed twice, repeat each other's
  // decisions: of those, each decision is kept as many times as the block that printed it most often holds it
  // (a generic function's instances repeat a decision within one block). The common case, one block per
  // package, needs no key building.
  const unitsPerPath = new Map<string, number>();
  for (const u of input.units) unitsPerPath.set(u.importPath, (unitsPerPath.get(u.importPath) ?? 0) + 1);
  const merged = new Map<string, Multiset>();
  for (const u of input.units) {
    const pi = packages.get(u.importPath) ?? { importPath: u.importPath, dir: u.dir, errors: [] as string[] };
    for (const e of u.errors) if (!pi.errors.includes(e)) pi.errors.push(e);
    if (u.cached) pi.cached = true;
    packages.set(u.importPath, pi);
    const dedupe = (unitsPerPath.get(u.importPath) ?? 0) > 1 || u.facts.length > 1;
    for (const f of u.facts) {
      if (!dedupe) {
        sites.push(...f.sites);
        functions.push(...f.functions);
        inlined.push(...f.inlinedCalls);
        captures.push(...f.captures);
        staticValues.push(...f.staticValues);
      } else {
        let m = merged.get(u.importPath);
        if (!m) merged.set(u.importPath, (m = new Multiset()));
        const block = m.block();
        for (const s of f.sites)
          if (block.take(`s|${posKey(s.package, s)}|${s.kind}|${s.expr}|${s.leak?.to ?? ''}|${s.function ?? ''}`)) sites.push(s);
        for (const fn of f.functions) if (block.take(`f|${fn.package}|${fn.name}|${fn.file}:${fn.line}`)) functions.push(fn);
        for (const c of f.inlinedCalls) if (block.take(`i|${posKey(c.package, c)}|${c.callee}`)) inlined.push(c);
        for (const c of f.captures) if (block.take(`c|${posKey(c.package, c)}|${c.function}|${c.variable}`)) captures.push(c);
        for (const v of f.staticValues) if (block.take(`x|${posKey(v.package, v)}|${v.how}|${v.name}`)) staticValues.push(v);
      }
      for (const text of [...f.unknown, ...f.other]) unrecognised.push({ package: u.importPath, text });
    }
  }

  const fnList = functions.sort(comparePositions);
  const enclosing = enclosingFinder(fnList);
  const siteList = sites;
  for (const s of siteList) if (!s.function) s.function = enclosing(s);
  // What the classifier may ask about the site's function: its variables on the heap, its named results, the
  // variables closures capture by reference.
  const heapVars = new Set(siteList.filter((s) => s.kind === 'moved-to-heap').map((s) => `${s.package}|${s.function}|${s.expr}`));
  const byRef = new Set(captures.filter((c) => c.byRef).map((c) => `${c.package}|${c.variable}`));
  const fnByName = new Map(fnList.map((f) => [`${f.package}|${f.name}`, f]));
  const methods = new Map<string, Set<string>>();
  for (const f of fnList) {
    const m = methodName(f.name);
    if (m) (methods.get(f.package) ?? methods.set(f.package, new Set()).get(f.package)!).add(m);
  }
  // Which values are boxed is read from the flows of every decision (a conversion's operand, a map literal's keys).
  const facts = valueFacts(siteList, methods, input.typeKind);
  const boxed = (s: Site): boolean => isBoxedValue(s, facts);
  for (const s of siteList) {
    const fn = s.function ? fnByName.get(`${s.package}|${s.function}`) : undefined;
    const id = classify(s, {
      sourceLine: s.expr === 'func literal' ? input.sourceLine?.(s.file, s.line) : undefined,
      isHeapVariable: (name) => heapVars.has(`${s.package}|${s.function}|${name}`),
      isResult: (name) => (fn && input.resultNames?.(fn)?.includes(name)) ?? false,
      isCapturedByRef: (name) => byRef.has(`${s.package}|${name}`),
      isBox: boxed(s),
    });
    s.cause = id ? causeRef(id) : null;
  }
  decideAllocations(siteList, {
    staticValues,
    enclosing,
    isBox: boxed,
    walkReports: walkReportsConversions(input.go.version),
    sourceLine: input.sourceLine,
  });
  const callList = inlined;
  for (const c of callList) c.caller = enclosing(c);

  linkInlining(siteList, callList, fnList);

  siteList.sort((a, b) => comparePositions(a, b) || cmp(a.kind, b.kind) || cmp(a.expr, b.expr) || cmp(a.function ?? '', b.function ?? ''));
  assignIdentities(siteList);
  linkChains(siteList, fnList);
  callList.sort((a, b) => comparePositions(a, b) || (a.callee < b.callee ? -1 : 1));
  const pkgList = [...packages.values()].sort((a, b) => (a.importPath < b.importPath ? -1 : 1));
  return {
    schemaVersion: SCHEMA_VERSION,
    go: input.go,
    root: input.root,
    packages: pkgList,
    sites: siteList,
    functions: fnList,
    inlinedCalls: callList,
    captures: captures.sort(comparePositions),
    staticValues: staticValues.sort(comparePositions),
    unrecognised,
  };
}

/**
 * The compiler names each function at its declaration (`can inline F` / `cannot inline F`), closures at their
 * `func` keyword. The enclosing function of a position is the innermost declaration before it that has not
 * ended (ends come from the source, read for files that declare closures); sites the compiler attributed
 * itself (`escapes to heap in F`) keep that name.
 */
export function enclosingFunction(sorted: FunctionInfo[], p: { file: string; line: number; column: number }): FunctionInfo | null {
  let lo = 0;
  let hi = sorted.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (comparePositions(sorted[mid]!, p) <= 0) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Walk back past functions known to end before the position; a function without a known end contains it.
  for (let i = best; i >= 0; i--) {
    const f = sorted[i]!;
    if (f.file !== p.file) return null;
    if (f.endLine === undefined || f.endLine > p.line || (f.endLine === p.line && (f.endColumn ?? 0) >= p.column)) {
      // Several functions declared at one position (a generic function's shape instances and instantiation
      // wrappers, the compiler's <autogenerated> methods): the position does not say which one it is.
      const twin = (j: number): boolean =>
        j >= 0 && j < sorted.length && comparePositions(sorted[j]!, f) === 0 && sorted[j]!.name !== f.name;
      return twin(i - 1) || twin(i + 1) ? null : f;
    }
  }
  return null;
}

function enclosingFinder(fns: FunctionInfo[]): (p: { file: string; line: number; column: number; package: string }) => string | null {
  const byFile = groupBy(fns, (f) => f.file);
  return (p) => {
    const list = byFile.get(p.file);
    return list ? (enclosingFunction(list, p)?.name ?? null) : null;
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Counts kept per key over several blocks: a block adds an item only past the count kept so far. */
class Multiset {
  private readonly kept = new Map<string, number>();
  block(): { take(key: string): boolean } {
    const here = new Map<string, number>();
    return {
      take: (key) => {
        const n = (here.get(key) ?? 0) + 1;
        here.set(key, n);
        if (n <= (this.kept.get(key) ?? 0)) return false;
        this.kept.set(key, n);
        return true;
      },
    };
  }
}

function pkgName(importPath: string): string {
  const i = importPath.lastIndexOf('/');
  return i < 0 ? importPath : importPath.slice(i + 1);
}

function where(p: { file: string; line: number; column: number }): string {
  return `${p.file}:${p.line}:${p.column}`;
}

function addNote(s: Site, note: string): void {
  const notes = (s.notes ??= []);
  if (!notes.includes(note)) notes.push(note);
}

/** Items by file and position, without building a string key per item. */
class PosIndex<T extends { file: string; line: number; column: number; package: string }> {
  private byFile = new Map<string, Map<number, T[]>>();
  add(item: T): void {
    let m = this.byFile.get(item.file);
    if (!m) this.byFile.set(item.file, (m = new Map()));
    const k = item.line * 65536 + item.column;
    const l = m.get(k);
    if (l) l.push(item);
    else m.set(k, [item]);
  }
  at(p: { file: string; line: number; column: number; package: string }): T[] | undefined {
    const l = this.byFile.get(p.file)?.get(p.line * 65536 + p.column);
    if (!l) return undefined;
    return l.every((x) => x.package === p.package) ? l : l.filter((x) => x.package === p.package);
  }
}

function linkInlining(sites: Site[], calls: InlinedCall[], fns: FunctionInfo[]): void {
  const callsAt = new PosIndex<InlinedCall>();
  for (const c of calls) callsAt.add(c);
  const heapAt = new PosIndex<Site>();
  for (const s of sites) if (s.heap) heapAt.add(s);

  // 1. Sites the compiler reported at a call it inlined come from the callee's body. Not where the position
  // names no source (every <autogenerated> method is at <autogenerated>:1), nor where several callees were
  // inlined at one position: the position does not say which body the site came from.
  for (const s of sites) {
    if (pathKind(s.file) === 'synthetic') continue;
    const at = callsAt.at(s);
    if (!at || at.length === 0 || at.some((c) => c.callee !== at[0]!.callee)) continue;
    s.inlinedFrom = at[0]!.callee;
    const { callee, caller } = at[0]!;
    if (s.heap) addNote(s, caller ? t('prose.note.inlinedBody', { callee, caller }) : t('prose.note.inlinedBodyCaller', { callee }));
  }

  // Calls made at a function's own declaration are the compiler's instantiation wrappers (Box[int] calling
  // Box[go.shape.int] at Box's position): not a place in anybody's code.
  const declared = new PosIndex<FunctionInfo & { package: string }>();
  for (const f of fns) declared.add(f);

  // 2. A function's own heap sites, against each call where it was inlined: the escape may disappear there.
  const callsByCallee = groupBy(calls, (c) => c.callee);
  for (const s of sites) {
    if (!s.heap || !s.function || s.inlinedFrom) continue;
    const matches = [...(callsByCallee.get(s.function) ?? []), ...(callsByCallee.get(`${pkgName(s.package)}.${s.function}`) ?? [])];
    for (const c of matches) {
      // An unqualified callee name is local to the caller's package.
      if (c.callee === s.function && c.package !== s.package) continue;
      if (pathKind(c.file) === 'synthetic' || declared.at(c)) continue;
      const there = heapAt.at(c) ?? [];
      const same = there.find((h) => h.expr === s.expr);
      const v = { fn: s.function, at: where(c), ...(c.caller ? { caller: c.caller } : {}) };
      if (same) addNote(s, t(c.caller ? 'prose.note.alsoEscapes' : 'prose.note.alsoEscapesCaller', v));
      else addNote(s, t(c.caller ? 'prose.note.staysOnStack' : 'prose.note.staysOnStackCaller', v));
    }
  }

  // 3. Heap sites passed to a call the compiler would not inline: it sees only the callee's parameter tags.
  const notInlinable = new Map<string, FunctionInfo>();
  for (const f of fns) if (!f.inlinable) notInlinable.set(`${f.package}|${f.name}`, f);
  for (const s of sites) {
    if (!s.heap) continue;
    let step: Site['flow'][number] | undefined;
    for (let i = s.flow.length - 1; i >= 0 && !step; i--) if (s.flow[i]!.reason === 'call parameter') step = s.flow[i];
    if (!step) continue;
    const callee = step.text.slice(0, Math.max(0, step.text.indexOf('(')));
    if (!callee) continue;
    const local = notInlinable.get(`${s.package}|${callee}`) ?? notInlinable.get(`${s.package}|${callee.replace(/^[^.(]+\./, '')}`);
    if (local) addNote(s, t('prose.note.notInlined', { fn: local.name, reason: local.reason ?? '' }));
  }
}
