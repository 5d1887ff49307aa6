// What the area helpers left: the sentences heapscope writes outside any one area (the cost and trace passes'
// notes, profiles and configuration files it cannot read, readable types) and the commands' whole output in a
// Chinese run. englishRuns finds any English sentence left in heapscope's own words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { englishRuns } from '../helpers/english.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { examplesDir, fixturesDir, repoRoot } from '../helpers/paths.js';
import { t } from '../../src/i18n/t.js';
import { parseConfig } from '../../src/parsers/config-file.js';
import { parseAnyProfile, parseMemProfile } from '../../src/parsers/pprof.js';
import { readableType } from '../../src/parsers/asm-text.js';

/**
 * The compiler's own text, which stays as the compiler printed it by design (issue 25): the steps of a flow
 * (`&p (address-of) at alloc.go:18:9`, `return func literal (return) at ...`), its `flow {heap} ← ...` lines with
 * `{storage for func literal}`, and its inlining reasons (`function too complex: cost 96 exceeds budget 80`).
 */
function withoutCompilerText(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/\) at \S+:\d+:\d+$/.test(l))
    .join('\n')
    .replace(/\{storage for [^}]*\}/g, ' ')
    .replace(/function too complex: cost \d+ exceeds budget \d+/g, ' ');
}

test('the parsers in Chinese: configuration and JSON problems, profiles heapscope cannot read, closure types', () => {
  t.setLang('zh-CN');
  try {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'docs', 'heapscope.schema.json'), 'utf8')) as object;
    const problems = [
      '',
      '{"budgets": {"A": {"allocsPerOp": 1},\n"A": {"allocsPerOp": 2}}}',
      '{"budgets": {"A": 1,}}',
      '{"budgets": {"A": {"allocsPerOp": 1, "x": 2}}, "colour": 1}',
      `{"budgets": {\n"${'B'.repeat(2000)}": {"allocsPerOp": 1}}}`,
      '{"budgets" 1}',
      '{"budgets": {}} x',
    ].flatMap((text) => {
      const r = parseConfig(text, '/m/heapscope.json', 'heapscope.json', schema);
      assert.equal(r.ok, false, text);
      return r.ok ? [] : r.errors;
    });
    const yaml = parseConfig('budgets:\n  A: {allocsPerOp: 1}\n  A: {allocsPerOp: 2}\n', '/m/heapscope.yaml', 'heapscope.yaml', schema);
    assert.equal(yaml.ok, false);
    if (!yaml.ok) problems.push(...yaml.errors);
    const many = JSON.stringify({ budgets: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`B${i}`, { nope: 1 }])) });
    const tooMany = parseConfig(many, '/m/heapscope.json', 'heapscope.json', schema);
    if (!tooMany.ok) problems.push(tooMany.errors.at(-1)!);
    const junk = new TextEncoder().encode('not a profile at all');
    for (const p of [parseMemProfile(junk), parseAnyProfile(junk), parseMemProfile(new Uint8Array([0x1f, 0x8b, 1, 2]))]) {
      assert.equal(p.ok, false);
      if (!p.ok) problems.push(p.error.split(/[:：]/)[0]!); // the rest is protobuf's or zlib's own text
    }
    const closure = readableType('noalg.struct { F uintptr; X0 *int; X1 string }').display;
    const bound = readableType('struct { F uintptr; R *m.T }').display;
    problems.push(closure, bound);
    assert.ok(problems.length >= 14, JSON.stringify(problems));
    assert.deepEqual(englishRuns(problems.join('\n')), [], problems.join('\n'));
    assert.match(closure, /\*int, string/);
  } finally {
    t.setLang('en');
  }
});

test('bench, check, diff and explain in Chinese: no English sentence of heapscope in their output', () => {
  // bench: three benchmarks with one op each are enough for every kind of note (a benchmark that measured no
  // allocation and is not profiled, cost runs too short for CPU shares, traced runs too short for the MMU) and a
  // closure's type, at a few seconds.
  const bench = runCli([
    '--lang',
    'zh-CN',
    'bench',
    '-C',
    examplesDir,
    '--bench',
    'CreateCopy$|CreatePointer$|Counter$',
    '--benchtime',
    '1x',
    '--trace',
  ]);
  assert.equal(bench.code, 0, bench.stderr);
  assert.match(bench.stdout, /注：/);
  assert.deepEqual(englishRuns(withoutCompilerText(bench.stdout + bench.stderr)), [], bench.stdout);

  // check: the fixture's directives hold reasons its author wrote in English, and name the known directives.
  const check = runCli(['--lang', 'zh-CN', 'check', '-C', join(fixturesDir, 'modules', 'directives')]);
  assert.equal(check.code, 1, check.stderr);
  const authored = ["the cache holds it for the process's life", 'nothing to silence here', 'noescape, noalloc, inline, ignore'];
  assert.deepEqual(englishRuns(withoutCompilerText(check.stdout + check.stderr), authored), [], check.stdout);

  // diff: a repository whose second commit adds one heap site.
  const top = join(tempDir('heapscope-sweep-diff-'), 'r');
  const mod = join(top, 'm');
  cpSync(examplesDir, mod, { recursive: true });
  const git = (...args: string[]) =>
    assert.equal(spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: top }).status, 0);
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'one');
  writeFileSync(join(mod, 'fresh.go'), 'package examples\n\nfunc Fresh() *[16]byte { var b [16]byte; return &b }\n');
  git('add', '-A');
  git('commit', '-qm', 'two');
  const diff = runCli(['--lang', 'zh-CN', 'diff', 'HEAD~1'], { cwd: mod });
  assert.equal(diff.code, 1, diff.stderr);
  assert.match(diff.stdout, /fresh\.go:3/);
  assert.deepEqual(englishRuns(withoutCompilerText(diff.stdout + diff.stderr)), [], diff.stdout);

  // explain: the closure of Counter, with its flow.
  const explain = runCli(['--lang', 'zh-CN', 'explain', '-C', examplesDir, 'alloc.go:49']);
  assert.equal(explain.code, 0, explain.stderr);
  assert.deepEqual(englishRuns(withoutCompilerText(explain.stdout + explain.stderr)), [], explain.stdout);
});
