// The reporters by --format (src/reporters/registry.ts): which formats each command can write, the reporter of a
// format, and each one rendering the captured causes module (analyze) and a real check of the directives module
// in the run's language, in order and in whole lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FORMATS, formatsFor, reporter } from '../../src/reporters/registry.js';
import type { CheckReport } from '../../src/model/directives.js';
import { fixturesDir } from '../helpers/paths.js';
import { causesDir, causesModel, cliJson, inLang } from './fixture.js';

test('the formats of each command', () => {
  assert.deepEqual(FORMATS, ['text', 'json', 'html', 'sarif', 'github']);
  assert.deepEqual(formatsFor('analyze'), FORMATS);
  assert.deepEqual(formatsFor('bench'), ['text', 'json', 'html']);
  assert.deepEqual(formatsFor('check'), ['text', 'json', 'sarif', 'github']);
  assert.deepEqual(formatsFor('diff'), ['text', 'json', 'github']);
  assert.deepEqual(formatsFor('explain'), ['text', 'json']);
  assert.throws(() => reporter('xml'), /no reporter for --format xml/);
});

test('each format renders analyze and check in both languages: ids the same, the prose of the language', () => {
  const model = causesModel();
  const dir = join(fixturesDir, 'modules', 'directives');
  const { report } = cliJson<CheckReport>(['check', '-C', dir]);
  const opts = { color: false, verbose: false, cwd: causesDir };
  const heap = model.sites.filter((s) => s.heap && s.allocates !== 'never');
  for (const lang of ['en', 'zh-CN'] as const) {
    for (const f of formatsFor('analyze').filter((x) => x !== 'html')) {
      const out = inLang(lang, () => [...reporter(f).analyze(model, opts)].join(''));
      assert.ok(out.endsWith('\n'), `${lang} ${f}`);
      // Every format names each allocating site's cause by its id, whatever the language.
      for (const id of new Set(heap.filter((s) => !s.cold).map((s) => s.cause!.id))) assert.ok(out.includes(id), `${lang} ${f}: ${id}`);
      if (f === 'json') assert.equal((JSON.parse(out) as { sites: unknown[] }).sites.length, model.sites.length);
      if (f === 'sarif')
        assert.equal((JSON.parse(out) as { runs: { language: string }[] }).runs[0]!.language, lang === 'en' ? 'en-US' : 'zh-CN');
    }
    for (const f of formatsFor('check')) {
      const out = inLang(lang, () => [...reporter(f).check!(report, { ...opts, cwd: dir })].join(''));
      assert.ok(out.endsWith('\n') && out.includes('//heapscope:noalloc'), `${lang} ${f}`);
    }
  }
  // The text's prose follows the language; the JSON is the model (its prose is the join's, not the reporter's) and
  // the language it is in.
  const text = (lang: 'en' | 'zh-CN'): string => inLang(lang, () => [...reporter('text').analyze(model, opts)].join(''));
  assert.notEqual(text('zh-CN'), text('en'));
  const json = (lang: 'en' | 'zh-CN'): string => inLang(lang, () => [...reporter('json').analyze(model, opts)].join(''));
  assert.deepEqual({ ...(JSON.parse(json('zh-CN')) as object), lang: 'en' }, JSON.parse(json('en')));
});
