import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CAUSES } from '../../src/model/causes.js';
import { renderCausesDoc } from '../../src/model/causes-doc.js';
import { repoRoot } from '../helpers/paths.js';

test('docs/causes.md is generated from the catalogue', () => {
  assert.equal(readFileSync(join(repoRoot, 'docs', 'causes.md'), 'utf8'), renderCausesDoc(), 'run npm run docs:causes');
});

test('cause ids are unique kebab-case and every cause has a fix and says how it is chosen', () => {
  const ids = CAUSES.map((c) => c.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const c of CAUSES) {
    assert.match(c.id, /^[a-z]+(-[a-z]+)*$/);
    assert.ok(c.fix.length > 20 && c.summary.length > 10 && c.explanation.length > 20 && c.chosen.length > 20, c.id);
  }
});
