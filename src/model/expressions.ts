// What the compiler's printed expressions are (ir/fmt.go prints nodes in "error" mode: composite literals
// as `T{...}`, func literals as `func literal`, implicit conversions as their operand). Escape analysis gives a
// location of its own (escape/expr.go, spill) to the expressions that allocate: new, make, &T{...}, slice and
// map literals, func literals and method values, string conversions and concatenations, the implicit slice of
// a variadic call, append; and to interface conversions. So an escaping expression of any other shape is a
// value boxed into an interface.

/**
 * A constant as the compiler prints one: a number, string, rune or bool literal, or a typed constant
 * (`Level(6)`, `time.Duration(5)`, `zapcore.Level(-1)`).
 */
export function isConstant(expr: string): boolean {
  let e = expr;
  const conv = /^(?:[\p{L}_][\p{L}\p{N}_]*\.)?[\p{L}_][\p{L}\p{N}_]*\((.*)\)$/u.exec(e);
  if (conv) e = conv[1]!;
  return /^(?:-?(?:\d[\d_]*(?:\.\d*)?(?:[eE][-+]?\d+)?|0[xX][\da-fA-F_]+|\.\d+)(?:[+-]\d.*i)?|"(?:[^"\\]|\\.)*"|`[^`]*`|'(?:[^'\\]|\\.)+'|true|false)$/.test(
    e,
  );
}

/** An expression that allocates memory of its own (a pointer, slice, map, closure, string), not a value boxed into an interface. */
export function allocatesItself(expr: string): boolean {
  return (
    /^(?:&|new\(|make\(|append\(|func literal$|\[\]|map\[|chan |\.\.\. argument$|\(\[\]byte\)\(|\(\[\]rune\)\(|string\(|\[\]byte\(|\[\]rune\()/.test(
      expr,
    ) || isConcatenation(expr)
  );
}

/**
 * `a + b`, `"x=" + s`: an expression that is itself a concatenation (ir/fmt.go prints OADDSTR's operands joined by
 * ` + `), not one that holds a `+` inside a call, an index or a literal (`append(s, a + b)`, `f(a + b)`).
 */
export function isConcatenation(expr: string): boolean {
  return splitTopLevel(expr, ' + ').length > 1;
}

/**
 * Splits text at each `sep` outside brackets, string and rune literals and comments (Go source or the compiler's
 * printed expressions).
 */
export function splitTopLevel(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"' || ch === "'" || ch === '`') {
      i = literalEnd(text, i);
    } else if (ch === '/' && text[i + 1] === '/') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (depth === 0 && text.startsWith(sep, i)) {
      parts.push(text.slice(start, i));
      start = i + sep.length;
      i = start - 1;
    } else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
  }
  parts.push(text.slice(start));
  return parts;
}

/** The index of the quote that closes the string or rune literal opened at `open` (the text's end if none). */
function literalEnd(text: string, open: number): number {
  const q = text[open]!;
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\' && q !== '`') i++;
    else if (text[i] === q) return i;
  }
  return text.length;
}

/** The arguments of a call as the compiler prints it (`make([]T, n, 16)` → `[]T`, `n`, `16`), or null when not one. */
export function callArguments(expr: string, callee: string): string[] | null {
  if (!expr.startsWith(`${callee}(`) || !expr.endsWith(')')) return null;
  const inner = expr.slice(callee.length + 1, -1);
  if (splitTopLevel(inner, ')').length > 1) return null; // `f(a)(b)`: two calls
  return splitTopLevel(inner, ',').map((a) => a.trim());
}

/**
 * The number of elements of the composite literal whose `{` opens `source` (Go source text from that brace on,
 * possibly over several lines); null when the literal does not close within it.
 */
export function literalElements(source: string): number | null {
  if (!source.startsWith('{')) return null;
  const body = splitTopLevel(source.slice(1), '}');
  if (body.length < 2) return null;
  const elements = splitTopLevel(body[0]!, ',').filter((e) => e.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '').trim() !== '');
  return elements.length;
}

/** The method name of a method value `x.M` / `p.x.M`, when the expression is a selector; else null. */
export function selectorName(expr: string): string | null {
  const m = /^[\p{L}_][\p{L}\p{N}_]*(?:\.[\p{L}_][\p{L}\p{N}_]*)*\.([\p{L}_][\p{L}\p{N}_]*)$/u.exec(expr);
  return m ? m[1]! : null;
}

/** A method's own name from the compiler's function name: `(*T).Write` → Write, `T.String` → String; null for functions. */
export function methodName(fn: string): string | null {
  const m = /^(?:\(\*?[^)]+\)|[\p{L}_][\p{L}\p{N}_]*(?:\[.*\])?)\.([\p{L}_][\p{L}\p{N}_]*)$/u.exec(fn);
  return m && !/\.func\d+$/.test(fn) ? m[1]! : null;
}

/**
 * A function name without go1.27's inline hash: a closure created by inlining is named `inlinee.funcN#HASH#` in
 * -m=2 explanations and -S listings (ir/func.go closureName), where HASH is 12 characters of base64; the object
 * file, the binary, profiles and `can inline` lines name it without (obj.TrimInlineHash, which this follows).
 */
export function trimInlineHash(name: string): string {
  const i = name.indexOf('#');
  if (i < 0 || name.length < i + 14 || name[i + 13] !== '#') return name;
  return name.slice(0, i) + name.slice(i + 14);
}

/**
 * A function name without its type arguments, brackets counted: `Filter[go.shape.[]int,go.shape.int]` → `Filter`,
 * `(*List[go.shape.int]).Push` → `(*List).Push`.
 */
export function stripTypeArgs(name: string): string {
  if (!name.includes('[')) return name;
  let out = '';
  let depth = 0;
  for (const ch of name) {
    if (ch === '[') depth++;
    else if (ch === ']' && depth > 0) depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}
