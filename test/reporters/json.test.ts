// The chunked JSON writer must produce exactly what JSON.stringify would, however the arrays split.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { stringifyChunked } from '../../src/reporters/json.js';

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
