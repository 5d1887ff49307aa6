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
  /** Whether the site is a value boxed into an interface (isBoxedValue); without the package's flows, from the expression alone. */
  isBox?: boolean;
}

/**
 * What the flows of a package's decisions say about the values at each position, beyond the printed expression
 * (escape/expr.go): an interface conversion of a value that is not pointer-shaped gets a location of its own (its
 * box, spilled and printed as its operand), and the operand's memory flows into `{storage for X}` through an
 * `X (interface-converted)` note at the conversion's position; a pointer-shaped value (a pointer, map, channel,
 * func) is the interface's data word, so its own flow carries the `interface-converted` note on to wherever the
 * interface goes; map literals store their keys and values with `map literal key/value` notes, slice literals
 * their elements with `slice-literal-element`, both at the literal's position. A named map or slice literal is
 * printed `Labels{...}`, as a struct literal is: these notes tell them apart.
 */
export interface ValueFacts {
  /** Conversions that box their operand: `package|file:line:col|expr` of the conversion. */
  boxes: ReadonlySet<string>;
  /** Map and slice literals, by the same key. */
  literals: ReadonlyMap<string, 'map' | 'slice'>;
  /** Method names the package declares, by package: `x.M` escaping is a method value (a closure), not a box. */
  methods: ReadonlyMap<string, ReadonlySet<string>>;
  /** What a named type is, from its declaration (`type Labels map[string]string`), for literals the flows leave open. */
  typeKind?: TypeKindOf | undefined;
}

/** What the type `name` (`Labels`, `pkg.Labels`) written in `file` of package `pkg` is, when its declaration is read. */
export type TypeKindOf = (pkg: string, file: string, name: string) => 'map' | 'slice' | 'other' | undefined;

/** `Labels{...}`, `prometheus.Labels{}`, `List[int]{...}`: a composite literal of a named type, and the type's name. */
const NAMED_LITERAL = /^((?:[\p{L}_][\p{L}\p{N}_]*\.)?[\p{L}_][\p{L}\p{N}_]*)(?:\[.*\])?\{(?:\.\.\.)?\}$/u;

const valueKey = (pkg: string, p: { file: string; line: number; column: number }, expr: string): string =>
  `${pkg}|${p.file}:${p.line}:${p.column}|${expr}`;

/** Reads ValueFacts from every explanation of a package (heap decisions and leaking parameters alike). */
export function valueFacts(sites: readonly Site[], methods: ReadonlyMap<string, ReadonlySet<string>>, typeKind?: TypeKindOf): ValueFacts {
  const boxes = new Set<string>();
  const literals = new Map<string, 'map' | 'slice'>();
  for (const s of sites)
    for (const f of s.flow) {
      if (f.reason === 'interface-converted' && f.dst === `{storage for ${f.text}}`) boxes.add(valueKey(s.package, f, f.text));
      else if (f.reason === 'map literal key' || f.reason === 'map literal value') literals.set(valueKey(s.package, f, f.text), 'map');
      else if (f.reason === 'slice-literal-element') literals.set(valueKey(s.package, f, f.text), 'slice');
    }
  return { boxes, literals, methods, typeKind };
}

/**
 * The site's own value goes into an interface conversion: its first flow edge carries `X (interface-converted)`
 * for its own expression. Either it is pointer-shaped (the interface's data word: nothing is boxed, and the value
 * is on the heap for wherever the interface goes), or it is the operand whose memory a box holds.
 */
export function convertedToInterface(site: Site): boolean {
  const first = site.flow[0];
  return site.flow.some(
    (f) => f.dst === first?.dst && f.reason === 'interface-converted' && (f.text === site.expr || f.text === `&${site.expr}`),
  );
}

/**
 * A value boxed into an interface: the conversion's own heap location, which the runtime fills with a copy of a
 * non-pointer-shaped value (runtime/iface.go convT*). Decided from the flows first; an escaping expression of a
 * shape that allocates nothing of its own (`v`, `x.f`, `f(x)`, a struct literal `T{...}`) is otherwise a box,
 * unless it is a map or slice literal (by the flows' notes, or by its type's declaration) or a method value `x.M`
 * (a closure binding its receiver).
 */
export function isBoxedValue(site: Site, facts: ValueFacts): boolean {
  if (site.kind !== 'escapes' || convertedToInterface(site)) return false;
  const k = valueKey(site.package, site, site.expr);
  if (facts.boxes.has(k)) return true;
  if (allocatesItself(site.expr) || facts.literals.has(k)) return false;
  const named = NAMED_LITERAL.exec(site.expr);
  if (named) {
    const kind = facts.typeKind?.(site.package, site.file, named[1]!);
    if (kind === 'map' || kind === 'slice') return false;
  }
  const sel = selectorName(site.expr);
  return !(sel && facts.methods.get(site.package)?.has(sel));
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
  if (ctx.isBox ?? isBoxedValue(site, valueFacts([site], new Map()))) {
    // A value boxed into an interface: for a call's ...any argument, or kept in a field, a global or a result.
    const viaVariadic = site.flow.some((f) => f.text === '... argument' || f.src.includes('{storage for ... argument}'));
    return viaVariadic || callArgument ? 'interface-conversion' : 'interface-stored';
  }
  // A pointer-shaped value converted to an interface (`&T{...}`, `&x`, a map) is the interface's data word: no box
  // is made, and where the interface goes (appended, passed to a call that keeps it, stored) decides below.
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
