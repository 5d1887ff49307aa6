// The command line in Chinese, run as a user runs it: --help of heapscope and every command, usage errors (its
// own and commander's), runtime errors, an unknown language, cache info, and a replayed report that follows the
// language. Chinese output holds no English sentence (englishRuns); exit codes are those of English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { runCli, tempDir, testCache } from '../helpers/cli.js';
import { englishRuns } from '../helpers/english.js';
import { fixturesDir } from '../helpers/paths.js';

/** No language from the machine running the tests: each case says its own. */
const clean = { HEAPSCOPE_LANG: '', LANGUAGE: '', LC_ALL: '', LC_MESSAGES: '', LANG: '' };
const byFlag = (args: string[]): string[] => ['--lang', 'zh-CN', ...args];
const byLocale = { ...clean, LANG: 'zh_CN.UTF-8' };

/** heapscope's main() in this process, as bin/heapscope.js calls it (quicker than a process per case). */
async function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (s) => (stdout += typeof s === 'string' ? s : Buffer.from(s).toString('utf8')),
    stderr: (s) => (stderr += s),
    stdoutTTY: false,
    stderrTTY: false,
    env: { PATH: process.env['PATH'], HOME: process.env['HOME'], NO_COLOR: '1', HEAPSCOPE_CACHE: testCache, ...env },
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

/** The usage line is a command synopsis (`heapscope cache info [options]`), not prose. */
const prose = (help: string): string => help.replace(/^(用法：|Usage:).*$/m, '');

const COMMANDS = [
  [],
  ['analyze'],
  ['bench'],
  ['explain'],
  ['check'],
  ['diff'],
  ['serve'],
  ['lsp'],
  ['cache'],
  ['cache', 'info'],
  ['cache', 'clean'],
];

test('--help of heapscope and of every command, by --lang zh-CN and by LANG=zh_CN.UTF-8, has no English sentence', async () => {
  for (const cmd of COMMANDS) {
    const en = await run([...cmd, '--help'], clean);
    assert.equal(en.code, 0, `${cmd.join(' ')}: ${en.stderr}`);
    assert.ok(englishRuns(prose(en.stdout)).length > 0, `${cmd.join(' ')}: the English help is English`);
    for (const zh of [await run(byFlag([...cmd, '--help']), clean), await run([...cmd, '--help'], byLocale)]) {
      assert.equal(zh.code, 0, `${cmd.join(' ')}: ${zh.stderr}`);
      assert.equal(zh.stderr, '');
      assert.deepEqual(englishRuns(prose(zh.stdout)), [], `${cmd.join(' ')}:\n${zh.stdout}`);
      // Flags and command names stay as typed: the same options are listed.
      const flags = (s: string): string[] => [...s.matchAll(/^ {2}(-\S+|--\S+)/gm)].map((m) => m[1]!).sort();
      assert.deepEqual(flags(zh.stdout), flags(en.stdout), cmd.join(' '));
    }
  }
});

test('usage and runtime errors of every command in Chinese, with the exit codes of English', async () => {
  const empty = tempDir('heapscope-nomod-');
  const cases: string[][] = [
    // heapscope's own usage errors, before anything runs
    ['analyze', '--top', 'x'],
    ['bench', '--count', '0'],
    ['check', '--bench', '.', '--timeout', 'soon'],
    ['bench', '--bench', '(a)\\1'],
    ['analyze', '--function', '(?=x)'],
    ['explain', 'alloc.go'],
    ['diff', '-C', empty],
    ['serve', '--port', 'http'],
    // commander's
    ['analyze', '--bogus'],
    ['analyze', '--format', 'yaml'],
    ['frobnicate'],
    ['explain'],
    // runtime: no module in the directory, no such file
    ['analyze', '-C', empty],
    ['check', '-C', empty],
    ['bench', '-C', empty],
    ['explain', '-C', empty, 'x.go:1'],
  ];
  for (const args of cases) {
    const en = await run(args, clean);
    assert.equal(en.code, 2, `${args.join(' ')}: ${en.stderr}`);
    for (const zh of [await run(byFlag(args), clean), await run(args, byLocale)]) {
      assert.equal(zh.code, en.code, `${args.join(' ')}: ${zh.stderr}`);
      assert.notEqual(zh.stderr, en.stderr);
      assert.equal(zh.stdout, '');
      assert.ok(zh.stderr.length > 0);
      assert.deepEqual(englishRuns(zh.stderr.split(empty).join(' ')), [], `${args.join(' ')}:\n${zh.stderr}`);
    }
  }
});

