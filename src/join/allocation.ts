// Decides, for each heap decision, whether the runtime allocates for it (model/allocation-rules.ts), from what
// the compiler itself said after escape analysis: its walk pass reports each escaping value it turned into
// static data (`-d=escapedebug=1,closure=1`, parsed into StaticValue). Where it says nothing, the expression's
// shape names the runtime entry point (growslice, makeslice, slicebytetostring, concatstrings, convT*), and each
// rule says what that entry point skips at run time; the source is read only to count a literal's elements.

import { allocationRule, type AllocationRuleId } from '../model/allocation-rules.js';
import type { Site, StaticValue } from '../model/types.js';
import { callArguments, isConcatenation, isConstant, literalElements } from '../model/expressions.js';

const BY_HOW: Record<StaticValue['how'], AllocationRuleId | null> = {
  static: 'static-data',
  'zero-size': 'zero-size',
  'single-byte': 'single-byte',
  'zero-value': 'zero-value',
  'global-closure': 'static-closure',
  stack: null,
};

export interface AllocationContext {
  staticValues: StaticValue[];
  /** The compiler reports every conversion it turned into static data (go1.25+): silence means the runtime boxes it. */
  walkReports: boolean;
  /** Whether a site is a value boxed into an interface (join/classify.ts isBox). */
  isBox: (s: Site) => boolean;
  /** Finds the function whose declaration encloses a position (for a variable's diagnostic, printed at its declaration). */
  enclosing: (p: { file: string; line: number; column: number; package: string }) => string | null;
  /** One line of a source file (model path), when it can be read. */
  sourceLine?: ((file: string, line: number) => string | undefined) | undefined;
}

export function decideAllocations(sites: Site[], ctx: AllocationContext): void {
  // Diagnostics at the conversion or func literal itself, by position; a variable's (zero-size, single-byte:
  // properties of its type, so true of every conversion of it) by package, function and name.
  const atPos = new Map<string, StaticValue[]>();
  const byVar = new Map<string, StaticValue>();
  for (const v of ctx.staticValues) {
    if (BY_HOW[v.how] === null) continue;
    const k = `${v.package}|${v.file}:${v.line}:${v.column}`;
    atPos.set(k, [...(atPos.get(k) ?? []), v]);
    if (!v.name.startsWith('.') && v.how !== 'global-closure') {
      const fn = ctx.enclosing(v);
      if (fn) byVar.set(`${v.package}|${fn}|${v.name}`, v);
    }
  }
  for (const s of sites) {
    if (!s.heap) continue;
    const here = atPos.get(`${s.package}|${s.file}:${s.line}:${s.column}`) ?? [];
    let v: StaticValue | undefined;
    if (s.expr === 'func literal') v = here.find((x) => x.how === 'global-closure');
    else if (s.kind === 'escapes' && (ctx.isBox(s) || isConstant(s.expr))) {
      // What the walk pass reports is about a value converted to an interface (walk/convert.go dataWord). Code
      // inlined here shares the call's position: a constant's fact in the same inlined body (`panic("empty")`)
      // says nothing about an `&T{...}` or `make` beside it, which allocates as always.
      v = here.find((x) => x.how !== 'global-closure');
      if (!v && s.function) {
        const operand = /^[\w.]+\((\w+)\)$/.exec(s.expr)?.[1] ?? s.expr;
        v = byVar.get(`${s.package}|${s.function}|${operand}`);
      }
    }
    let rule: AllocationRuleId;
    if (v) rule = BY_HOW[v.how]!;
    else if (s.kind !== 'escapes') rule = 'allocates';
    else if (isConstant(s.expr)) rule = 'constant';
    else rule = byShape(s, ctx);
    const r = allocationRule(rule);
    s.allocates = r.allocates;
    s.allocatesRule = r.id;
    s.allocatesReason = r.reason;
  }
}

/** The rule for an escaping value the walk pass said nothing about, from the runtime call its shape compiles to. */
function byShape(s: Site, ctx: AllocationContext): AllocationRuleId {
  const e = s.expr;
  if (e.startsWith('append(')) return 'append-grows';
  const make = callArguments(e, 'make');
  if (make && make[0]!.startsWith('[]')) return makeSlice(make.slice(1));
  const toSlice = /^\(?\[\](?:byte|rune)\)?\((.*)\)$/.exec(e);
  if (toSlice) {
    // A non-empty string literal converted is copied each time (runtime/string.go stringtoslicebyte).
    return /^"(?:[^"\\]|\\.)+"$|^`[^`]+`$/.test(toSlice[1]!) ? 'allocates' : 'empty-string';
  }
  if (/^\(?string\)?\(/.test(e)) return 'short-string';
  if (isConcatenation(e)) return 'concat-reuse';
  // The empty literal's backing store is zerobase; boxed into an interface, its slice header is not nil and
  // convTslice allocates for it (only a nil slice points at zeroVal, runtime/iface.go).
  if (/^\[\][^{]*\{\}$/.test(e)) return ctx.isBox(s) ? 'allocates' : 'zero-length';
  // An empty struct or array literal is static data, which the compiler would have reported: an escaping `T{}`
  // it is silent about is a map or slice literal of a named type.
  if (ctx.walkReports && /^[\w.]+(?:\[.*\])?\{\}$/.test(e)) return 'empty-literal';
  if (!ctx.isBox(s)) return 'allocates';
  // A struct or array literal of constants is static data, which the compiler would have reported: one it is
  // silent about with two or more elements is of no type the runtime boxes without allocating.
  if (ctx.walkReports && /^(?:\[\d+\])*[\w.]+(?:\[.*\])?\{\.\.\.\}$/.test(e) && (literalAt(s, ctx) ?? 0) >= 2) return 'composite-literal';
  return 'runtime-fast-path';
}

/** `make([]T, len)` or `make([]T, len, cap)`: the capacity decides the size; a constant 0 none at all. */
function makeSlice(sizes: string[]): AllocationRuleId {
  const constant = (a: string | undefined): boolean => a !== undefined && isConstant(a);
  const zero = (a: string | undefined): boolean => a !== undefined && /^0+$/.test(a);
  const [len, cap] = sizes;
  const size = cap ?? len;
  if (constant(size)) return zero(size) ? 'zero-length' : 'allocates';
  // A capacity known only at run time is at least the length: a constant non-zero length allocates.
  return constant(len) && !zero(len) ? 'allocates' : 'run-time-length';
}

/** The number of elements of the literal whose `{` is at the site's position, read from the source (null when unreadable). */
function literalAt(s: Site, ctx: AllocationContext): number | null {
  const first = ctx.sourceLine?.(s.file, s.line);
  if (first === undefined) return null;
  // Go's columns count bytes.
  let text = new TextDecoder().decode(new TextEncoder().encode(first).subarray(s.column - 1));
  if (!text.startsWith('{')) return null; // code inlined here: the position is the call's
  for (let i = 1; i <= 50; i++) {
    const n = literalElements(text);
    if (n !== null) return n;
    const next = ctx.sourceLine?.(s.file, s.line + i);
    if (next === undefined) return null;
    text += '\n' + next;
  }
  return null;
}
