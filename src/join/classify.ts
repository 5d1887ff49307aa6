// Picks one root cause from the catalogue for a site, from what the compiler said: the decision, the
// expression, and the reason words of its explanation chain. The most specific reason wins: a size limit
// beats a flow, a closure or interface beats the return or call it later flows through.

import { cause, type CauseId } from '../model/causes.js';
import type { CauseRef, Site } from '../model/types.js';

export interface ClassifyContext {
  /** The source line the site is on, when the file is readable: tells `go func` and `defer func` apart. */
  sourceLine?: string | undefined;
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

  if (expr === 'func literal') {
    const before = ctx.sourceLine !== undefined ? ctx.sourceLine.slice(0, Math.max(0, site.column - 1)) : '';
    if (/\bgo\s*$/.test(before)) return 'goroutine';
    if (/\bdefer\s*$/.test(before)) return 'deferred-closure';
    return 'closure-capture';
  }
  if (reasons.has('captured by a closure')) return 'closure-capture';

  if (
    reasons.has('interface-converted') ||
    site.flow.some((f) => f.text === '... argument' || f.src.includes('{storage for ... argument}'))
  ) {
    return 'interface-conversion';
  }
  if (reasons.has('send')) return 'sent-on-channel';
  if (reasons.has('key of map put') || reasons.has('map literal key') || reasons.has('map literal value')) {
    return 'stored-in-map';
  }
  if (
    expr.startsWith('append(') ||
    reasons.has('appended slice...') ||
    reasons.has('appendee slice') ||
    site.flow.some((f) => f.reason === 'call parameter' && f.text.startsWith('append('))
  ) {
    return 'append-escaping-slice';
  }
  if (/^\((\[\]byte|\[\]rune|string)\)\(/.test(expr) || /^string\(/.test(expr)) return 'string-conversion';
  if (expr.includes(' + ') && !expr.startsWith('&')) return 'string-concatenation';

  const last = site.flow[site.flow.length - 1];
  if (reasons.has('return') && site.flow.every((f) => f.dst.startsWith('~') || f.dst.startsWith('{storage'))) {
    return site.kind === 'moved-to-heap' || site.flow[0]?.reason === 'address-of' ? 'returned-address' : 'returned-value';
  }
  if (last && last.reason === 'call parameter') return 'leaking-param-call';
  if (reasons.has('return')) {
    return site.kind === 'moved-to-heap' || site.flow[0]?.reason === 'address-of' ? 'returned-address' : 'returned-value';
  }
  if (site.flow.some((f) => f.dst === '{heap}')) {
    return reasons.has('call parameter') || reasons.has('callee operand') ? 'leaking-param-call' : 'stored-in-heap';
  }
  return 'unclassified';
}

export function causeRef(id: CauseId): CauseRef {
  const c = cause(id);
  return { id: c.id, summary: c.summary, fix: c.fix };
}
