// The translator's own join of plain messages (text and `{name}` only) says exactly what intl-messageformat says,
// for every message of every language, with strings, numbers, empty and missing values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IntlMessageFormat } from 'intl-messageformat';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { catalogues, type MessageId } from '../../src/i18n/catalogue.js';
import { LANGS } from '../../src/i18n/lang.js';
import { makeTranslator } from '../../src/i18n/translator.js';

function names(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.literal || e.type === TYPE.pound) continue;
    out.add(e.value);
    if (e.type === TYPE.plural || e.type === TYPE.select) for (const o of Object.values(e.options)) names(o.value, out);
  }
  return out;
}

/** What the library alone makes of it: its text, or its error's class. */
function library(message: string, lang: string, values: Record<string, string | number>): string {
  try {
    return String(new IntlMessageFormat(message, lang, undefined, { ignoreTag: true }).format(values));
  } catch (e) {
    return `throws ${(e as Error).constructor.name}`;
  }
}

test('every message formats as intl-messageformat formats it, whatever its values', () => {
  let plain = 0;
  for (const lang of LANGS) {
    const t = makeTranslator(catalogues, lang);
    for (const [id, message] of Object.entries(catalogues[lang]) as [MessageId, string][]) {
      const args = [...names(parse(message, { ignoreTag: true }))];
      if (args.length && !/[{][^{}]*,/.test(message)) plain++;
      const cases: Record<string, string | number>[] = [
        Object.fromEntries(args.map((a) => [a, `<${a}>`])),
        Object.fromEntries(args.map((a, i) => [a, i % 2 ? 12345.5 : 0])),
        Object.fromEntries(args.map((a) => [a, ''])),
        Object.fromEntries(args.slice(1).map((a) => [a, 'x'])), // the first one missing
      ];
      for (const values of cases) {
        let ours: string;
        try {
          ours = t(id, values);
        } catch (e) {
          ours = `throws ${(e as Error).constructor.name}`;
        }
        assert.equal(ours, library(message, lang, values), `${lang} ${id} ${JSON.stringify(values)}`);
      }
    }
  }
  assert.ok(plain > 100, `only ${plain} plain messages with arguments`);
});
