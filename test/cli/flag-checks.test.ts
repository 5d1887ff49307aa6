// The flag values checked before anything runs: what go test accepts passes, what it rejects is a usage error
// naming the flag. Each case is a table row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBenchPattern, checkBenchtime, checkCount, checkTimeout } from '../../src/cli/flag-checks.js';
import { re2SyntaxError } from '../../src/cli/re2-syntax.js';
import { UsageError } from '../../src/errors/errors.js';

const rejects = (f: () => unknown, flag: string): void =>
  assert.throws(f, (e: unknown) => e instanceof UsageError && e.message.startsWith(flag));

test('--timeout: Go durations, 0 for none', () => {
  for (const ok of ['10m', '1m30s', '500ms', '1.5h', '.5s', '2us', '3µs', '3μs', '1h2m3s4ms', '0', '0s']) checkTimeout(ok);
  for (const bad of ['banana', '1', '', '10', '5x', '1d', '-1s', '1m ', ' 1m']) rejects(() => checkTimeout(bad), `--timeout ${bad}`);
});

test('--benchtime: a count (Nx) or a duration, above zero', () => {
  for (const ok of ['1s', '20000x', '+5x', '500ms', '1m']) checkBenchtime(ok);
  for (const bad of ['banana', '1', '0x', '-5x', 'x', '1.5x', '0s', '-1s', '10']) rejects(() => checkBenchtime(bad), `--benchtime ${bad}`);
});

test('--count: a positive decimal number', () => {
  assert.equal(checkCount('3'), 3);
  for (const bad of ['0', '-1', '1e1', '0x2', ' 2', '2.0', '', 'one']) rejects(() => checkCount(bad), `--count ${bad}`);
});

test('--bench: what RE2 rejects is rejected, what it accepts passes', () => {
  for (const ok of [
    '.',
    'BenchmarkFoo',
    '^Benchmark(Foo|Bar)$',
    'Foo/size=8',
    '(?i)foo',
    '(?i:foo)bar',
    '(?P<name>x)',
    '(?<name>x)',
    '\\pL+',
    '\\p{Greek}',
    '[[:alpha:]]+',
    'a\\z',
    '\\Q(.*)\\E',
    '[]a]',
    'x{2,1000}',
    '\\.',
    '(?)',
  ])
    assert.equal(re2SyntaxError(ok), null, ok);
  for (const bad of ['(', ')', 'a**', '*a', '[a', '(?=a)', '(?!a)', '(?<=a)b', '(?<!a)b', '(a)\\1', 'x{1001}', '\\q', 'a\\']) {
    assert.notEqual(re2SyntaxError(bad), null, bad);
    rejects(() => checkBenchPattern(bad), `--bench ${bad}`);
  }
});
