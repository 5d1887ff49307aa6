// heapscope bench in the terminal (src/reporters/bench-text.ts), from a real run of two of the examples'
// benchmarks with the cost pass and --compare, rendered in English and in Chinese: each benchmark's figures, its
// lines with their allocations and decisions, the comparison table with every row the same terminal width; no
// English left in the Chinese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import { renderBenchText } from '../../src/reporters/bench-text.js';
import type { BenchReport } from '../../src/model/bench-report.js';
import { examplesDir } from '../helpers/paths.js';
import { cliJson, englishLeft, inLang } from './fixture.js';

test('bench text in en and zh-CN: figures, lines, decisions, causes and the comparison table', () => {
  const { code, report } = cliJson<BenchReport>([
    'bench',
    '-C',
    examplesDir,
    '--bench',
    'Describe$|NewPoint$',
    '--benchtime',
    '2000x',
    '--cost-time',
    '100ms',
    '--compare',
    'Describe',
    'NewPoint',
  ]);
  assert.equal(code, 0);
  assert.deepEqual(report.benchmarks.map((b) => b.name).sort(), ['BenchmarkDescribe', 'BenchmarkNewPoint']);
  assert.ok(report.compare && report.compare.rows.length >= 3);
  const render = (): string => renderBenchText(report, { color: false, verbose: false, cwd: examplesDir });
  const texts = { en: inLang('en', render), 'zh-CN': inLang('zh-CN', render) };
  for (const [lang, text] of Object.entries(texts)) {
    const lines = text.trimEnd().split('\n');
    for (const b of report.benchmarks) {
      const head = lines.find((l) => l.startsWith(`${b.name} ${b.package}`));
      assert.ok(head?.endsWith(`${b.allocsPerOp} allocs/op`), `${lang}: ${head}`);
      for (const l of b.lines) {
        assert.ok(
          lines.some((x) => x.startsWith(`  ${l.file}:${l.line}: ${l.allocsPerOp} allocs/op`)),
          `${lang}: ${l.file}:${l.line}`,
        );
        for (const s of l.sites)
          assert.ok(
            lines.some((x) => x.startsWith(`      ${s.file}:${s.line}:${s.column}: ${s.expr} `)),
            lang,
          );
        if (l.cause)
          assert.ok(
            lines.some((x) => x.endsWith(`[${l.cause!.id}]`)),
            lang,
          );
        for (const a of l.allocations)
          if (a.runtime && !a.callee)
            assert.ok(
              lines.some((x) => x.includes(`runtime.${a.runtime}`)),
              lang,
            );
      }
    }
    // The comparison table: a heading, a header row and a row per figure, every one as wide in the terminal.
    const table = lines.slice(lines.findIndex((l) => l.includes('BenchmarkDescribe') && l.includes('BenchmarkNewPoint')) + 1);
    const rows = table.slice(0, report.compare!.rows.length + 1);
    assert.ok(rows[0]!.trimEnd().endsWith('B/A'), `${lang}: ${rows[0]}`);
    assert.deepEqual(
      rows.map((r) => stringWidth(r)),
      rows.map(() => stringWidth(rows[0]!)),
      `${lang}: ${rows.join('\n')}`,
    );
    assert.match(lines.at(-1)!, new RegExp(`\\b2\\b.*${report.go.version}|${report.go.version}.*\\b2\\b`));
  }
  assert.equal(texts['zh-CN'].split('\n').length, texts.en.split('\n').length);
  assert.notEqual(texts['zh-CN'], texts.en);
  assert.deepEqual(englishLeft(texts['zh-CN'], report), []);
});
