// The terminal report of analyze (src/reporters/text.ts) in English and in Chinese: every heap site at its position
// with its cause id, the same lines in both languages, no English sentence left in the Chinese, and its aligned
// columns at equal terminal widths (a CJK character is two columns) on the captured causes module and on a real
// run over the examples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import { renderText } from '../../src/reporters/text.js';
import { runCli } from '../helpers/cli.js';
import { examplesDir } from '../helpers/paths.js';
import { causesModel, englishLeft, inLang } from './fixture.js';

/**
 * The alignments of the report, each as [what, expected column, actual column] for every place it applies: the
 * ranking's second line under the text after `  1. `, each flow edge after the `why:` label, each step two columns
 * right of that.
 */
function alignments(text: string, why: string): [string, number, number][] {
  const lines = text.split('\n');
  const indent = (l: string): number => l.length - l.trimStart().length;
  const out: [string, number, number][] = [];
  lines.forEach((l, i) => {
    const rank = /^ {2,3}\d+\. /.exec(l);
    if (rank) out.push([`rank ${l}`, stringWidth(rank[0]), indent(lines[i + 1]!)]);
    const label = new RegExp(`^( {4}${why} ?)flow `).exec(l);
    if (!label) return;
    const edge = stringWidth(label[1]!);
    for (let j = i + 1; j < lines.length && /^ {5,}/.test(lines[j]!); j++) {
      const next = lines[j]!;
      out.push([next, next.trimStart().startsWith('flow ') ? edge : edge + 2, indent(next)]);
    }
  });
  return out;
}

test('analyze text in en and zh-CN: every heap site at its position with its cause id, the same lines, no English left', () => {
  const model = causesModel();
  const heap = model.sites.filter((s) => s.heap && s.allocates !== 'never');
  assert.ok(heap.length >= 20);
  const render = (): string => renderText(model, { color: false, verbose: true, cwd: model.root, top: 5 });
  const en = inLang('en', render);
  const zh = inLang('zh-CN', render);
  for (const [lang, text] of [
    ['en', en],
    ['zh-CN', zh],
  ] as const) {
    for (const s of heap) {
      const at = `${s.file}:${s.line}:${s.column}: `;
      assert.ok(
        text.split('\n').some((l) => l.startsWith(at) && l.includes(`[${s.cause!.id}]`)),
        `${lang}: ${at}[${s.cause?.id}]`,
      );
    }
    // The ranking: five entries.
    assert.equal(text.split('\n').filter((l) => /^ {2}\d\. /.test(l)).length, 5, lang);
  }
  assert.equal(zh.split('\n').length, en.split('\n').length);
  assert.deepEqual(englishLeft(zh, model), []);
  assert.notEqual(zh, en);
});

test('the text report keeps its columns in terminal columns: the causes module in both languages, the examples run in zh-CN', () => {
  const model = causesModel();
  const render = (): string => renderText(model, { color: false, verbose: false, cwd: model.root, top: 5 });
  const run = runCli(['analyze', '-C', examplesDir, '--tests', '--top', '5', '--no-cache', '--lang', 'zh-CN']);
  assert.equal(run.code, 0, run.stderr);
  const cases: [string, string, string][] = [
    ['en', inLang('en', render), 'why:'],
    ['zh-CN', inLang('zh-CN', render), '为什么：'],
    ['examples zh-CN', run.stdout, '为什么：'],
  ];
  for (const [name, text, why] of cases) {
    const a = alignments(text, why);
    assert.ok(a.filter(([l]) => l.startsWith('rank')).length === 5, `${name}: the ranking`);
    assert.ok(a.length > 20, `${name}: flows found (${a.length})`);
    for (const [line, want, got] of a) assert.equal(got, want, `${name}: ${line}`);
  }
  // The Chinese label is wider than it is long: measured in characters the steps would be off by the difference.
  assert.notEqual(stringWidth('为什么：'), '为什么：'.length);
});
