// The fixes offered as text edits: only rewrites that print exactly the same text, for operands whose type the
// compiled code names (the interface word the boxing call stores, engine-adapter.ts siteAllocations), never a type
// guessed from a name. docs/editors.md says which and why they are safe.
// - fmt.Sprintf("%d", x) → strconv.Itoa(x) when x is exactly `int` (fmt's %d of an int is strconv's base 10; `int`
//   has no methods, so no Formatter can intervene);
// - fmt.Sprint(s), fmt.Sprintf("%s", s), fmt.Sprintf("%v", s) → s when s is exactly `string` (a lone string operand
//   is printed as it is, with no padding or quoting).
// The operand must be an identifier (evaluated once either way), `fmt` must be the file's unaliased import of
// package fmt and nothing else in the file (so the call is fmt's), and the line's boxing calls must all name that
// one type. The fmt import goes when the edit removes its last use; strconv's is added when missing.

import type { TextEdit } from 'vscode-languageserver/node';
import type { Site } from '../model/types.js';
import type { SiteAllocation } from './engine-adapter.js';
import { msg } from './messages.js';

export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** The text with comments and string and rune literals blanked (newlines kept): what is left is code. With
 *  `keepStrings`, only the comments are blanked. */
export function codeOnly(text: string, keepStrings = false): string {
  let out = '';
  let i = 0;
  const blank = (s: string): string => s.replace(/[^\n]/g, ' ');
  while (i < text.length) {
    const c = text[i]!;
    let end = -1;
    if (c === '/' && text[i + 1] === '/') end = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
    else if (c === '/' && text[i + 1] === '*') end = text.indexOf('*/', i + 2) < 0 ? text.length : text.indexOf('*/', i + 2) + 2;
    else if (c === '`') end = text.indexOf('`', i + 1) < 0 ? text.length : text.indexOf('`', i + 1) + 1;
    else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      end = Math.min(j + 1, text.length);
    }
    if (end < 0) {
      out += c;
      i++;
    } else if (keepStrings && c !== '/') {
      out += text.slice(i, end);
      i = end;
    } else {
      out += blank(text.slice(i, end));
      i = end;
    }
  }
  return out;
}

interface ImportSpec {
  /** 0-based line of the spec. */
  line: number;
  name: string | null;
  path: string;
  /** A spec alone on its line inside `import ( ... )`, or a one-line `import "path"`. */
  inBlock: boolean;
}

/** The file's import specs, one per line (a file written otherwise gets no fix). */
function importsOf(lines: string[]): { specs: ImportSpec[]; blockEnd: number | null; ok: boolean } {
  const specs: ImportSpec[] = [];
  let inBlock = false;
  let blockEnd: number | null = null;
  for (let l = 0; l < lines.length; l++) {
    const t = (lines[l] ?? '').trim();
    if (inBlock) {
      if (t === ')') {
        inBlock = false;
        blockEnd ??= l;
        continue;
      }
      if (t === '') continue;
      const m = /^(?:([\p{L}_][\p{L}\p{N}_]*|\.)\s+)?"([^"]+)"$/u.exec(t);
      if (!m) return { specs, blockEnd, ok: false };
      specs.push({ line: l, name: m[1] ?? null, path: m[2]!, inBlock: true });
      continue;
    }
    if (t === 'import (') inBlock = true;
    else if (t.startsWith('import')) {
      const m = /^import\s+(?:([\p{L}_][\p{L}\p{N}_]*|\.)\s+)?"([^"]+)"$/u.exec(t);
      if (!m) return { specs, blockEnd, ok: false };
      specs.push({ line: l, name: m[1] ?? null, path: m[2]!, inBlock: false });
    } else if (/^(func|type|var|const)\b/.test(t)) break;
  }
  return { specs, blockEnd, ok: !inBlock };
}

const IDENT = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** Uses of `name` as an identifier in the code (not after a dot); `qualified` counts those followed by a dot. */
function uses(code: string, name: string): { all: number; qualified: number } {
  const re = new RegExp(`(?<![\\p{L}\\p{N}_.])${name}(?![\\p{L}\\p{N}_])(\\s*\\.)?`, 'gu');
  let all = 0;
  let qualified = 0;
  for (const m of code.matchAll(re)) {
    all++;
    if (m[1]) qualified++;
  }
  return { all, qualified };
}

const line = (l: number): TextEdit['range'] => ({ start: { line: l, character: 0 }, end: { line: l + 1, character: 0 } });
const at = (l: number): TextEdit['range'] => ({ start: { line: l, character: 0 }, end: { line: l, character: 0 } });

