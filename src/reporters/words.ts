// The reporters' way to a message: t() with counts shown as the code always wrote them (1234, not ICU's 1,234);
// a value named `count` stays a number, for a plural to choose its form. And the width a terminal gives a text:
// a CJK character takes two columns, so padding and alignment measure with string-width, not String.length.

import stringWidth from 'string-width';
import { t, type MessageId } from '../i18n/t.js';

export function say(id: MessageId, values: Record<string, string | number> = {}): string {
  const v: Record<string, string | number> = {};
  for (const [k, x] of Object.entries(values)) v[k] = typeof x === 'number' && k !== 'count' ? String(x) : x;
  return t(id, v);
}

/** A label (`fix:`, 修复建议：) and its text, spaced as the language spaces them. */
export function labelled(label: string, text: string): string {
  return say('report.labelled', { label, text });
}

/** Terminal columns of a text, colour codes left out. */
export const width = (s: string): number => stringWidth(s);

export const padEnd = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - width(s)));
export const padStart = (s: string, w: number): string => ' '.repeat(Math.max(0, w - width(s))) + s;
