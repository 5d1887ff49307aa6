// Reads two kinds of top-level declarations from a Go source file: what its named types are (a map, a slice, or
// something else) and what it imports. The compiler prints a named map or slice literal as `Labels{...}`, just as
// a struct literal; when its flows do not show which it is (constant keys and elements, or scalars, leave no
// notes), the type's declaration does. Only what that needs is lexed: comments, strings, runes and brackets.

export type TypeKind = 'map' | 'slice' | 'other';

export interface GoDecls {
  /** Top-level type names: `map`, `slice`, `other`, or `=Name` / `=pkg.Name` for a type defined by another name. */
  types: Map<string, TypeKind | `=${string}`>;
  /** Imports: the name given (`""` when none), and the path. */
  imports: { name: string; path: string }[];
}

const [SLASH, STAR, DQUOTE, SQUOTE, BACKQUOTE, NL, BACKSLASH] = [...'/*"\'`\n\\'].map((ch) => ch.charCodeAt(0));

/**
 * The text with comments blanked (newlines kept) and every string and rune literal left in place. Built from
 * whole runs of the source, not a character at a time: appending each character made a rope of one node per
 * character, hundreds of MiB over the standard library's files, much of it living long enough to reach the old
 * generation.
 */
function withoutComments(s: string): string {
  const parts: string[] = [];
  let from = 0; // start of the run of source not yet copied
  for (let i = 0; i < s.length;) {
    const c = s.charCodeAt(i);
    const next = s.charCodeAt(i + 1);
    if (c === SLASH && next === SLASH) {
      const nl = s.indexOf('\n', i);
      parts.push(s.slice(from, i));
      i = from = nl < 0 ? s.length : nl;
    } else if (c === SLASH && next === STAR) {
      const end = s.indexOf('*/', i + 2);
      const stop = end < 0 ? s.length : end + 2;
      parts.push(s.slice(from, i), s.slice(i, stop).replace(/[^\n]/g, ' '));
      i = from = stop;
    } else if (c === DQUOTE || c === SQUOTE || c === BACKQUOTE) {
      let j = i + 1;
      while (j < s.length && s.charCodeAt(j) !== c && !(c !== BACKQUOTE && s.charCodeAt(j) === NL))
        j += c !== BACKQUOTE && s.charCodeAt(j) === BACKSLASH ? 2 : 1;
      i = j + 1;
    } else i++;
  }
  parts.push(s.slice(from));
  return parts.join('');
}

/** Splits a declaration group's body into its specs: at newlines and `;` outside brackets and literals. */
function specs(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < body.length && body[j] !== c) j += c !== '`' && body[j] === '\\' ? 2 : 1;
      i = j;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if ((c === '\n' || c === ';') && depth === 0) {
      out.push(body.slice(from, i).trim());
      from = i + 1;
    }
  }
  out.push(body.slice(from).trim());
  return out.filter((s) => s !== '');
}

/** Index after the group opening at i (`(`, `[`, `{`), literals skipped. */
function closeOf(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const c = s[j]!;
    if (c === '"' || c === "'" || c === '`') {
      let k = j + 1;
      while (k < s.length && s[k] !== c) k += c !== '`' && s[k] === '\\' ? 2 : 1;
      j = k;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && --depth === 0) return j + 1;
  }
  return s.length;
}

const IDENT = String.raw`[\p{L}_][\p{L}\p{N}_]*`;
// `Name T`, `Name = T`, `Name[P any] T`: gofmt writes type parameters against the name, an array type apart.
const TYPE_SPEC = new RegExp(String.raw`^(${IDENT})(?:\[[^\]]*(?:\[[^\]]*\][^\]]*)*\])?\s*=?\s*(.*)$`, 'su');

function kindOf(type: string): TypeKind | `=${string}` {
  if (type.startsWith('map[')) return 'map';
  if (type.startsWith('[]')) return 'slice';
  const named = new RegExp(String.raw`^(${IDENT}(?:\.${IDENT})?)\s*(?:\[.*)?$`, 'su').exec(type);
  return named && !['struct', 'interface', 'func', 'chan'].includes(named[1]!) ? `=${named[1]!}` : 'other';
}

export function parseGoDecls(source: string): GoDecls {
  const s = withoutComments(source);
  const types = new Map<string, TypeKind | `=${string}`>();
  const imports: GoDecls['imports'] = [];
  // Top-level declarations start a line with their keyword; function bodies and other groups are skipped whole.
  const decl = /^(type|import|func|var|const)\b/gmu;
  for (let m = decl.exec(s); m; m = decl.exec(s)) {
    let i = m.index + m[1]!.length;
    while (s[i] === ' ' || s[i] === '\t') i++;
    let body: string[];
    if (s[i] === '(') {
      const end = closeOf(s, i);
      body = specs(s.slice(i + 1, end - 1));
      decl.lastIndex = end;
    } else {
      const nl = s.indexOf('\n', i);
      let end = nl < 0 ? s.length : nl;
      // A one-spec declaration may continue inside brackets (`type T struct {` ... `}`).
      for (let j = i; j < end; j++) if (s[j] === '{' || s[j] === '(' || s[j] === '[') end = Math.max(end, (j = closeOf(s, j) - 1) + 1);
      body = [s.slice(i, end).trim()];
      decl.lastIndex = end;
    }
    if (m[1] === 'type') {
      for (const spec of body) {
        const t = TYPE_SPEC.exec(spec);
        if (t) types.set(t[1]!, kindOf(t[2]!.trim()));
      }
    } else if (m[1] === 'import') {
      for (const spec of body) {
        const im = new RegExp(String.raw`^(${IDENT}|\.)?\s*"([^"]*)"`, 'u').exec(spec);
        if (im) imports.push({ name: im[1] ?? '', path: im[2]! });
      }
    }
  }
  return { types, imports };
}
