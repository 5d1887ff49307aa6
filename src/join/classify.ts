// Picks one cause from the catalogue for a site, from what the compiler said: the decision, the expression, the
// reason words of its explanation, and where the explanation ends (flow-root.ts). The most specific reason
// wins: a size limit beats a flow; what the value is (a closure, an interface box, a variadic slice, an append)
// beats where it goes; where it goes (returned, kept by a callee, stored in a global, in heap memory, past its
// loop) decides the rest. Whatever the compiler's wording, a heap site whose explanation reaches any root gets
// a cause; `unclassified` is left for explanations of a shape no release has printed yet.

import { cause, type CauseId } from '../model/causes.js';
import type { CauseRef, Site } from '../model/types.js';
import { allocatesItself, isConcatenation, selectorName } from '../model/expressions.js';
import { flowRoot } from './flow-root.js';

export interface ClassifyContext {
  /** The source line the site is on, when the file is readable: tells `go func` and `defer func` apart. */
  sourceLine?: string | undefined;
  /** Whether a name is a result of the function the site was compiled in (named results are printed by name). */
  isResult?: (name: string) => boolean;
  /** Whether a variable of the site's function is itself moved to the heap. */
  isHeapVariable?: (name: string) => boolean;
  /** Whether a closure captures the variable by reference (the site, inside it, stores into its parent's variable). */
  isCapturedByRef?: (name: string) => boolean;
  /** Whether the site is a value boxed into an interface (see isBox); by default judged from the expression alone. */
  isBox?: boolean;
}

/**
 * A value boxed into an interface: an escaping expression that is none of the allocating shapes (model/expressions.ts)
 * and no method value `x.M` (a closure binding its receiver) of a method the package declares.
 */
export function isBox(site: Site, methods?: ReadonlySet<string>): boolean {
  if (site.kind !== 'escapes' || allocatesItself(site.expr)) return false;
  const sel = selectorName(site.expr);
  return !(sel && methods?.has(sel));
}

export function classify(site: Site, ctx: ClassifyContext = {}): CauseId | null {
  if (!site.heap) {
    if (!site.leak) return null;
    return site.leak.to.startsWith('~') ? 'param-returned' : 'param-leaks-to-heap';
  }
  const reasons = new Set(site.flow.map((f) => f.reason));
  const expr = site.expr;

  if (reasons.has('too large for stack')) return 'too-large';
  if (reasons.has('too aligned for stack')) return 'too-aligned';
  if (reasons.has('non-constant size')) return 'non-constant-size';

  // What the value is.
  if (expr === 'func literal') {
    const before = ctx.sourceLine !== undefined ? ctx.sourceLine.slice(0, Math.max(0, site.column - 1)) : '';
    if (/\bgo\s*$/.test(before)) return 'goroutine';
    if (/\bdefer\s*$/.test(before)) return 'deferred-closure';
    return 'closure-capture';
  }
  if (reasons.has('captured by a closure')) return 'closure-capture';
  if (site.kind === 'escapes' && expr === '... argument') return 'variadic-slice';

  const root = flowRoot(site);
  const callArgument = root.kind === 'heap' && (root.last?.reason === 'call parameter' || root.last?.reason === 'callee operand');
  if (ctx.isBox ?? isBox(site)) {
    // A value boxed into an interface: for a call's ...any argument, or kept in a field, a global or a result.
    const viaVariadic = site.flow.some((f) => f.text === '... argument' || f.src.includes('{storage for ... argument}'));
    return viaVariadic || callArgument ? 'interface-conversion' : 'interface-stored';
  }
  // Values that flow into an interface conversion escape with the interface (a string copy boxed for fmt).
  if (reasons.has('interface-converted') && root.kind === 'heap' && callArgument) return 'interface-conversion';
  if (reasons.has('send')) return 'sent-on-channel';
  if (reasons.has('key of map put') || reasons.has('map literal key') || reasons.has('map literal value')) return 'stored-in-map';
  if (
    expr.startsWith('append(') ||
    reasons.has('appended slice...') ||
    reasons.has('appendee slice') ||
    site.flow.some((f) => f.reason === 'call parameter' && f.text.startsWith('append('))
  ) {
    return 'append-escaping-slice';
  }
  if (/^\((\[\]byte|\[\]rune|string)\)\(/.test(expr) || /^(?:string|\[\]byte|\[\]rune)\(/.test(expr)) return 'string-conversion';
  if (isConcatenation(expr)) return 'string-concatenation';

  // Where it goes.
  const address = site.kind === 'moved-to-heap' || expr.startsWith('&') || site.flow[0]?.reason === 'address-of';
  switch (root.kind) {
    case 'result':
      return address ? 'returned-address' : 'returned-value';
    case 'heap':
      if (callArgument) return 'leaking-param-call';
      return 'stored-in-heap';
    case 'storage':
      return 'stored-in-heap-object';
    case 'variable':
      if (ctx.isHeapVariable?.(root.name)) return 'stored-in-heap-object';
      if (ctx.isResult?.(root.name)) return address ? 'returned-address' : 'returned-value';
      if (ctx.isCapturedByRef?.(root.name)) return 'closure-capture';
      return 'outlives-loop';
    case 'temp': {
      // A compiler temporary with no name outlives the value: a call's argument slot (the callee keeps it),
      // a variable of an enclosing function written from a closure, or a temporary made outside the loop.
      const end = site.flow[site.flow.length - 1]!;
      if (end.reason === 'call parameter' || root.last?.reason === 'call parameter') return 'leaking-param-call';
      if (ctx.isCapturedByRef?.(end.src)) return 'closure-capture';
      return 'outlives-loop';
    }
    default:
      return 'unclassified';
  }
}

export function causeRef(id: CauseId): CauseRef {
  const c = cause(id);
  return { id: c.id, summary: c.summary, fix: c.fix };
}
