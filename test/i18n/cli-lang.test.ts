// Which language a run speaks: --lang, then HEAPSCOPE_LANG, then the locale as gettext reads it (LANGUAGE's
// entries unless the locale is C, then LC_ALL, LC_MESSAGES, LANG); and the replayed report follows it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveLang, UnknownLangError } from '../../src/i18n/lang.js';
import { t } from '../../src/i18n/t.js';
import { resultName } from '../../src/cache/result-cache.js';

test('resolveLang: --lang, then HEAPSCOPE_LANG, then LANGUAGE, LC_ALL, LC_MESSAGES, LANG', () => {
  const cases: [string | undefined, NodeJS.ProcessEnv, string][] = [
    [undefined, {}, 'en'],
    ['zh-CN', { HEAPSCOPE_LANG: 'en', LC_ALL: 'en_US.UTF-8' }, 'zh-CN'],
    ['en', { HEAPSCOPE_LANG: 'zh-CN', LANG: 'zh_CN.UTF-8' }, 'en'],
    [undefined, { HEAPSCOPE_LANG: 'zh', LC_ALL: 'en_US.UTF-8' }, 'zh-CN'],
    [undefined, { HEAPSCOPE_LANG: 'en', LANGUAGE: 'zh_CN', LANG: 'zh_CN.UTF-8' }, 'en'],
    ['', { HEAPSCOPE_LANG: '', LANG: 'zh_CN.UTF-8' }, 'zh-CN'],
    [undefined, { LC_ALL: 'zh_CN.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LANG: 'en_US.UTF-8' }, 'zh-CN'],
    [undefined, { LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }, 'en'],
    [undefined, { LC_ALL: '', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }, 'zh-CN'],
    [undefined, { LANG: 'zh_SG.UTF-8' }, 'zh-CN'],
    [undefined, { LANG: 'zh_TW.UTF-8' }, 'en'],
    [undefined, { LANG: 'fr_FR.UTF-8' }, 'en'],
    // LANGUAGE comes before LC_ALL (gettext), its first entry heapscope has a catalogue for...
    [undefined, { LANGUAGE: 'zh_CN:en', LC_ALL: 'en_US.UTF-8' }, 'zh-CN'],
    [undefined, { LANGUAGE: 'fr:zh_CN', LANG: 'fr_FR.UTF-8' }, 'zh-CN'],
    [undefined, { LANGUAGE: 'en:zh_CN', LANG: 'zh_CN.UTF-8' }, 'en'],
    // ...but not under the C locale, nor with no locale at all.
    [undefined, { LANGUAGE: 'zh_CN', LANG: 'C' }, 'en'],
    [undefined, { LANGUAGE: 'zh_CN', LC_ALL: 'POSIX', LANG: 'zh_CN.UTF-8' }, 'en'],
    [undefined, { LANGUAGE: 'zh_CN' }, 'en'],
  ];
  for (const [flag, env, want] of cases) assert.equal(resolveLang(flag, env), want, `${flag} ${JSON.stringify(env)}`);
});

test('resolveLang: a language named on purpose that heapscope lacks is an error naming the ones it has', () => {
  for (const [flag, env] of [
    ['fr', {}],
    [undefined, { HEAPSCOPE_LANG: 'zh_TW' }],
  ] as const) {
    assert.throws(
      () => resolveLang(flag, env),
      (e: unknown) => e instanceof UnknownLangError && e.message.includes('en, zh-CN'),
    );
  }
});

test('the replayed report of an invocation is keyed by the language', () => {
  const before = t.lang();
  try {
    t.setLang('en');
    const en = resultName('run', ['text', false]);
    assert.equal(resultName('run', ['text', false]), en);
    t.setLang('zh-CN');
    const zh = resultName('run', ['text', false]);
    assert.notEqual(zh, en);
    assert.equal(resultName('run', ['text', false]), zh);
  } finally {
    t.setLang(before);
  }
});
