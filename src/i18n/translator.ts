// One way to turn a message id into text: ICU MessageFormat (intl-messageformat) over a catalogue per language,
// compiled once per message. The server side (t.ts) and the report page (web/) each make one over the catalogues
// they ship, so the page's bundle carries only its own messages.

import { IntlMessageFormat } from 'intl-messageformat';
import type { Lang } from './lang.js';

export type Values = Record<string, string | number>;
export type Catalogues<K extends string> = Record<Lang, Record<K, string>>;

export interface Translator<K extends string> {
  (id: K, values?: Values): string;
  lang(): Lang;
  setLang(lang: Lang): void;
}

/** A message made of text and plain `{name}` arguments only, as pieces: most of the catalogue, and nearly every
 *  message a report repeats per site. */
type Piece = string | { arg: string };

/**
 * The message's pieces, or null when it holds anything else (plural, select, number, date, a tag, `#`) or does not
 * parse (the library then says why). Parsed by the library's own parser, without building a formatter: its
 * constructor resolves the locale and its formatters, which cost more than the parse (measured). Element types
 * are the parser's (TYPE.literal 0, TYPE.argument 1).
 */
function piecesOf(message: string): Piece[] | null {
  let ast: ReturnType<NonNullable<typeof IntlMessageFormat.__parse>> | undefined;
  try {
    ast = IntlMessageFormat.__parse?.(message, { ignoreTag: true });
  } catch {
    return null;
  }
  if (!ast) return null;
  const pieces: Piece[] = [];
  for (const el of ast) {
    if (el.type === 0) pieces.push(el.value);
    else if (el.type === 1) pieces.push({ arg: el.value });
    else return null;
  }
  return pieces;
}

/**
 * Joins the pieces as intl-messageformat's formatToParts does for those elements (a string or number as
 * String(value), another falsy value as ''), with none of its per-call parts and merging; on std that was about
 * 0.6 s of a run that is not replayed (measured). null when it cannot say the same: then the library does.
 */
function joinPieces(pieces: Piece[], values: Values | undefined): string | null {
  let out = '';
  for (const p of pieces) {
    if (typeof p === 'string') out += p;
    else {
      if (!values || !(p.arg in values)) return null; // the library's MissingValueError
      const v: unknown = values[p.arg];
      if (typeof v === 'string') out += v;
      else if (typeof v === 'number') out += String(v);
      else if (v) return null;
    }
  }
  return out;
}

interface Compiled {
  /** Made when first needed: a message that is not plain, or values the pieces cannot take. */
  format: IntlMessageFormat | null;
  pieces: Piece[] | null;
}

export function makeTranslator<K extends string>(catalogues: Catalogues<K>, initial: Lang = 'en'): Translator<K> {
  let current: Lang = initial;
  const compiled = new Map<Lang, Map<string, Compiled>>();
  const t = ((id: K, values?: Values): string => {
    let byId = compiled.get(current);
    if (!byId) compiled.set(current, (byId = new Map()));
    let c = byId.get(id);
    if (!c) {
      const text = catalogues[current][id];
      // Nothing to parse in most messages (no argument, nothing quoted): they are their own text.
      byId.set(id, (c = { format: null, pieces: isPlain(text) ? [text] : piecesOf(text) }));
    }
    const plain = c.pieces && joinPieces(c.pieces, values);
    if (plain !== null) return plain;
    c.format ??= new IntlMessageFormat(catalogues[current][id], current, undefined, { ignoreTag: true });
    return String(c.format.format(values));
  }) as Translator<K>;
  t.lang = () => current;
  t.setLang = (l: Lang) => {
    current = l;
  };
  return t;
}

/** A message ICU MessageFormat would print unchanged: no argument braces and no apostrophe (its quoting character). */
export function isPlain(text: string): boolean {
  return !/[{}']/.test(text);
}
