// Every message exists in every language with the same placeholders, parses as ICU MessageFormat, formats with
// its placeholders filled, and is used by heapscope's code: a missing, broken or unused message fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { catalogues } from '../../src/i18n/catalogue.js';
import { LANGS } from '../../src/i18n/lang.js';
import { IntlMessageFormat } from 'intl-messageformat';
import { isPlain, makeTranslator } from '../../src/i18n/translator.js';
import { repoRoot } from '../helpers/paths.js';

function placeholders(elements: MessageFormatElement[], out = new Map<string, number>()): Map<string, number> {
  for (const e of elements) {
    if (e.type === TYPE.literal || e.type === TYPE.pound) continue;
    out.set(e.value, e.type);
    if (e.type === TYPE.plural || e.type === TYPE.select) for (const o of Object.values(e.options)) placeholders(o.value, out);
  }
  return out;
}

const sample = (type: number): string | number => (type === TYPE.number || type === TYPE.plural ? 2 : 'x');

test('every language has every message, with the same placeholders, and each formats', () => {
  const ids = Object.keys(catalogues.en).sort();
  assert.ok(ids.length > 0);
  for (const lang of LANGS) {
    assert.deepEqual(Object.keys(catalogues[lang]).sort(), ids, `${lang}: the same ids as en`);
    const t = makeTranslator(catalogues, lang);
    for (const id of ids) {
      const text = catalogues[lang][id as keyof (typeof catalogues)['en']];
      assert.ok(text.trim(), `${lang} ${id}: not empty`);
      const want = placeholders(parse(catalogues.en[id as keyof (typeof catalogues)['en']], { ignoreTag: true }));
      const got = placeholders(parse(text, { ignoreTag: true }));
      assert.deepEqual([...got.keys()].sort(), [...want.keys()].sort(), `${lang} ${id}: placeholders`);
      const values = Object.fromEntries([...want].map(([k, type]) => [k, sample(type)]));
      assert.equal(typeof t(id as keyof (typeof catalogues)['en'], values), 'string');
    }
  }
});

test('a message taken as plain text is exactly what ICU MessageFormat prints for it', () => {
  let plain = 0;
  for (const lang of LANGS)
    for (const text of Object.values(catalogues[lang]) as string[]) {
      if (!isPlain(text)) continue;
      plain++;
      assert.equal(String(new IntlMessageFormat(text, lang, undefined, { ignoreTag: true }).format()), text);
    }
  assert.ok(plain > 100, `${plain} plain messages`);
  // What ICU would change is not plain: a quoted brace, a doubled apostrophe, an argument.
  for (const text of ["'{'x'}'", "it''s", '{n} sites']) assert.equal(isPlain(text), false, text);
});

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (!LANGS.includes(name as (typeof LANGS)[number])) sources(p, out);
    } else if (/\.(ts|mts)$/.test(name)) out.push(p);
  }
  return out;
}

test('every message is used by the code (its id appears outside the catalogues)', () => {
  const text = [...sources(join(repoRoot, 'src')), ...sources(join(repoRoot, 'web', 'src'))].map((f) => readFileSync(f, 'utf8')).join('\n');
  // Ids built from a prefix and a known key (cause.<id>.title) are declared used by their prefix in code:
  // `t(\`cause.${id}.title\`)`; a test of those families checks each member exists.
  const unused = Object.keys(catalogues.en).filter((id) => {
    if (text.includes(`'${id}'`) || text.includes(`"${id}"`)) return false;
    const prefix = id.slice(0, id.indexOf('.') + 1);
    return !text.includes(`\`${prefix}\${`);
  });
  assert.deepEqual(unused, []);
});
