// heapscope explain in the terminal (src/reporters/explain-text.ts), from a real explain of the examples' fmt line
// with two of its benchmarks, rendered in English and in Chinese: the function and its inlining, each decision at
// its position with its cause id, the runtime calls the assembly shows, each benchmark's figures for the line; no
// English left in the Chinese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderExplainText } from '../../src/reporters/explain-text.js';
import type { Explanation } from '../../src/model/explain-report.js';
import { examplesDir } from '../helpers/paths.js';
import { cliJson, englishLeft, inLang } from './fixture.js';

test('explain text in en and zh-CN: decisions, allocations and benchmark figures of one line', () => {
  const { code, report: ex } = cliJson<Explanation>(['explain', '-C', examplesDir, 'alloc.go:43', '--bench', 'Describe$|NewPoint$']);
  assert.equal(code, 0);
  assert.equal(ex.function?.name, 'Describe');
  assert.ok(ex.sites.some((s) => s.heap && s.cause?.id === 'interface-conversion'));
  assert.ok(ex.sites.some((s) => !s.heap));
  assert.ok(ex.allocations.some((a) => a.runtime === 'convT64'));
  assert.deepEqual(ex.benchmarks.map((b) => [b.name, b.line !== null && b.line !== undefined]).sort(), [
    ['BenchmarkDescribe', true],
    ['BenchmarkNewPoint', false],
  ]);
  const render = (): string => renderExplainText(ex, { color: false, verbose: false, cwd: examplesDir });
  const texts = { en: inLang('en', render), 'zh-CN': inLang('zh-CN', render) };
  for (const [lang, text] of Object.entries(texts)) {
    const lines = text.trimEnd().split('\n');
    assert.equal(lines[0], `alloc.go:43 (${ex.package})`, lang);
    assert.ok(
      lines[1]!.includes('Describe') && lines[1]!.includes(`${ex.function!.file}:${ex.function!.line}:${ex.function!.column}`),
      lang,
    );
    for (const s of ex.sites) {
      const line = lines.find((l) => l.startsWith(`    ${s.file}:${s.line}:${s.column}: `));
      assert.ok(line, `${lang}: ${s.file}:${s.line}:${s.column}`);
      if (s.cause) assert.ok(line.endsWith(`[${s.cause.id}]`), line);
    }
    for (const a of ex.allocations)
      assert.ok(
        lines.some((l) => l.includes(`runtime.${a.runtime}`) && l.includes(a.function)),
        lang,
      );
    for (const b of ex.benchmarks) {
      const figures = b.line ? [`${b.line.allocsPerOp} allocs/op`, `${b.line.bytesPerOp} B/op`] : [`${b.allocsPerOp} allocs/op`];
      const line = lines.find((l) => l.startsWith(`  ${b.name}`));
      assert.ok(line && figures.every((f) => line.includes(f)), `${lang}: ${line}`);
    }
  }
  assert.equal(texts['zh-CN'].split('\n').length, texts.en.split('\n').length);
  assert.notEqual(texts['zh-CN'], texts.en);
  assert.deepEqual(englishLeft(texts['zh-CN'], ex), []);
});
