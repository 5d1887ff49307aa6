// The html format: the examples' analysis as one page in the run's language (<html lang>, the data's lang), titled
// by the module's directory, the readable sources inside it; without the built page it refuses rather than write
// half a page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { renderAnalysisPage } from '../../../src/reporters/html/render.js';
import type { AnalysisModel } from '../../../src/model/types.js';
import type { ReportOptions } from '../../../src/reporters/registry.js';
import type { PageData } from '../../../src/reporters/html/page-data.js';
import { t } from '../../../src/i18n/t.js';
import { runCli } from '../../helpers/cli.js';
import { examplesDir } from '../../helpers/paths.js';

const opts: ReportOptions = {
  color: false,
  verbose: false,
  cwd: examplesDir,
  command: 'heapscope analyze --format html',
  page: { js: 'void 0;', css: 'body{}' },
  source: { has: (f) => f === 'alloc.go', read: (f) => (f === 'alloc.go' ? Buffer.from('package examples\n') : null) },
};

test('renderAnalysisPage: a page in the run language, titled by the module, with its sources; no page without the built assets', () => {
  const r = runCli(['analyze', '--format', 'json', '-C', examplesDir, '--tests']);
  assert.equal(r.code, 0, r.stderr);
  const model = JSON.parse(r.stdout) as AnalysisModel;
  t.setLang('zh-CN');
  let html: string;
  try {
    html = [...renderAnalysisPage(model, opts)].join('');
  } finally {
    t.setLang('en');
  }
  assert.match(html, /^<!doctype html>\n<html lang="zh-CN">/);
  assert.ok(html.includes('<title>heapscope: examples</title>'));
  const packed = /<script id="heapscope-data" type="application\/octet-stream">([^<]*)<\/script>/.exec(html)![1]!;
  const data = JSON.parse(gunzipSync(Buffer.from(packed, 'base64')).toString('utf8')) as PageData;
  assert.equal(data.lang, 'zh-CN');
  assert.equal(data.command, opts.command);
  assert.equal(data.sites.length, model.sites.length);
  const sources = JSON.parse(/<script id="heapscope-sources" type="application\/json">(.*)<\/script>/.exec(html)![1]!) as (string | null)[];
  const names = data.files.map((f) => data.strings[f.path]);
  assert.deepEqual(
    sources.map((b64, i) => [names[i], b64 && gunzipSync(Buffer.from(b64, 'base64')).toString('utf8')]),
    names.map((n) => [n, n === 'alloc.go' ? 'package examples\n' : null]),
  );
  assert.match([...renderAnalysisPage(model, opts)].join(''), /^<!doctype html>\n<html lang="en">/);
  assert.throws(() => [...renderAnalysisPage(model, { ...opts, page: undefined })], /needs the built page/);
});
