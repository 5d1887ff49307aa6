// The chunked JSON writer must produce exactly what JSON.stringify would, however the arrays split; every JSON
// report names the language its prose is in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { JSON_SCHEMA_VERSION, renderJson, stringifyChunked } from '../../src/reporters/json.js';
import { reporter } from '../../src/reporters/registry.js';
import type { AnalysisModel, Site } from '../../src/model/types.js';
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

test('schema 2: each cause and rule reason once at the top, sites name them by id and keep their field order', () => {
  const cause = (id: string) => ({ id, summary: `${id} summary`, fix: `${id} fix` });
  const site = (line: number, id: string | null, rule?: string): Site => ({
    file: 'a.go',
    line,
    column: 1,
    package: 'example.com/m',
    function: 'F',
    heap: id !== null,
    kind: id !== null ? 'escapes' : 'does-not-escape',
    expr: 'x',
    cause: id !== null ? cause(id) : null,
    flow: [],
    ...(id === 'returned-address' ? { rootCause: cause('interface-conversion') } : {}),
    ...(rule ? { allocates: 'always' as const, allocatesRule: rule, allocatesReason: `${rule} reason` } : {}),
    id: `s${line}`,
  });
  const sites = [
    site(1, 'returned-address', 'composite-literal'),
    site(2, 'interface-conversion', 'allocates'),
    site(3, null),
    ...Array.from({ length: 4500 }, (_, i) => site(10 + i, 'returned-address', 'composite-literal')),
  ];
  const model: AnalysisModel = {
    schemaVersion: 1,
    go: { version: 'go1.26.8', goos: 'linux', goarch: 'amd64' },
    root: '/m',
    packages: [],
    sites,
    functions: [],
    inlinedCalls: [],
    captures: [],
    staticValues: [],
    unrecognised: [],
  };
  const chunks = [...renderJson(model, { color: false, cwd: '/m', top: 10, sort: 'cost' } as never)];
  assert.ok(chunks.length >= 3, 'sites are still written in chunks');
  const j = JSON.parse(chunks.join('')) as {
    schemaVersion: number;
    causes: Record<string, { summary: string; fix: string }>;
    allocationRules: Record<string, string>;
    sites: Record<string, unknown>[];
  };
  assert.equal(j.schemaVersion, JSON_SCHEMA_VERSION);
  assert.deepEqual(Object.keys(j.causes), ['interface-conversion', 'returned-address']);
  assert.deepEqual(j.causes['returned-address'], { summary: 'returned-address summary', fix: 'returned-address fix' });
  assert.deepEqual(j.allocationRules, { allocates: 'allocates reason', 'composite-literal': 'composite-literal reason' });
  assert.equal(j.sites.length, sites.length);
  // Put the prose back: the sites are the model's, field for field and in the same order.
  for (const [i, s] of j.sites.entries()) {
    const full = { ...s } as Record<string, unknown>;
    for (const k of ['cause', 'rootCause'])
      if (full[k]) full[k] = { id: (full[k] as { id: string }).id, ...j.causes[(full[k] as { id: string }).id] };
    assert.ok(!('allocatesReason' in s));
    const want = { ...sites[i]! } as Record<string, unknown>;
    delete want['allocatesReason'];
    assert.deepEqual(Object.keys(full), Object.keys(want));
    assert.deepEqual(full, JSON.parse(JSON.stringify(want)));
  }
});
