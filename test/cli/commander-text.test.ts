// commander's own words in Chinese, and help wrapped by terminal columns (a Chinese character is two wide).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Help } from 'commander';
import { columns, commanderError, helpConfiguration } from '../../src/cli/commander-text.js';
import { t } from '../../src/i18n/t.js';
import { englishRuns } from '../helpers/english.js';
import { runCli } from '../helpers/cli.js';

function inLang<T>(lang: 'en' | 'zh-CN', f: () => T): T {
  const before = t.lang();
  t.setLang(lang);
  try {
    return f();
  } finally {
    t.setLang(before);
  }
}

test('columns: Chinese characters and full-width punctuation are two columns, colour escapes none', () => {
  assert.equal(columns('heap'), 4);
  assert.equal(columns('逃逸到堆'), 8);
  assert.equal(columns('堆分配：1 次'), 12);
  assert.equal(columns('\x1b[1m栈\x1b[0m'), 2);
});

test('boxWrap: Chinese breaks between characters within the width, never before closing or after opening punctuation', () => {
  const wrap = helpConfiguration().boxWrap!.bind({ minWidthToWrap: 10 } as Help);
  const text = '在剖析运行中记录每一次分配，不管要多久（默认：在会很慢时采样），并且把 allocs/op 归到造成它的源码行、类型和编译器决定。';
  for (const width of [20, 41, 57]) {
    const lines = wrap(text, width).split('\n');
    assert.ok(lines.length > 1, `${width}: wrapped`);
    for (const l of lines) {
      assert.ok(columns(l) <= width, `${width}: ${l} is ${columns(l)} columns`);
      assert.doesNotMatch(l, /^[，。；：、）]/, l);
      assert.doesNotMatch(l, /（$/, l);
    }
    // Nothing lost or reordered (a break at a space drops the space).
    assert.equal(lines.join('').replace(/\s/g, ''), text.replace(/\s/g, ''));
  }
  // English wraps at spaces as commander does.
  assert.deepEqual(wrap('one two three four five six seven eight nine ten eleven', 41).split('\n'), [
    'one two three four five six seven eight',
    'nine ten eleven',
  ]);
});

test("commander's usage errors: said again in Chinese with the flags and names kept, English passed through", () => {
  const errors = [
    "error: unknown option '--bogus'\n(Did you mean --bench?)\n",
    "error: unknown command 'anlyze'\n(Did you mean one of analyze, explain?)\n",
    "error: missing required argument 'file:line'\n",
    "error: option '--port <n>' argument missing\n",
    "error: option '--format <format>' argument 'yaml' is invalid. Allowed choices are text, json.\n",
    "error: too many arguments for 'lsp'. Expected 0 arguments but got 2.\n",
  ];
  for (const e of errors) {
    assert.equal(
      inLang('en', () => commanderError(e)),
      e,
    );
    const zh = inLang('zh-CN', () => commanderError(e));
    assert.deepEqual(englishRuns(zh), [], zh);
    for (const kept of e.match(/'[^']*'|--\w+|analyze|explain/g) ?? []) assert.ok(zh.includes(kept.replace(/'/g, '')), `${kept} in ${zh}`);
    assert.ok(zh.endsWith('\n'));
  }
  // A line commander may print that this table does not know is written as it is.
  assert.equal(
    inLang('zh-CN', () => commanderError('error: something new\n')),
    'error: something new\n',
  );
});

test('help: the usage heading in Chinese is followed by the command at once (its colon is full width), in English by a space', () => {
  const zh = runCli(['--lang', 'zh-CN', '--help']);
  assert.equal(zh.code, 0);
  assert.match(zh.stdout, /^用法：heapscope \[/);
  const en = runCli(['--lang', 'en', '--help']);
  assert.match(en.stdout, /^Usage: heapscope \[/);
});
