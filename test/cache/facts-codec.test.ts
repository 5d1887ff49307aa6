// The facts cache's stored form gives back exactly what the parser made, in the parser's key order (the JSON
// report of a cached package must be byte-identical to a fresh one's).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { decodeFacts, encodeFacts } from '../../src/cache/facts-codec.js';
import type { PackageFacts } from '../../src/model/types.js';
import { parseEscapeText } from '../../src/parsers/escape-text.js';
import { splitLines } from '../../src/parsers/line-splitter.js';
import { addFunctionEnds } from '../../src/runners/function-ends.js';
import { moduleSources } from '../helpers/sources.js';
import { examplesDir, fixturesDir } from '../helpers/paths.js';

const escapeDir = join(fixturesDir, 'escape');

/** Captures, with the directory their relative paths are relative to (for the functions' ends). */
const CAPTURES: [string, string][] = [
  ['go1.26.8/m2.txt', examplesDir],
  ['go1.26.8/mtest.txt', examplesDir],
  ['go1.22.12/mtest.txt', join(escapeDir, 'go1.22.12', 'examples')],
  ['../go1.19-seed/mtest.txt', join(fixturesDir, 'go1.19-seed')],
  ['tricky/m2.txt', join(escapeDir, 'tricky', 'dir with space é')],
];

function roundTrip(facts: PackageFacts[]): PackageFacts[] | null {
  return decodeFacts(JSON.parse(JSON.stringify(encodeFacts(facts))));
}

describe('facts codec', () => {
  for (const [name, root] of CAPTURES) {
    it(`${name}: decode(encode(facts)) equals the facts, key order included`, () => {
      const facts = parseEscapeText(splitLines(readFileSync(join(escapeDir, name), 'utf8')));
      const sources = moduleSources(root);
      for (const f of facts) addFunctionEnds(f, (file) => sources.read(file));
      const back = roundTrip(facts);
      assert.deepStrictEqual(back, facts);
      assert.equal(JSON.stringify(back), JSON.stringify(facts));
    });
  }

  it('the tricky capture covers every optional field', () => {
    const facts = parseEscapeText(splitLines(readFileSync(join(escapeDir, 'tricky/m2.txt'), 'utf8')));
    const sources = moduleSources(join(escapeDir, 'tricky', 'dir with space é'));
    for (const f of facts) addFunctionEnds(f, (file) => sources.read(file));
    const sites = facts.flatMap((f) => f.sites);
    assert.ok(sites.some((s) => s.truncated) && sites.some((s) => s.leak) && sites.some((s) => s.function === null));
    assert.ok(facts.some((f) => f.functions.some((fn) => fn.endLine !== undefined) && f.captures.length > 0));
  });

  it('is smaller than the object form', () => {
    const facts = parseEscapeText(splitLines(readFileSync(join(escapeDir, 'go1.26.8/mtest.txt'), 'utf8')));
    const stored = JSON.stringify(encodeFacts(facts)).length;
    assert.ok(stored < JSON.stringify(facts).length * 0.6, `${stored} vs ${JSON.stringify(facts).length}`);
  });

  it('data that is not well formed decodes to null, never throws', () => {
    const good = encodeFacts(parseEscapeText(splitLines(readFileSync(join(escapeDir, 'go1.26.8/m2.txt'), 'utf8'))));
    const bad: unknown[] = [
      null,
      42,
      {},
      { files: [], packages: good.packages },
      { files: good.files, packages: [{ ...good.packages[0], s: [[0, 1, 1, null, 99, 'x', [], 0, 0]] }] },
      { files: good.files, packages: [{ ...good.packages[0], s: 'x' }] },
      { files: good.files, packages: [{ ...good.packages[0], u: undefined }] },
    ];
    for (const v of bad) assert.equal(decodeFacts(v), null, JSON.stringify(v)?.slice(0, 80));
  });

  it('refuses facts the join has already filled in', () => {
    const facts = parseEscapeText(splitLines(readFileSync(join(escapeDir, 'go1.26.8/m2.txt'), 'utf8')));
    facts[0]!.sites[0]!.cause = { id: 'x', summary: 'x', fix: 'x' };
    assert.throws(() => encodeFacts(facts), /joined site/);
  });
});
