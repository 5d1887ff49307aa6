// The causes and rules areas of the catalogue (src/i18n/<lang>/causes.ts, rules.ts): every cause has its five
// texts and every allocation rule its reason in each language, the Chinese keeps the English's code spans and
// Go sources as printed, and has no English sentence left outside them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CAUSES, CAUSE_FIELDS, causeText, type CauseId } from '../../src/model/causes.js';
import { ALLOCATION_RULES } from '../../src/model/allocation-rules.js';
import { catalogues, type MessageId } from '../../src/i18n/catalogue.js';
import { LANGS } from '../../src/i18n/lang.js';
import { makeTranslator } from '../../src/i18n/translator.js';
import { englishRuns } from '../helpers/english.js';

const codeSpans = (s: string): string[] => [...s.matchAll(/`[^`\n]*`/g)].map((m) => m[0]);
const goSources = (s: string): string[] => [...s.matchAll(/\b\w+\/\w+\.go\b/g)].map((m) => m[0]);
const han = /\p{Script=Han}/u;

test('every cause has a title, summary, explanation, fix and chosen text in every language', () => {
  for (const c of CAUSES) {
    for (const f of CAUSE_FIELDS) {
      const en = causeText(c.id as CauseId, f, 'en');
      for (const lang of LANGS) {
        const text = causeText(c.id as CauseId, f, lang);
        assert.ok(text.trim().length > 1, `${lang} ${c.id}.${f}`);
        if (lang === 'en') continue;
        assert.notEqual(text, en, `${lang} ${c.id}.${f}: translated`);
        // The compiler's words, Go names and ids quoted in code stay exactly as in English.
        for (const span of codeSpans(en)) assert.ok(text.includes(span), `${lang} ${c.id}.${f}: keeps ${span}`);
      }
      const zh = causeText(c.id as CauseId, f, 'zh-CN');
      assert.match(zh, han, `${c.id}.${f}`);
      assert.deepEqual(englishRuns(zh), [], `${c.id}.${f}`);
    }
  }
});

test('every allocation rule has its reason in every language, citing the same Go sources', () => {
  for (const lang of LANGS) {
    const tr = makeTranslator(catalogues, lang);
    for (const r of ALLOCATION_RULES) {
      const reason = tr(`rule.${r.id}.reason` as MessageId);
      assert.ok(reason.trim(), `${lang} ${r.id}`);
      assert.deepEqual(goSources(reason), goSources(r.reason), `${lang} ${r.id}: Go sources`);
      for (const span of codeSpans(r.reason)) assert.ok(reason.includes(span), `${lang} ${r.id}: keeps ${span}`);
      if (lang === 'zh-CN') {
        assert.match(reason, han, r.id);
        assert.deepEqual(englishRuns(reason), [], r.id);
      }
    }
  }
});