/** The edits to the import specs: drop fmt's (when `dropFmt`), add strconv's (when `addStrconv`). */
function importEdits(lines: string[], fmt: ImportSpec, dropFmt: boolean, addStrconv: boolean): TextEdit[] | null {
  if (!dropFmt && !addStrconv) return [];
  if (!fmt.inBlock) {
    if (dropFmt && addStrconv) return [{ range: line(fmt.line), newText: 'import "strconv"\n' }];
    if (dropFmt) return [{ range: line(fmt.line), newText: '' }];
    return [{ range: at(fmt.line + 1), newText: 'import "strconv"\n' }];
  }
  const indent = /^\s*/.exec(lines[fmt.line] ?? '')![0];
  if (dropFmt && addStrconv) return [{ range: line(fmt.line), newText: `${indent}"strconv"\n` }];
  if (dropFmt) return [{ range: line(fmt.line), newText: '' }];
  // In fmt's group, before the first path that sorts after strconv (as gofmt orders a group), else after the group.
  let l = fmt.line;
  while (l + 1 < lines.length) {
    const next = (lines[l + 1] ?? '').trim();
    if (next === '' || next === ')') break;
    l++;
  }
  for (let k = fmt.line; k <= l; k++) {
    const p = /"([^"]+)"/.exec(lines[k] ?? '')?.[1];
    if (p && p > 'strconv') return [{ range: at(k), newText: `${indent}"strconv"\n` }];
  }
  return [{ range: at(l + 1), newText: `${indent}"strconv"\n` }];
}

/** The fix for one heap site, when the site is one of the rewrites above and every condition holds. */
export function fixFor(site: Site, allocs: SiteAllocation[] | undefined, lines: string[]): Fix | null {
  if (!allocs?.length || site.kind !== 'escapes' || !IDENT.test(site.expr)) return null;
  const types = new Set(allocs.map((a) => a.goType));
  if (types.size !== 1) return null;
  const goType = [...types][0];
  const text = lines[site.line - 1] ?? '';
  const start = Buffer.from(text, 'utf8')
    .subarray(0, Math.max(0, site.column - 1))
    .toString('utf8').length;
  const before = text.slice(0, start);
  const after = text.slice(start);
  if (!after.startsWith(site.expr)) return null;
  const close = /^\s*\)/.exec(after.slice(site.expr.length));
  if (!close) return null;
  let call: RegExpExecArray | null;
  let replacement: string;
  let needsStrconv = false;
  if (goType === 'int' && (call = /(?<![\p{L}\p{N}_.])fmt\.Sprintf\(\s*"%d"\s*,\s*$/u.exec(before))) {
    replacement = `strconv.Itoa(${site.expr})`;
    needsStrconv = true;
  } else if (goType === 'string' && (call = /(?<![\p{L}\p{N}_.])fmt\.(?:Sprint\(\s*|Sprintf\(\s*"%[sv]"\s*,\s*)$/u.exec(before))) {
    replacement = site.expr;
  } else return null;
  const from = text.slice(call.index, start + site.expr.length + close[0].length);
  // Read from the code alone: a comment that spells an import is none.
  const imports = importsOf(codeOnly(lines.join('\n'), true).split('\n'));
  if (!imports.ok) return null;
  const fmt = imports.specs.find((s) => s.path === 'fmt');
  if (!fmt || fmt.name !== null || imports.specs.some((s) => s.path !== 'fmt' && (s.name ?? s.path.split('/').at(-1)) === 'fmt'))
    return null;
  // Outside the import specs: every `fmt` is a qualified use of the package (nothing declares another fmt).
  const code = codeOnly(lines.join('\n'));
  const fmtUses = uses(code, 'fmt');
  if (fmtUses.all !== fmtUses.qualified) return null;
  let addStrconv = false;
  if (needsStrconv) {
    const sc = imports.specs.find((s) => s.path === 'strconv');
    if (sc && sc.name !== null) return null;
    if (!sc) {
      // strconv must then name nothing in the file, nor be another import's name.
      if (uses(code, 'strconv').all > 0 || imports.specs.some((s) => (s.name ?? s.path.split('/').at(-1)) === 'strconv')) return null;
      addStrconv = true;
    }
  }
  const edits = importEdits(lines, fmt, fmtUses.qualified === 1, addStrconv);
  if (!edits) return null;
  edits.push({
    range: {
      start: { line: site.line - 1, character: call.index },
      end: { line: site.line - 1, character: start + site.expr.length + close[0].length },
    },
    newText: replacement,
  });
  return { title: msg.fixTitle(from, replacement), edits };
}
