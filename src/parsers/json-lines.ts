// Strict JSON (RFC 8259) with the line of every member: a configuration problem names its line, which JSON.parse
// cannot tell. One pass over the text checks its syntax (a trailing comma, a duplicate key, a missing comma are
// refused with their line); JSON.parse, native and linear, then builds the value. Only when a caller asks where a
// value is does a second pass note where each one starts, by JSON pointer as Ajv's instancePath writes it.
// Iterative, so nesting depth costs no stack. (A hand-written scan rather than a dependency: jsonc-parser, the
// maintained parser with positions, is not among heapscope's dependencies, and the check is some 150 lines.)
import { t as say } from '../i18n/t.js';

type SyntaxProblem = { ok: false; line: number; message: string };

export type JsonLinesResult = { ok: true; value: unknown; lineOf: (pointer: string) => number } | SyntaxProblem;

/** Deeper than any configuration needs, shallow enough that nothing downstream recurses far. */
export const MAX_DEPTH = 64;

interface Frame {
  kind: '{' | '[';
  pointer: string;
  /** The object's keys so far, for duplicates: its first alone, a set from the second on (most objects are small). */
  firstKey: string | null;
  keys: Set<string> | null;
  index: number;
}

// Example: -12.5e+3
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
// Example: "a \"quoted\" \u00e9 key" (no raw control characters; escapes as JSON allows them)
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings
const STRING = /"[^"\\\u0000-\u001f]*(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\u0000-\u001f]*)*"/y;

/** `~` and `/` escaped as in a JSON pointer (RFC 6901), as Ajv writes instancePath. */
export function pointerToken(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * The value of a JSON text, or its first syntax error with its line. lineOf(pointer) is the line where the value at
 * that pointer starts (or its nearest ancestor's); the lines are gathered by a second scan when first asked for,
 * so a valid file is read without them (noting 120,000 pointers took longer than the rest of the read).
 */
export function parseJsonWithLines(text: string): JsonLinesResult {
  const problem = scan(text, null);
  if (problem) return problem;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // Not expected after the scan; said rather than thrown.
    return { ok: false, line: 1, message: say('sweep.json.invalid', { error: (e as Error).message.slice(0, 200) }) };
  }
  let lines: Map<string, number> | null = null;
  const lineOf = (pointer: string): number => {
    if (!lines) scan(text, (lines = new Map()));
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const l = lines.get(p);
      if (l !== undefined || p === '') return l ?? 1;
    }
  };
  return { ok: true, value, lineOf };
}

/** Checks the syntax (null when it is valid); given a map, notes the line each value starts on by its pointer. */
function scan(text: string, lines: Map<string, number> | null): SyntaxProblem | null {
  const stack: Frame[] = [];
  let i = 0;
  let line = 1;
  // What the next token may be: a value (at the top, after ':' or ',' in an array), a key (after '{' or ',' in
  // an object), or what follows a value (',' or the end of its container).
  let expect: 'value' | 'key' | 'after' = 'value';
  // The token before: just after '{' or '[' a container may end; just after ',' it may not (a trailing comma).
  let prev: 'open' | 'comma' | 'other' = 'other';
  let commaLine = 0;
  let pendingKey: string | null = null;
  const fail = (message: string, at = line): SyntaxProblem => ({ ok: false, line: at, message });
  const skipSpace = (): void => {
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) line++;
      else if (c !== 32 && c !== 9 && c !== 13) break;
    }
  };
  const describe = (): string => {
    if (i >= text.length) return say('sweep.json.end');
    const cp = text.codePointAt(i)!;
    return cp < 0x20 || cp === 0x7f
      ? say('sweep.json.char', { cp: cp.toString(16).toUpperCase().padStart(4, '0') })
      : JSON.stringify(String.fromCodePoint(cp));
  };
  for (;;) {
    skipSpace();
    const top = stack[stack.length - 1];
    if (expect === 'after') {
      if (!top) {
        if (i < text.length) return fail(say('sweep.json.afterValue', { found: describe() }));
        break;
      }
      const c = text[i];
      if (c === ',') {
        i++;
        commaLine = line;
        prev = 'comma';
        expect = top.kind === '{' ? 'key' : 'value';
        continue;
      }
      if (c === (top.kind === '{' ? '}' : ']')) {
        i++;
        stack.pop();
        expect = 'after';
        continue;
      }
      return fail(say('sweep.json.expectedComma', { close: top.kind === '{' ? '}' : ']', found: describe() }));
    }
    const c = text[i];
    const close = top && prev !== 'other' && c === (top.kind === '{' ? '}' : ']');
    if (close && prev === 'open') {
      i++;
      stack.pop();
      expect = 'after';
      continue;
    }
    if (close) return fail(say('sweep.json.trailingComma', { close: c }), commaLine);
    if (expect === 'key') {
      STRING.lastIndex = i;
      const m = STRING.exec(text);
      if (!m) return fail(say('sweep.json.expectedKey', { found: describe() }));
      const key = m[0].includes('\\') ? (JSON.parse(m[0]) as string) : m[0].slice(1, -1);
      const o = top!;
      if (o.firstKey === null) o.firstKey = key;
      else {
        o.keys ??= new Set([o.firstKey]);
        if (o.keys.has(key)) return fail(say('sweep.json.duplicate', { key: m[0] }));
        o.keys.add(key);
      }
      i += m[0].length;
      skipSpace();
      if (text[i] !== ':') return fail(say('sweep.json.expectedColon', { key: m[0], found: describe() }));
      i++;
      pendingKey = key;
      expect = 'value';
      prev = 'other';
      continue;
    }
    // A value: note where it starts, under its pointer.
    let pointer = '';
    if (lines) {
      if (top?.kind === '{') pointer = `${top.pointer}/${pointerToken(pendingKey!)}`;
      else if (top?.kind === '[') pointer = `${top.pointer}/${top.index++}`;
      lines.set(pointer, line);
    }
    if (c === '{' || c === '[') {
      if (stack.length >= MAX_DEPTH) return fail(say('sweep.json.tooDeep', { max: MAX_DEPTH }));
      i++;
      stack.push({ kind: c, pointer, firstKey: null, keys: null, index: 0 });
      expect = c === '{' ? 'key' : 'value';
      prev = 'open';
      continue;
    }
    let len: number;
    if (c === '"') {
      STRING.lastIndex = i;
      len = STRING.exec(text)?.[0].length ?? 0;
      if (!len) return fail(say('sweep.json.badString'));
    } else if (text.startsWith('true', i)) len = 4;
    else if (text.startsWith('false', i)) len = 5;
    else if (text.startsWith('null', i)) len = 4;
    else {
      NUMBER.lastIndex = i;
      len = NUMBER.exec(text)?.[0].length ?? 0;
    }
    if (!len) return fail(say('sweep.json.expectedValue', { found: describe() }));
    i += len;
    expect = 'after';
    prev = 'other';
  }
  return null;
}
