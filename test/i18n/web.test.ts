// The page's and serve's messages: the Chinese says everything in Chinese (no English run outside the code it
// quotes), and the page's bundle carries the web catalogues of both languages and nothing of the server's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { web as enWeb } from '../../src/i18n/en/web.js';
import { web as zhWeb } from '../../src/i18n/zh-CN/web.js';
import { serve as enServe } from '../../src/i18n/en/serve.js';
import { serve as zhServe } from '../../src/i18n/zh-CN/serve.js';
import { catalogues } from '../../src/i18n/catalogue.js';
import { makeTranslator } from '../../src/i18n/translator.js';
import { englishRuns } from '../helpers/english.js';
import { repoRoot } from '../helpers/paths.js';

test('the Chinese web and serve messages hold no English run (placeholders and quoted code aside)', () => {
  const t = makeTranslator(catalogues, 'zh-CN');
  for (const id of [...Object.keys(zhWeb), ...Object.keys(zhServe)] as (keyof typeof catalogues.en)[]) {
    // Every placeholder filled with a number or a name: what is left is the message's own words.
    const values = Object.fromEntries([...catalogues.en[id].matchAll(/\{(\w+)/g)].map((m) => [m[1]!, 2]));
    const text = t(id, values);
    assert.deepEqual(englishRuns(text), [], `${id}: ${text}`);
    // Chinese, or nothing but placeholders, units and punctuation (`{allocs} allocs/op，{bytes} B/op`).
    const bare = catalogues['zh-CN'][id].replace(/\{\w+\}|allocs\/op|B\/op|\b(id|s)\b/g, '');
    assert.ok(/[\u4e00-\u9fff]/.test(bare) || !/[A-Za-z]/.test(bare), `${id} is Chinese: ${bare}`);
  }
});

test('the page bundle carries the web messages of both languages and none of the server', () => {
  const js = readFileSync(join(repoRoot, 'dist', 'web', 'report.js'), 'utf8');
  const strings = (c: Record<string, string>): string[] => Object.values(c).filter((s) => s.length > 12);
  for (const s of [...strings(enWeb), ...strings(zhWeb)]) assert.ok(js.includes(s), s);
  // Written as UTF-8, not six-byte escapes.
  assert.ok(js.includes(zhWeb['web.summary.blankTitle']));
  for (const s of [...strings(enServe), ...strings(zhServe), ...strings(catalogues.en).filter((s) => !strings(enWeb).includes(s))])
    assert.ok(!['"', "'", '`'].some((q) => js.includes(q + s + q)), `not in the page: ${s}`);
});
