// The chunked JSON writer must produce exactly what JSON.stringify would, however the arrays split; every JSON
// report names the language its prose is in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { renderJson, stringifyChunked } from '../../src/reporters/json.js';
import { reporter } from '../../src/reporters/registry.js';
import { causesModel, inLang } from './fixture.js';

test('chunked JSON is byte-identical to JSON.stringify', () => {
  fc.assert(
    fc.property(
      fc.dictionary(fc.string(), fc.oneof(fc.array(fc.jsonValue(), { maxLength: 40 }), fc.jsonValue(), fc.constant(undefined))),
      fc.integer({ min: 1, max: 7 }),
      (obj, size) => {
        assert.equal([...stringifyChunked(obj, size)].join(''), JSON.stringify(obj) + '\n');
      },
    ),
    { numRuns: 500 },
  );
});

test('long arrays are split, so no chunk holds the whole report', () => {
  const sites = Array.from({ length: 10_000 }, (_, i) => ({ line: i, expr: i % 7 ? 'x' : 'γ' }));
  const chunks = [...stringifyChunked({ schemaVersion: 1, sites }, 2000)];
  assert.ok(chunks.length >= 5);
  assert.ok(Math.max(...chunks.map((c) => c.length)) < JSON.stringify(sites).length / 4);
  assert.deepEqual(JSON.parse(chunks.join('')), { schemaVersion: 1, sites });
});

test('the JSON report names the language of its prose; every id, key and enum is the same in each language', () => {
  const model = causesModel();
  const opts = { color: false, verbose: false, cwd: model.root };
  const en = JSON.parse(inLang('en', () => [...renderJson(model, opts)].join(''))) as Record<string, unknown>;
  const zh = JSON.parse(inLang('zh-CN', () => [...renderJson(model, opts)].join(''))) as Record<string, unknown>;
  assert.deepEqual([en['lang'], zh['lang']], ['en', 'zh-CN']);
  // The prose fields come from the model (the join writes them in the run's language); the reporter adds none.
  assert.deepEqual({ ...zh, lang: 'en' }, en);
  for (const f of ['json'] as const)
    for (const cmd of ['check', 'diff'] as const) {
      const out = inLang('zh-CN', () => [...reporter(f)[cmd]!({} as never, opts)].join(''));
      assert.equal((JSON.parse(out) as { lang: string }).lang, 'zh-CN', cmd);
    }
});
