// heapscope's source directives, written as Go's own (`//go:noinline`): `//heapscope:KIND [argument]`.
//   noescape          on a line (at its end, or alone above it): nothing on the line may be a heap allocation
//   noalloc           in a function's doc comment: no heap allocation in the function, nor in code inlined into it
//                     or in its func literals
//   inline            in a function's doc comment: the compiler can inline the function
//   ignore REASON     on a line: its violations are not failures; the reason is kept in the output
// What the check found (join/check.ts) is a CheckReport.

import type { Site } from './types.js';

export type DirectiveKind = 'noescape' | 'noalloc' | 'inline' | 'ignore';

export const DIRECTIVE_KINDS: readonly DirectiveKind[] = ['noescape', 'noalloc', 'inline', 'ignore'];

export interface Directive {
  /** Model-relative file, the comment's position. */
  file: string;
  line: number;
  column: number;
  /** The comment as written, after `//heapscope:`. */
  text: string;
  kind: DirectiveKind | null;
  /** ignore's reason. */
  argument: string;
  /** The line it governs (line directives), 0 when none. */
  target: number;
  /** The function it governs (doc-comment directives): its name as the compiler prints it, and its span. */
  func?: { name: string; line: number; endLine: number; column: number; endColumn: number };
}

export function parseDirectiveText(text: string): { kind: DirectiveKind | null; argument: string } {
  const m = /^(\S+)\s*(.*)$/.exec(text);
  const word = m?.[1] ?? '';
  return { kind: (DIRECTIVE_KINDS as readonly string[]).includes(word) ? (word as DirectiveKind) : null, argument: (m?.[2] ?? '').trim() };
}

export type ViolationRule = 'noescape' | 'noalloc' | 'inline' | 'baseline';

export interface Violation {
  rule: ViolationRule;
  /** The directive broken; null for a site new against the baseline, or in a package the configuration file makes
   *  noalloc (then `fromConfig` is set). */
  directive: Directive | null;
  fromConfig?: boolean;
  /** The heap site that breaks it (noescape, noalloc, baseline). */
  site?: Site;
  /** What is wrong, in a few words (inline: the compiler's reason it cannot inline). */
  message: string;
  /** check --bench: an allocation a benchmark measured in a noalloc function (the line it was charged to). */
  measured?: { benchmark: string; file: string; line: number; allocsPerOp: number; bytesPerOp: number; innermost: string | null };
  /** Set when an ignore directive on the site's line silences it: its reason. */
  ignored?: string;
}

/** A directive that checks nothing: unknown, misplaced, without a line or a compiled function to govern. */
export interface StaleDirective {
  directive: Directive;
  why: string;
}

export interface CheckReport {
  schemaVersion: 1;
  go: { version: string; goos: string; goarch: string };
  root: string;
  directives: number;
  violations: Violation[];
  stale: StaleDirective[];
  baseline?: { file: string; sites: number; new: number };
  packages: { importPath: string; errors: string[] }[];
}
