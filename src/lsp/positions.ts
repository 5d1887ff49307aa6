// The compiler counts columns in bytes from 1; LSP counts UTF-16 code units from 0. Converting needs the line's text.

import type { Position, Range } from 'vscode-languageserver/node';

/** The UTF-16 offset of the 1-based byte column `col` in `text`. */
export function utf16Column(text: string, col: number): number {
  const bytes = Buffer.from(text, 'utf8');
  return bytes.subarray(0, Math.max(0, Math.min(col - 1, bytes.length))).toString('utf8').length;
}

/** The range of the word at the compiler's position: `expr` when the line spells it there, else the identifier or
 *  one character. */
export function siteRange(lines: string[], line: number, col: number, expr: string): Range {
  const text = lines[line - 1] ?? '';
  const start: Position = { line: line - 1, character: utf16Column(text, col) };
  const rest = text.slice(start.character);
  const len = expr && rest.startsWith(expr) ? expr.length : (/^[\p{L}\p{N}_]+/u.exec(rest)?.[0].length ?? 1);
  return { start, end: { line: start.line, character: start.character + Math.max(1, len) } };
}

export const splitLines = (text: string): string[] => text.split(/\r?\n/);
