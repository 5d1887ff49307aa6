// Follows an explanation that ends in another heap decision (an object or a variable that is itself on the
// heap) to the decision that roots it, and says in plain words what each site's explanation comes to: the
// object it is stored in, the callee that keeps it, the variable that outlives its loop. Fixing the root
// removes the whole chain, so the root's cause and fix are reported with it.

import type { ChainLink, FunctionInfo, Site } from '../model/types.js';
import { groupBy } from '../model/group.js';
import { t } from '../i18n/t.js';
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
    for (let n = next.get(s); n && !seen.has(n); n = next.get(n)) {
      seen.add(n);
      links.push({
        id: n.id ?? '',
        kind: n.kind,
        expr: n.expr,
        file: n.file,
        line: n.line,
        column: n.column,
        function: n.function,
        cause: n.cause?.id ?? null,
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
  const by = last ? { step: last.text, at: where(last), reason: last.reason } : null;
  switch (id) {
    case 'stored-in-heap-object':
      if (root.kind === 'variable')
        return by
          ? t('prose.detail.storedInVariableBy', { name: root.name, ...by })
          : t('prose.detail.storedInVariable', { name: root.name });
      return by ? t('prose.detail.storedInBy', { name: root.name, ...by }) : t('prose.detail.storedIn', { name: root.name });
    case 'outlives-loop':
      if (root.kind === 'temp') return by ? t('prose.detail.keptInTempAfter', by) : t('prose.detail.keptInTemp');
      return by ? t('prose.detail.keptInBy', { name: root.name, ...by }) : t('prose.detail.keptIn', { name: root.name });
    case 'interface-stored':
      return by ? t('prose.detail.boxedKeptBy', by) : null;
    case 'stored-in-heap':
      return by ? t('prose.detail.step', by) : null;
    case 'variadic-slice':
    case 'leaking-param-call':
    case 'interface-conversion': {
      const call = [...s.flow].reverse().find((f) => f.reason === 'call parameter' || f.reason === 'callee operand');
      if (!call) return id === 'variadic-slice' && by ? t('prose.detail.keptBy', by) : null;
      return passedTo(s, calleeOf(call.text), where(call), leaks, fnNames);
    }
    default:
      return null;
  }
}

/** Where the value is passed and why the callee keeps it: its own leaking parameters when it is analysed here,
 *  else what the compiler can know. */
function passedTo(s: Site, callee: string, at: string, leaks: Map<string, Site[]>, fnNames: Set<string>): string {
  if (callee === 'append') return t('prose.detail.passedAppend', { callee, at });
  // `keep`, `(*T).M`, or `pkg.F` where pkg is the site's own package.
  const local = callee.startsWith(pkgName(s.package) + '.') ? callee.slice(pkgName(s.package).length + 1) : callee;
  if (fnNames.has(`${s.package}|${local}`)) {
    const own = leaks.get(`${s.package}|${local}`) ?? [];
    if (own.length === 0) return t('prose.detail.passedOn', { callee, at, fn: local });
    const each = own.map((l) => {
      const step = l.flow[l.flow.length - 1];
      return step
        ? t('prose.detail.paramLeaksAt', { fn: local, param: l.expr, step: step.text, reason: step.reason, at: where(step) })
        : t('prose.detail.paramLeaks', { fn: local, param: l.expr });
    });
    return t('prose.detail.passedLeaks', { callee, at, leaks: each.reduce((list, next) => t('prose.clauses', { list, next })) });
  }
  return t('prose.detail.passedNotAnalysed', { callee, at });
}
