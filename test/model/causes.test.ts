import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CAUSES, CAUSE_FIELDS, causeText, findCause, type CauseId } from '../../src/model/causes.js';
import { causesDocFile, renderCausesDoc } from '../../src/model/causes-doc.js';
import { LANGS } from '../../src/i18n/lang.js';
import { t } from '../../src/i18n/t.js';
import { repoRoot } from '../helpers/paths.js';

test('docs/causes.md and docs/causes.zh-CN.md are generated from the catalogue', () => {
  assert.deepEqual(
    LANGS.map((l) => causesDocFile(l)),
    ['causes.md', 'causes.zh-CN.md'],
  );
  for (const lang of LANGS) {
    const file = causesDocFile(lang);
    const doc = renderCausesDoc(lang);
    assert.equal(readFileSync(join(repoRoot, 'docs', file), 'utf8'), doc, `${file}: run npm run docs:causes`);
    // The language server links `## \`id\`: Title` by its slug: every cause has its heading, in catalogue order.
    const headings = [...doc.matchAll(/^## `([a-z-]+)`: (.+)$/gm)];
    assert.deepEqual(
      headings.map((m) => m[1]),
      CAUSES.map((c) => c.id),
      file,
    );
    for (const m of headings) assert.equal(m[2], causeText(m[1] as CauseId, 'title', lang), `${file} ${m[1]}`);
  }
});

test('cause ids are unique kebab-case and every cause has a fix and says how it is chosen', () => {
  const ids = CAUSES.map((c) => c.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const c of CAUSES) {
    assert.match(c.id, /^[a-z]+(-[a-z]+)*$/);
    assert.ok(c.fix.length > 20 && c.summary.length > 10 && c.explanation.length > 20 && c.chosen.length > 20, c.id);
  }
});

test("a cause's text follows the run's language, its id does not", () => {
  const c = findCause('returned-address')!;
  const english = { ...c };
  try {
    t.setLang('zh-CN');
    assert.equal(c.id, 'returned-address');
    for (const f of CAUSE_FIELDS) {
      assert.equal(c[f], causeText('returned-address', f, 'zh-CN'), f);
      assert.notEqual(c[f], english[f], f);
    }
    // Asking for a language other than the run's does not change the run's.
    assert.equal(causeText('returned-address', 'title', 'en'), english.title);
    assert.equal(t.lang(), 'zh-CN');
  } finally {
    t.setLang('en');
  }
  assert.equal(c.summary, english.summary);
});
