// Whether a --bench pattern is one Go's regexp package (RE2 syntax) compiles, checked before anything is built:
// go test would otherwise build every test binary and then have each one exit with "invalid regexp". The check
// is Node's RegExp on the pattern with RE2's own spellings mapped to Node's, plus what RE2 rejects and Node
// accepts: lookarounds, backreferences, unknown letter escapes, repetition counts over 1000
// (regexp/syntax/parse.go). A pattern that passes here and still fails in Go is caught by the test binary, whose
// early exit is reported with its output (bench-problems.ts).

import { t } from '../i18n/t.js';

/** Letters Go's regexp gives a meaning after a backslash (regexp/syntax/parse.go, parseEscape and friends). */
const GO_ESCAPE_LETTERS = new Set('afnrtvxdDsSwWbBAzpPQE');

/** Why Go would reject the pattern, or null when it compiles there (as far as this check can tell). */
export function re2SyntaxError(pattern: string): string | null {
  let js = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) return t('cli.re2.trailingBackslash');
      if (/[1-9]/.test(next) && !/[0-9]/.test(pattern[i + 2] ?? '')) return t('cli.re2.backreference', { escape: `\\${next}` });
      if (/[a-zA-Z]/.test(next) && !GO_ESCAPE_LETTERS.has(next)) return t('cli.re2.invalidEscape', { escape: `\\${next}` });
      if (next === 'Q') {
        // \Q...\E: everything between is literal.
        const end = pattern.indexOf('\\E', i + 2);
        const lit = pattern.slice(i + 2, end < 0 ? undefined : end);
        js += lit.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
        i = end < 0 ? pattern.length : end + 1;
        continue;
      }
      if (next === 'z') js += '$';
      else if (next === 'A') js += '^';
      else if ((next === 'p' || next === 'P') && !inClass) {
        // \pL or \p{Greek}: a class Node spells differently (and only with the u flag); any character will do.
        const m = /^\\[pP](\{[^}]*\}|[A-Za-z])/.exec(pattern.slice(i));
        if (!m) return t('cli.re2.invalidClassRange');
        js += '.';
        i += m[0].length - 1;
        continue;
      } else js += ch + next;
      i++;
      continue;
    }
    if (inClass) {
      if (pattern.startsWith('[:', i)) {
        // [[:alpha:]]: a POSIX class inside a class.
        const end = pattern.indexOf(':]', i + 2);
        if (end > 0) {
          js += 'a';
          i = end + 1;
          continue;
        }
      }
      if (ch === ']') inClass = false;
      js += ch;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      js += ch;
      // A ] right after [ or [^ is a literal.
      if (pattern[i + 1] === '^') js += pattern[++i];
      if (pattern[i + 1] === ']') js += '\\' + pattern[++i];
      continue;
    }
    if (ch === '(' && pattern[i + 1] === '?') {
      const rest = pattern.slice(i + 2);
      if (/^(=|!|<=|<!)/.test(rest)) return t('cli.re2.lookaround');
      const flags = /^([imsU]*(?:-[imsU]+)?)(\)|:)/.exec(rest);
      if (flags) {
        // Inline flags: (?i) sets them for what follows, (?i:...) groups; Go takes an empty (?) too.
        js += flags[2] === ':' ? '(?:' : '';
        i += 1 + flags[0].length;
        continue;
      }
      const named = /^P?<([A-Za-z0-9_]+)>/.exec(rest);
      if (named) {
        js += `(?<${named[1]}>`;
        i += 1 + named[0].length;
        continue;
      }
    }
    if (ch === '{') {
      const rep = /^\{(\d+)(?:,(\d*))?\}/.exec(pattern.slice(i));
      if (rep && (Number(rep[1]) > 1000 || Number(rep[2] || 0) > 1000)) return t('cli.re2.invalidRepeat', { repeat: rep[0] });
    }
    js += ch;
  }
  try {
    new RegExp(js);
    return null;
  } catch (e) {
    // Node's words after its "Invalid regular expression: /.../: " prefix.
    return (e as Error).message.replace(/^.*\/: /, '').toLowerCase();
  }
}
