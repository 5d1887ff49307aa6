// Decides, for each heap decision, whether the runtime allocates for it (model/allocation-rules.ts), from what
// the compiler itself said after escape analysis: its walk pass reports each escaping value it turned into
// static data (`-d=escapedebug=1,closure=1`, parsed into StaticValue). Where the compiler says nothing (older
// releases), only constants are recognised from the expression; nothing else is guessed.

import { allocationRule, type AllocationRuleId } from '../model/allocation-rules.js';
import type { Site, StaticValue } from '../model/types.js';
import { isConcatenation, isConstant } from '../model/expressions.js';

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
    let rule: AllocationRuleId = 'allocates';
    if (v) rule = BY_HOW[v.how]!;
    else if (s.kind === 'escapes' && isConstant(s.expr)) rule = 'constant';
    else if (s.kind === 'escapes' && isConcatenation(s.expr)) rule = 'concat-reuse';
    // An empty struct or array literal is static data, which the compiler would have reported: an escaping
    // `T{}` it is silent about is a map or slice literal of a named type, allocated as such.
    else if (s.kind === 'escapes' && ctx.walkReports && /^[\w.]+(?:\[.*\])?\{\}$/.test(s.expr)) rule = 'allocates';
    else if (ctx.isBox(s)) rule = 'runtime-fast-path';
    const r = allocationRule(rule);
    s.allocates = r.allocates;
    s.allocatesRule = r.id;
    s.allocatesReason = r.reason;
  }
}
