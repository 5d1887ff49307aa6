// The page contract (page-data.ts) is one version the writer stamps and the page accepts, and a language the page
// has a catalogue for: a page never reads data of another shape, nor speaks a language it cannot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGE_DATA_VERSION } from '../../../src/reporters/html/page-data.js';
import { LANGS } from '../../../src/i18n/lang.js';
import { encodeAnalysis } from '../../../src/reporters/html/encode.js';
import type { AnalysisModel } from '../../../src/model/types.js';
import { t } from '../../../src/i18n/t.js';
import { runCli } from '../../helpers/cli.js';
import { examplesDir, repoRoot } from '../../helpers/paths.js';

test('the writer stamps the version the page reads, and each language the page has a catalogue for', () => {
  const page = readFileSync(join(repoRoot, 'web', 'src', 'data.ts'), 'utf8');
  assert.ok(page.includes(`d.version !== ${PAGE_DATA_VERSION}`), 'web/src/data.ts checks the version page-data.ts declares');
  const i18n = readFileSync(join(repoRoot, 'web', 'src', 'i18n.ts'), 'utf8');
  const r = runCli(['analyze', '--format', 'json', '-C', examplesDir]);
  assert.equal(r.code, 0, r.stderr);
  const model = JSON.parse(r.stdout) as AnalysisModel;
  for (const lang of LANGS) {
    t.setLang(lang);
    try {
      const { data } = encodeAnalysis(model, { command: '', hasSource: () => false });
      assert.equal(data.version, PAGE_DATA_VERSION);
      assert.equal(data.lang, lang);
    } finally {
      t.setLang('en');
    }
    // The page's translator knows the language (its catalogue is imported, by name, for the bundle).
    assert.ok(lang === 'en' || i18n.includes(`'${lang}'`), `web/src/i18n.ts handles ${lang}`);
  }
});
