// Follows an explanation that ends in another heap decision (an object or a variable that is itself on the
// heap) to the decision that roots it, and says in plain words what each site's explanation comes to: the
// object it is stored in, the callee that keeps it, the variable that outlives its loop. Fixing the root
// removes the whole chain, so the root's cause and fix are reported with it.

import type { ChainLink, FunctionInfo, Site } from '../model/types.js';
import { groupBy } from '../model/group.js';
import { calleeOf, flowRoot, type FlowRoot } from './flow-root.js';

const where = (p: { file: string; line: number; column: number }): string => `${p.file}:${p.line}:${p.column}`;

function pkgName(importPath: string): string {
  return importPath.slice(importPath.lastIndexOf('/') + 1);
}

/** The heap decision an explanation's root names, in the same function instance; the nearest if several. */
function rootSite(s: Site, root: FlowRoot, byExpr: Map<string, Site[]>, byVar: Map<string, Site[]>): Site | null {
  let candidates: Site[] | undefined;
  if (root.kind === 'storage') candidates = byExpr.get(`${s.package}|${s.function}|${root.name}`);
  else if (root.kind === 'variable') candidates = byVar.get(`${s.package}|${s.function}|${root.name}`);
  const near = root.last ?? s;
  let best: Site | null = null;
  let bestDist = Infinity;
  for (const c of candidates ?? []) {
    if (c === s) continue;
    const d = c.file === near.file ? Math.abs(c.line - near.line) * 1000 + Math.abs(c.column - near.column) : 1e9;
    if (d < bestDist) [best, bestDist] = [c, d];
  }
  return best;
}

export function linkChains(sites: Site[], functions: FunctionInfo[]): void {
  const heap = sites.filter((s) => s.heap);
  const byExpr = groupBy(heap, (s) => `${s.package}|${s.function}|${s.expr}`);
  const byVar = groupBy(
    heap.filter((s) => s.kind === 'moved-to-heap'),
    (s) => `${s.package}|${s.function}|${s.expr}`,
  );
  const leaks = groupBy(
    sites.filter((s) => s.kind === 'leaking-param' || s.kind === 'leaking-param-content'),
    (s) => `${s.package}|${s.function}`,
  );
  const fnNames = new Set(functions.map((f) => `${f.package}|${f.name}`));

  const next = new Map<Site, Site | null>();
  for (const s of heap) {
    const root = flowRoot(s);
    next.set(s, rootSite(s, root, byExpr, byVar));
    s.detail = detail(s, root, leaks, fnNames) ?? undefined;
    if (s.detail === undefined) delete s.detail;
  }
  for (const s of heap) {
    const links: ChainLink[] = [];
    const seen = new Set<Site>([s]);
    for (let t = next.get(s); t && !seen.has(t); t = next.get(t)) {
      seen.add(t);
      links.push({
        id: t.id ?? '',
        kind: t.kind,
        expr: t.expr,
        file: t.file,
        line: t.line,
        column: t.column,
        function: t.function,
        cause: t.cause?.id ?? null,
      });
    }
    if (links.length === 0) continue;
    s.chain = links;
    const root = [...seen].pop()!;
    if (root.cause) s.rootCause = root.cause;
  }
}

/** What the explanation comes to for this site, in plain words; null when the cause's summary says it all. */
function detail(s: Site, root: FlowRoot, leaks: Map<string, Site[]>, fnNames: Set<string>): string | null {
  const id = s.cause?.id;
  const last = root.last;
  switch (id) {
    case 'stored-in-heap-object':
      return `stored in ${root.kind === 'variable' ? `variable ${root.name}` : root.name}${last ? ` (${last.text} at ${where(last)})` : ''}, which is itself on the heap`;
    case 'outlives-loop':
      return root.kind === 'temp'
        ? `kept in a compiler temporary${last ? ` (after ${last.text} at ${where(last)})` : ''}, made outside the loop this runs in`
        : `kept in ${root.name}${last ? ` (${last.text} at ${where(last)})` : ''}, which is declared outside the loop this runs in`;
    case 'interface-stored':
      return last ? `boxed and kept by ${last.text} (${last.reason}) at ${where(last)}` : null;
    case 'stored-in-heap':
      return last ? `${last.text} (${last.reason}) at ${where(last)}` : null;
    case 'variadic-slice':
    case 'leaking-param-call':
    case 'interface-conversion': {
      const call = [...s.flow].reverse().find((f) => f.reason === 'call parameter' || f.reason === 'callee operand');
      if (!call) return id === 'variadic-slice' && last ? `kept by ${last.text} (${last.reason}) at ${where(last)}` : null;
      return `passed to ${calleeOf(call.text)} at ${where(call)}: ${whyKept(s, calleeOf(call.text), leaks, fnNames)}`;
    }
    default:
      return null;
  }
}

/** Why the callee keeps its argument: its own leaking parameters when it is analysed here, else what the compiler can know. */
function whyKept(s: Site, callee: string, leaks: Map<string, Site[]>, fnNames: Set<string>): string {
  if (callee === 'append') return 'append stores it in the slice it returns';
  // `keep`, `(*T).M`, or `pkg.F` where pkg is the site's own package.
  const local = callee.startsWith(pkgName(s.package) + '.') ? callee.slice(pkgName(s.package).length + 1) : callee;
  if (fnNames.has(`${s.package}|${local}`)) {
    const own = leaks.get(`${s.package}|${local}`) ?? [];
    if (own.length === 0) return `${local} passes it on to a call that keeps it`;
    return own
      .map((l) => {
        const step = l.flow[l.flow.length - 1];
        return `${local}'s parameter ${l.expr} leaks${step ? ` (${step.text}, ${step.reason}, at ${where(step)})` : ''}`;
      })
      .join('; ');
  }
  return `${callee} is not analysed here (another package, or a call through an interface or function value): the compiler knows only that the parameter leaks`;
}
