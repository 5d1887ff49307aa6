// Text that came from the user's code, the compiler or a test binary, made safe to print on a terminal. A file
// name in a `//line` directive, a panic value or a b.Fatal message can hold escape sequences that clear the
// screen, retitle the window or hide text (bidirectional overrides); printed raw, they would. Each such character
// is shown in the notation of Go's strconv.Quote (`\x1b`, `\u202e`), so what the user sees names the byte their
// code holds. Newlines and tabs are kept: messages span lines on purpose. JSON output is not passed through here:
// JSON.stringify escapes the C0 range itself and the bytes must stay exact.

/**
 * C0 controls but tab and newline, DEL, C1 controls, and the invisible or direction-changing format characters:
 * soft hyphen, Arabic letter mark, zero-width space to right-to-left mark, line and paragraph separators, the
 * embeddings and overrides, word joiner to invisible plus, the isolates, the deprecated format characters, and the
 * byte order mark.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's whole purpose
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

const NAMED: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\r': '\\r', '\v': '\\v' };

function escapeChar(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  // strconv.Quote writes \xNN below 0x80 and \uNNNN above (C1 controls included).
  return code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The string with every unsafe character escaped; the same string (no copy) when there is none. */
export function safeText(s: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(s) ? s.replace(UNSAFE, escapeChar) : s;
}

/** safeText for one line: newlines and tabs escaped too, for text that must stay on the line it is printed on. */
export function safeLine(s: string): string {
  return safeText(s).replace(/\n/g, '\\n');
}
