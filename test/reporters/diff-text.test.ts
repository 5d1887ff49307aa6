// heapscope diff in the terminal (src/reporters/diff-text.ts) in English and in Chinese: the captured causes
// module as go1.26.8 and go1.27.4 compiled it (sites matched by position), and the examples' captured benchmarks
// of the two releases compared as benchstat compares them. Each added, removed and changed site at its position,
// the table's columns at equal terminal widths (its header holds Chinese words in zh-CN), no English left.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import { renderDiffText } from '../../src/reporters/diff-text.js';
import { diffModels } from '../../src/join/diff.js';
import { compareBenchmark } from '../../src/model/ab.js';
import type { DiffReport } from '../../src/model/diff.js';
import { benchSamples, causesDir, causesModel, englishLeft, inLang } from './fixture.js';

function report(): DiffReport {
  const [a, b] = [causesModel('go1.26.8'), causesModel('go1.27.4')];
  const [from, to] = [benchSamples('examples-go1.26'), benchSamples('examples-go1.27')];
  const benchmarks = [...from]
    .filter(([name]) => to.has(name))
    .map(([name, s]) =>
      compareBenchmark({ package: 'example.com/heapscope/examples', name, procs: s.procs, from: s.units, to: to.get(name)!.units }, 0.05),
    );
  return {
    schemaVersion: 1,
    root: causesDir,
    from: { label: 'go1.26.8', go: 'go1.26.8' },
    // A side's label can be Chinese (a branch named so, or the working tree as a Chinese run names it).
    to: { label: '工作树', go: 'go1.27.4' },
    matchedBy: 'position',
    ...diffModels(a, b, 'position'),
    benchmarks,
    bench: { pattern: '.', count: 2, threshold: 0.05, errors: [] },
    packages: [],
  };
}

test('diff text in en and zh-CN: sites at their positions, the benchmark table aligned in terminal columns', () => {
  const r = report();
  assert.ok(r.added.length + r.removed.length + r.changed.length > 0, 'the releases differ');
  assert.ok(r.benchmarks.length >= 5);
  const render = (): string => [...renderDiffText(r, { color: false, verbose: false, cwd: causesDir })].join('');
  const texts = { en: inLang('en', render), 'zh-CN': inLang('zh-CN', render) };
  for (const [lang, text] of Object.entries(texts)) {
    const lines = text.trimEnd().split('\n');
    assert.ok(lines[0]!.startsWith('heapscope diff go1.26.8 (go1.26.8) → 工作树 (go1.27.4)'), lang);
    for (const n of [r.added.length, r.removed.length, r.changed.length]) assert.ok(lines[0]!.includes(` ${n} `), lang);
    for (const s of [...r.added, ...r.removed, ...r.changed.map((c) => c.after)])
      assert.ok(
        lines.some((l) => l.startsWith(`${s.file}:${s.line}:${s.column}: `)),
        `${lang}: ${s.file}:${s.line}`,
      );
    // The table: a header and a row per benchmark and unit; the change column starts where its header does, in
    // terminal columns (the newer side's label is Chinese: counted in characters the columns after it would be off).
    const header = lines.findIndex((l) => l.trimStart().startsWith('go1.26.8') && l.includes('工作树'));
    assert.ok(header > 0, lang);
    const rows = lines.slice(header + 1, header + 1 + r.benchmarks.reduce((n, b) => n + b.metrics.length, 0));
    const lastHeader = lines[header]!.trimEnd().split(/ {2,}/).at(-1)!;
    const col = stringWidth(lines[header]!.slice(0, lines[header]!.lastIndexOf(lastHeader)));
    let i = 0;
    for (const b of r.benchmarks)
      for (const m of b.metrics) {
        const row = rows[i++]!;
        assert.ok(row.startsWith(`${b.name}-${b.procs} ${m.unit} `), `${lang}: ${row}`);
        assert.equal(stringWidth(row.slice(0, row.lastIndexOf(m.comparison.text))), col, `${lang}: ${row}`);
      }
  }
  assert.notEqual(texts['zh-CN'], texts.en);
  assert.deepEqual(englishLeft(texts['zh-CN'], r), []);
});
