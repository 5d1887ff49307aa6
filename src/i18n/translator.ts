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

export function makeTranslator<K extends string>(catalogues: Catalogues<K>, initial: Lang = 'en'): Translator<K> {
  let current: Lang = initial;
  const compiled = new Map<string, IntlMessageFormat | string>();
  const t = ((id: K, values?: Values): string => {
    const key = `${current}\0${id}`;
    let f = compiled.get(key);
    if (f === undefined) {
      const text = catalogues[current][id];
      // Most messages have no placeholder and nothing to unquote: they are their own text, and building a formatter
      // for each (parsing it, resolving the locale) was a tenth of heapscope's start-up.
      f = isPlain(text) ? text : new IntlMessageFormat(text, current, undefined, { ignoreTag: true });
      compiled.set(key, f);
    }
    return typeof f === 'string' ? f : String(f.format(values));
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
