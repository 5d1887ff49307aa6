// What the source says about a file's structure (go/srcfacts reads it with go/parser): where functions, loops and
// package-level initialisers are, which code runs only on error or panic paths, what is called in loops, which
// functions of other packages are called, which functions are generic and which are benchmarks. Spans are
// [line, column, endLine, endColumn], columns in bytes as the compiler counts them.

import type { MessageId } from '../i18n/t.js';

export type Span = readonly [number, number, number, number];

export interface SourceFunc {
  /** As the compiler prints it without type arguments: F, T.M, (*T).M. */
  name: string;
  /** From the declared name to the closing brace. */
  at: Span;
  /** One entry per result, "" where unnamed. */
  results: string[];
  generic: boolean;
}

/** Why a region runs only on an error or panic path. */
export type ColdWhy =
  | 'panic-argument'
  | 'fatal-argument'
  | 'branch-panics'
  | 'branch-fatal'
  | 'branch-exits'
  | 'branch-returns-error'
  | 'branch-records-error'
  | 'error-value-returned';

/** Why a region is cold, for people: the message that says so (i18n/en/prose.ts). */
export const COLD_WHY: Record<ColdWhy, MessageId> = {
  'panic-argument': 'prose.cold.panic-argument',
  'fatal-argument': 'prose.cold.fatal-argument',
  'branch-panics': 'prose.cold.branch-panics',
  'branch-fatal': 'prose.cold.branch-fatal',
  'branch-exits': 'prose.cold.branch-exits',
  'branch-returns-error': 'prose.cold.branch-returns-error',
  'branch-records-error': 'prose.cold.branch-records-error',
  'error-value-returned': 'prose.cold.error-value-returned',
};

export interface SourceFileFacts {
  /** Absolute path, as it was asked for. */
  file: string;
  error?: string;
  funcs: SourceFunc[];
  cold: { at: Span; why: ColdWhy }[];
  loops: Span[];
  inits: { names: string[]; at: Span }[];
  /** Names (the last part of a selector) of what is called inside loop bodies, once per call site. */
  loopCalls: string[];
  /** Names (as loopCalls) of everything called in the file, in loops or not, with how many call sites name each. */
  callNames?: Map<string, number>;
  /** Calls of functions of other packages: import path, name, the call's span. */
  calls: { path: string; name: string; at: Span }[];
  benchmarks: string[];
  /** `//heapscope:` comments (model/directives.ts reads their text). */
  directives: SourceDirective[];
}

export interface SourceDirective {
  /** After `//heapscope:`, trimmed: `noescape`, `ignore the reason`. */
  text: string;
  at: Span;
  /** The line a line directive governs: its own when code precedes it, else the next line with code; 0: none. */
  line: number;
  /** For a directive in a function's doc comment: the function, as funcs[].name, and its span. */
  func?: string;
  funcAt?: Span;
}

export function inSpan(s: Span, line: number, column: number): boolean {
  if (line < s[0] || line > s[2]) return false;
  if (line === s[0] && column < s[1]) return false;
  if (line === s[2] && column > s[3]) return false;
  return true;
}
