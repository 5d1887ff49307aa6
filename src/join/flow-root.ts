// Where a heap decision's explanation ends. The compiler explains an escape as the path from the value to the
// location it found outliving it (escape/solve.go: walkOne, explainPath, outlives). That location is one of:
// - `{heap}`: the heap itself (a global, memory reached through a pointer, a call that keeps its argument);
// - a result: `~r0`, or a named result (printed by name): the caller receives it;
// - `{storage for X}`: an allocation that is itself on the heap;
// - a variable: one that is itself moved to the heap, a named result, a variable of an enclosing function the
//   value is stored into from a closure, or one declared outside the loop the value is made in (the value
//   outlives its iteration);
// - `{temp}`: a compiler temporary (rare; the explanation says no more).

import type { FlowStep, Site } from '../model/types.js';

export type RootKind = 'heap' | 'result' | 'storage' | 'variable' | 'temp' | 'none';

export interface FlowRoot {
  kind: RootKind;
  /** `{heap}`, `~r0`, the storage's expression (`&T{...}`), or the variable's name. */
  name: string;
  /** The note that reaches the root: what puts the value there (`global = t (assign)`, `f(x) (call parameter)`). */
  last: FlowStep | null;
}

export function flowRoot(site: Site): FlowRoot {
  const end = site.flow[site.flow.length - 1];
  if (!end) return { kind: 'none', name: '', last: null };
  const dst = end.dst;
  // The root is where the last edge goes; the note that says what put the value there is the last one printed
  // (an edge can come without notes: "flow: {storage for s.exit} ← {temp}:").
  let last: FlowStep | null = null;
  for (let i = site.flow.length - 1; i >= 0 && !last; i--) if (site.flow[i]!.text !== '') last = site.flow[i]!;
  if (dst === '{heap}') return { kind: 'heap', name: dst, last };
  if (dst === '{temp}') return { kind: 'temp', name: dst, last };
  if (dst.startsWith('{storage for ') && dst.endsWith('}')) return { kind: 'storage', name: dst.slice(13, -1), last };
  if (/^~[rR]\d+$/.test(dst) || /^\S+\.~[rR]\d+$/.test(dst)) return { kind: 'result', name: dst, last };
  return { kind: 'variable', name: dst, last };
}

/** The function called in a `call parameter` note's text: `fmt.Sprintf("%d", ... argument...)` → `fmt.Sprintf`. */
export function calleeOf(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '(' && depth === 0 && i > 0) return text.slice(0, i);
  }
  return text;
}
