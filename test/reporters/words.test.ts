// The reporters' way to a message (src/reporters/words.ts): counts printed as the code always printed them, a
// plural chosen by `count`, a label spaced as its language spaces it, and padding in terminal columns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labelled, padEnd, padStart, say, width } from '../../src/reporters/words.js';
import { t } from '../../src/i18n/t.js';
import type { Lang } from '../../src/i18n/lang.js';

function inLang<T>(lang: Lang, f: () => T): T {
  t.setLang(lang);
  try {
    return f();
  } finally {
    t.setLang('en');
  }
}

test('say: figures without grouping, the plural chosen by count, in each language', () => {
  assert.equal(say('report.sum.stack', { stack: 12345, leaking: 0 }), '12345 stack decisions, 0 leaking parameters');
  assert.equal(say('report.pkg.count', { count: 1, n: 1 }), ' (1 heap site)');
  assert.equal(say('report.pkg.count', { count: 1234, n: 1234 }), ' (1234 heap sites)');
  assert.equal(
    inLang('zh-CN', () => say('report.pkg.count', { count: 1234, n: 1234 })),
    '（1234 个堆分配点）',
  );
});

test('labelled: a space after an ASCII colon, none after a full-width one', () => {
  assert.equal(labelled(say('report.label.fix'), 'x'), 'fix: x');
  assert.equal(
    inLang('zh-CN', () => labelled(say('report.label.fix'), 'x')),
    '修复建议：x',
  );
});

test('width and padding count terminal columns: CJK two, colour codes none', () => {
  assert.equal(width('为什么：'), 8);
  assert.equal(width('\x1b[36mwhy:\x1b[39m'), 4);
  assert.equal(padEnd('相对旧版', 10), '相对旧版  ');
  assert.equal(padStart('堆', 4), '  堆');
  assert.equal(padEnd('toolong', 3), 'toolong');
});
