// Finds where a Go function's body ends, from the position the compiler names it at (`can inline F` /
// `cannot inline F`: the name of a declaration, the `func` keyword of a literal). The compiler says where
// functions start but not where they end; without the end, a site after a closure inside a function would be
// attributed to the closure. Works on bytes because the compiler's columns count bytes.
//
// Only what brace matching needs is lexed: comments, interpreted and raw strings, runes, and the braces of
// `struct{...}` / `interface{...}` types in a signature, which are not the body.

const OPEN = 0x7b; // {
const CLOSE = 0x7d; // }

export interface SourceEnd {
  line: number;
  column: number;
}

/** Byte offset where each line starts: computed once per file, so that many functions in one file do not
 * each scan it from the top. */
export function lineStarts(src: Uint8Array): number[] {
  const starts = [0];
  for (let i = src.indexOf(0x0a); i >= 0; i = src.indexOf(0x0a, i + 1)) starts.push(i + 1);
  return starts;
}

/** Byte offset of a 1-based line and byte column, or -1. */
function offsetOf(src: Uint8Array, starts: number[], line: number, column: number): number {
  const lineStart = starts[line - 1];
  if (lineStart === undefined || line < 1) return -1;
  const off = lineStart + column - 1;
  return off >= 0 && off < src.length ? off : -1;
}

/** Skips a comment, string or rune starting at i; returns the index after it, or i when there is none. */
function skipLiteral(src: Uint8Array, i: number): number {
  const c = src[i];
  if (c === 0x2f && src[i + 1] === 0x2f) {
    const nl = src.indexOf(0x0a, i);
    return nl < 0 ? src.length : nl;
  }
  if (c === 0x2f && src[i + 1] === 0x2a) {
    for (let j = i + 2; j < src.length - 1; j++) if (src[j] === 0x2a && src[j + 1] === 0x2f) return j + 2;
    return src.length;
  }
  if (c === 0x60) {
    const end = src.indexOf(0x60, i + 1);
    return end < 0 ? src.length : end + 1;
  }
  if (c === 0x22 || c === 0x27) {
    for (let j = i + 1; j < src.length; j++) {
      if (src[j] === 0x5c) j++;
      else if (src[j] === c || src[j] === 0x0a) return j + 1;
    }
    return src.length;
  }
  return i;
}

const isIdent = (c: number | undefined): boolean =>
  c !== undefined && ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c >= 0x80);

/** The identifier that ends just before index i (skipping spaces), e.g. `struct` before `{`. */
function wordBefore(src: Uint8Array, i: number): string {
  let j = i - 1;
  while (j >= 0 && (src[j] === 0x20 || src[j] === 0x09 || src[j] === 0x0a || src[j] === 0x0d)) j--;
  const end = j + 1;
  while (j >= 0 && isIdent(src[j])) j--;
  return Buffer.from(src.subarray(j + 1, end)).toString('latin1');
}

/** Index after the brace matching the one at i. */
function matchBrace(src: Uint8Array, i: number): number {
  let depth = 0;
  for (let j = i; j < src.length;) {
    const skipped = skipLiteral(src, j);
    if (skipped !== j) {
      j = skipped;
      continue;
    }
    if (src[j] === OPEN) depth++;
    else if (src[j] === CLOSE && --depth === 0) return j + 1;
    j++;
  }
  return src.length;
}

function positionOf(starts: number[], off: number): SourceEnd {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= off) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: off - starts[lo]! + 1 };
}

/** The position of the closing brace of the function named at (line, column), or null if none is found. */
export function functionEnd(src: Uint8Array, line: number, column: number, starts = lineStarts(src)): SourceEnd | null {
  const start = offsetOf(src, starts, line, column);
  if (start < 0) return null;
  let parens = 0;
  for (let i = start; i < src.length;) {
    const skipped = skipLiteral(src, i);
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    const c = src[i];
    if (c === 0x28 || c === 0x5b) parens++;
    else if (c === 0x29 || c === 0x5d) parens--;
    else if (c === OPEN) {
      const w = wordBefore(src, i);
      if (parens > 0 || w === 'struct' || w === 'interface') {
        i = matchBrace(src, i);
        continue;
      }
      return positionOf(starts, matchBrace(src, i) - 1);
    } else if (c === 0x0a && parens === 0) {
      // Outside parentheses a signature cannot continue on the next line: no body (an assembly function).
      return null;
    }
    i++;
  }
  return null;
}

const isSpace = (c: number | undefined): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** Index after the bracket group ( ) or [ ] opening at i, skipping comments and literals. */
function matchGroup(src: Uint8Array, i: number): number {
  let depth = 0;
  for (let j = i; j < src.length;) {
    const skipped = skipLiteral(src, j);
    if (skipped !== j) {
      j = skipped;
      continue;
    }
    const c = src[j];
    if (c === 0x28 || c === 0x5b || c === OPEN) depth++;
    else if ((c === 0x29 || c === 0x5d || c === CLOSE) && --depth === 0) return j + 1;
    j++;
  }
  return src.length;
}

const TYPE_KEYWORDS = new Set(['chan', 'func', 'map', 'struct', 'interface']);

/**
 * The names of the named results of the function declared at (line, column): the compiler's position of a
 * declaration (its name) or of a func literal (its `func` keyword). `func F(x int) (n int, err error)` → n, err;
 * an unnamed result list gives none; null when the position holds no function.
 */
export function resultNames(src: Uint8Array, line: number, column: number, starts = lineStarts(src)): string[] | null {
  let i = offsetOf(src, starts, line, column);
  if (i < 0) return null;
  // Past the name (or `func`), type parameters and the parameter list.
  while (i < src.length && isIdent(src[i])) i++;
  while (isSpace(src[i])) i++;
  if (src[i] === 0x5b) i = matchGroup(src, i);
  while (isSpace(src[i])) i++;
  if (src[i] !== 0x28) return null;
  i = matchGroup(src, i);
  while (src[i] === 0x20 || src[i] === 0x09) i++;
  if (src[i] !== 0x28) return [];
  const end = matchGroup(src, i);
  const list = Buffer.from(src.subarray(i + 1, end - 1)).toString('utf8');
  // Entries at the top level: "n int", "a, b int", "err error"; named when an entry is a name and a type.
  const entries: string[] = [];
  let depth = 0;
  let from = 0;
  for (let k = 0; k < list.length; k++) {
    const c = list[k];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      entries.push(list.slice(from, k).trim());
      from = k + 1;
    }
  }
  entries.push(list.slice(from).trim());
  const named = entries.some((e) => {
    const m = /^([\p{L}_][\p{L}\p{N}_]*)\s+\S/u.exec(e);
    return !!m && !TYPE_KEYWORDS.has(m[1]!);
  });
  if (!named) return [];
  return entries.map((e) => /^[\p{L}_][\p{L}\p{N}_]*/u.exec(e)?.[0] ?? '').filter((n) => n !== '' && n !== '_');
}
