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
} from '../model/types.js';
import { causeRef, classify } from './classify.js';

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
}

const posKey = (pkg: string, p: { file: string; line: number; column: number }): string => `${pkg}|${p.file}:${p.line}:${p.column}`;

export function buildModel(input: JoinInput): AnalysisModel {
  const packages = new Map<string, PackageInfo>();
  const sites = new Map<string, Site>();
  const functions = new Map<string, FunctionInfo>();
  const inlined = new Map<string, InlinedCall>();
  const captures = new Map<string, Capture>();
  const unrecognised: Unrecognised[] = [];

  for (const u of input.units) {
    const pi = packages.get(u.importPath) ?? { importPath: u.importPath, dir: u.dir, errors: [] as string[] };
    for (const e of u.errors) if (!pi.errors.includes(e)) pi.errors.push(e);
    if (u.cached) pi.cached = true;
    packages.set(u.importPath, pi);
    for (const f of u.facts) {
      for (const s of f.sites) {
        const k = `${posKey(s.package, s)}|${s.kind}|${s.expr}`;
        if (!sites.has(k)) sites.set(k, { ...s, flow: s.flow.slice() });
      }
      for (const fn of f.functions) {
        const k = `${fn.package}|${fn.name}|${fn.file}:${fn.line}`;
        if (!functions.has(k)) functions.set(k, { ...fn });
      }
      for (const c of f.inlinedCalls) {
        const k = `${posKey(c.package, c)}|${c.callee}`;
        if (!inlined.has(k)) inlined.set(k, { ...c });
      }
      for (const c of f.captures) {
        const k = `${posKey(c.package, c)}|${c.function}|${c.variable}`;
        if (!captures.has(k)) captures.set(k, { ...c });
      }
      for (const text of [...f.unknown, ...f.other]) unrecognised.push({ package: u.importPath, text });
    }
  }

  const fnList = [...functions.values()].sort(comparePositions);
  const enclosing = enclosingFinder(fnList);
  const siteList = [...sites.values()];
  for (const s of siteList) {
    if (!s.function) s.function = enclosing(s);
    const id = classify(s, { sourceLine: s.expr === 'func literal' ? input.sourceLine?.(s.file, s.line) : undefined });
    s.cause = id ? causeRef(id) : null;
  }
  const callList = [...inlined.values()];
  for (const c of callList) c.caller = enclosing(c);

  linkInlining(siteList, callList, fnList);

  siteList.sort((a, b) => comparePositions(a, b) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || (a.expr < b.expr ? -1 : a.expr > b.expr ? 1 : 0));
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
    captures: [...captures.values()].sort(comparePositions),
    unrecognised,
  };
}

/**
 * The compiler names each function at its declaration (`can inline F` / `cannot inline F`), closures at their
 * `func` keyword. The enclosing function of a position is the last declaration before it in the same file;
 * a site after a closure's end is still inside the closure's parent, so sites the compiler attributed itself
 * (`escapes to heap in F`) keep that name.
 */
function enclosingFinder(fns: FunctionInfo[]): (p: { file: string; line: number; column: number; package: string }) => string | null {
  const byFile = new Map<string, FunctionInfo[]>();
  for (const f of fns) {
    const l = byFile.get(f.file);
    if (l) l.push(f);
    else byFile.set(f.file, [f]);
  }
  return (p) => {
    const list = byFile.get(p.file);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (comparePositions(list[mid]!, p) <= 0) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // A closure's name starts with its parent's: prefer the outermost function when the site is on a later
    // line than the closure's body could plausibly reach is unknowable without the source, so take the nearest.
    return best >= 0 ? list[best]!.name : null;
  };
}

function pkgName(importPath: string): string {
  const i = importPath.lastIndexOf('/');
  return i < 0 ? importPath : importPath.slice(i + 1);
}

function calleeMatches(callee: string, fn: string, fnPackage: string): boolean {
  return callee === fn || callee === `${pkgName(fnPackage)}.${fn}`;
}

function where(p: { file: string; line: number; column: number }): string {
  return `${p.file}:${p.line}:${p.column}`;
}

function addNote(s: Site, note: string): void {
  (s.notes ??= []).includes(note) || s.notes.push(note);
}

function linkInlining(sites: Site[], calls: InlinedCall[], fns: FunctionInfo[]): void {
  const callsAt = new Map<string, InlinedCall[]>();
  for (const c of calls) {
    const k = posKey(c.package, c);
    const l = callsAt.get(k);
    if (l) l.push(c);
    else callsAt.set(k, [c]);
  }
  const heapAt = new Map<string, Site[]>();
  for (const s of sites) {
    if (!s.heap) continue;
    const k = posKey(s.package, s);
    const l = heapAt.get(k);
    if (l) l.push(s);
    else heapAt.set(k, [s]);
  }

  // 1. Sites the compiler reported at a call it inlined come from the callee's body.
  for (const s of sites) {
    const at = callsAt.get(posKey(s.package, s));
    if (!at || at.length === 0) continue;
    s.inlinedFrom = at[0]!.callee;
    if (s.heap) addNote(s, `comes from the body of ${at[0]!.callee}, inlined into ${at[0]!.caller ?? 'the caller'} here`);
  }

  // 2. A function's own heap sites, against each call where it was inlined: the escape may disappear there.
  const callsByCallee = new Map<string, InlinedCall[]>();
  for (const c of calls) {
    const l = callsByCallee.get(c.callee);
    if (l) l.push(c);
    else callsByCallee.set(c.callee, [c]);
  }
  for (const s of sites) {
    if (!s.heap || !s.function || s.inlinedFrom) continue;
    const matches: InlinedCall[] = [];
    for (const [callee, list] of callsByCallee) if (calleeMatches(callee, s.function, s.package)) matches.push(...list);
    for (const c of matches) {
      const there = heapAt.get(posKey(c.package, c)) ?? [];
      const same = there.find((h) => h.expr === s.expr);
      if (same) addNote(s, `also escapes where ${s.function} is inlined into ${c.caller ?? 'a caller'} at ${where(c)}`);
      else addNote(s, `stays on the stack where ${s.function} is inlined into ${c.caller ?? 'a caller'} at ${where(c)}: the escape happens only when ${s.function} is called without inlining`);
    }
  }

  // 3. Heap sites passed to a call the compiler would not inline: it sees only the callee's parameter tags.
  const notInlinable = new Map<string, FunctionInfo>();
  for (const f of fns) if (!f.inlinable) notInlinable.set(`${f.package}|${f.name}`, f);
  for (const s of sites) {
    if (!s.heap) continue;
    const step = [...s.flow].reverse().find((f) => f.reason === 'call parameter');
    if (!step) continue;
    const callee = step.text.slice(0, Math.max(0, step.text.indexOf('(')));
    if (!callee) continue;
    const local = notInlinable.get(`${s.package}|${callee}`) ?? notInlinable.get(`${s.package}|${callee.replace(/^[^.(]+\./, '')}`);
    if (local) addNote(s, `passed to ${local.name}, which is not inlined (${local.reason}): the compiler sees only that its parameter leaks`);
  }
}