test('an unknown language is a usage error naming the supported ones; cache info speaks the language', () => {
  for (const [args, env] of [
    [['--lang', 'fr', 'analyze'], clean],
    [['analyze', '--lang=xx'], clean],
    [['cache', 'info'], { ...clean, HEAPSCOPE_LANG: 'de' }],
  ] as const) {
    const r = runCli([...args], { env });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /en, zh-CN/);
    assert.equal(r.stdout, '');
  }
  // --lang after the command, and as --lang=, as every command's own option.
  for (const args of [
    ['analyze', '--top', 'x', '--lang', 'zh-CN'],
    ['explain', '--lang=zh-CN', 'alloc.go'],
  ]) {
    const r = runCli(args, { env: clean });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^heapscope: /);
    assert.deepEqual(englishRuns(r.stderr), [], r.stderr);
  }
  // A language the locale names but heapscope lacks is not an error: English.
  assert.equal(runCli(['cache', 'info'], { env: { ...clean, LANG: 'fr_FR.UTF-8' } }).code, 0);
  const info = runCli(byFlag(['cache', 'info']), { env: clean });
  assert.equal(info.code, 0, info.stderr);
  assert.deepEqual(englishRuns(info.stdout), [], info.stdout);
  const json = runCli(byFlag(['cache', 'info', '--format', 'json']), { env: clean });
  assert.equal((JSON.parse(json.stdout) as { limitFrom: string }).limitFrom, 'default', 'JSON keeps its enums in English');
});

test('a zh-CN run never replays the report an English run left, and replays its own', () => {
  const env = { ...clean, HEAPSCOPE_CACHE: tempDir('heapscope-lang-cache-') };
  const mod = join(fixturesDir, 'modules', 'allocates');
  const args = ['analyze', '--verbose', '-C', mod];
  const first = runCli(args, { env });
  assert.equal(first.code, 0, first.stderr);
  const again = runCli(args, { env });
  assert.match(again.stderr, /report is replayed from the cache/);
  const zh = runCli(byFlag(args), { env });
  assert.equal(zh.code, 0, zh.stderr);
  assert.equal(englishRuns(zh.stderr).length, 0, zh.stderr);
  assert.doesNotMatch(zh.stderr, /重放/, 'not the English report, replayed');
  const zhAgain = runCli(byFlag(args), { env });
  assert.match(zhAgain.stderr, /重放/);
  assert.equal(zhAgain.stdout, zh.stdout);
  // And English is still replayed as English left it.
  const enAgain = runCli(args, { env });
  assert.match(enAgain.stderr, /report is replayed from the cache/);
  assert.equal(enAgain.stdout, first.stdout);
});

test('the problems heapscope writes around a partial report are in Chinese; the go command keeps its words', async () => {
  const broken = join(fixturesDir, 'modules', 'broken');
  const en = await run(['analyze', '-C', broken], clean);
  assert.equal(en.code, 1, en.stderr);
  const zh = await run(byFlag(['analyze', '-C', broken]), clean);
  assert.equal(zh.code, 1, zh.stderr);
  const own = zh.stderr.split('\n').filter((l) => l.startsWith('heapscope: ') && !l.startsWith('heapscope: go: '));
  assert.ok(own.length > 0, zh.stderr);
  assert.deepEqual(englishRuns(own.join('\n')), [], zh.stderr);
  assert.match(own.join('\n'), /\b2\b/, 'the count of packages that did not compile');
});
