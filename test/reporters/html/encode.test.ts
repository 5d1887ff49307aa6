// The model in the page's form (encodeAnalysis), from a real analysis of the examples: each string stored once,
// site for site the model's positions and expressions, the files in the order their sources travel, the ranking of
// heap sites that allocate, the first view holding the ranked sites with the whole report's counts, and the
// language of the run in both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeAnalysis } from '../../../src/reporters/html/encode.js';
import type { AnalysisModel } from '../../../src/model/types.js';
import { t } from '../../../src/i18n/t.js';
import { runCli } from '../../helpers/cli.js';
import { examplesDir } from '../../helpers/paths.js';

function examples(): AnalysisModel {
  const r = runCli(['analyze', '--format', 'json', '-C', examplesDir, '--tests']);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as AnalysisModel;
}

test('encodeAnalysis: strings once, the model site for site, files in order, the ranking and the first view, the language', () => {
  const model = examples();
  const hasSource = (f: string) => f === 'alloc.go';
  const { data, files, preview } = encodeAnalysis(model, { command: 'heapscope analyze', hasSource, preview: true });
  const s = (i: number) => data.strings[i]!;
  assert.equal(data.strings[0], '');
  assert.equal(new Set(data.strings).size, data.strings.length, 'each string once');
  assert.equal(data.lang, 'en');

  // The files the sources follow, in the data's order, each marked readable or not.
  assert.deepEqual(
    data.files.map((f) => s(f.path)),
    files,
  );
  assert.deepEqual(
    data.files.map((f) => f.source),
    files.map(hasSource),
  );
  // Site for site: position and expression as the model has them.
  const key = (file: string, line: number, col: number, expr: string) => `${file}:${line}:${col} ${expr}`;
  assert.deepEqual(
    data.sites.map((x) => key(files[x.pos[0]]!, x.pos[1], x.pos[2], s(x.expr))).sort(),
    model.sites.map((x) => key(x.file, x.line, x.column, x.expr)).sort(),
  );
  // The ranking: heap sites that allocate, one per group, the costliest first.
  assert.ok(data.ranking.length > 0);
  assert.equal(new Set(data.ranking.map((r) => data.sites[r.site]!.group)).size, data.ranking.length);
  for (const r of data.ranking) {
    const x = data.sites[r.site]!;
    assert.ok(x.heap && x.allocates !== 'never', s(x.expr));
  }
  // The first view: the same files at the same indices, the counts of the whole.
  assert.ok(preview?.preview);
  assert.deepEqual(
    preview.files.map((f) => [preview.strings[f.path], f.source, f.heap]),
    data.files.map((f) => [s(f.path), f.source, f.heap]),
  );
  assert.equal(preview.preview.sites, data.sites.length);
  assert.equal(preview.preview.heapSites, data.sites.filter((x) => x.heap && x.allocates !== 'never').length);
  assert.equal(
    preview.preview.byCause.reduce((n, [, k]) => n + k, 0),
    data.sites.filter((x) => x.heap && x.allocates !== 'never' && !x.cold).length,
  );

  // The run's language travels with the data (its prose is in that language; the page speaks it too).
  t.setLang('zh-CN');
  try {
    const zh = encodeAnalysis(model, { command: '', hasSource, preview: true });
    assert.equal(zh.data.lang, 'zh-CN');
    assert.equal(zh.preview?.lang, 'zh-CN');
  } finally {
    t.setLang('en');
  }
});
