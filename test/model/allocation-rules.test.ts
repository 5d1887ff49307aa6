// The allocation rules' one table (src/model/allocation-rules.ts) against the documentation that lists it, so a
// rule is never added without docs/schema.md naming it, and every reason names the Go source it follows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALLOCATION_RULES } from '../../src/model/allocation-rules.js';
import { repoRoot } from '../helpers/paths.js';

test('docs/schema.md lists every allocation rule under its verdict, and each reason cites Go source', () => {
  const schema = readFileSync(join(repoRoot, 'docs', 'schema.md'), 'utf8');
  const row = schema.split('\n').find((l) => l.startsWith('| `allocatesRule`'));
  assert.ok(row, 'the allocatesRule row');
  const listed = new Map<string, string>();
  for (const part of row.split(/;|\. /)) {
    const verdict = /(never|sometimes|always):/.exec(part)?.[1];
    if (verdict) for (const m of part.matchAll(/`([a-z-]+)`/g)) listed.set(m[1]!, verdict);
  }
  assert.deepEqual([...listed].sort(), ALLOCATION_RULES.map((r) => [r.id, r.allocates]).sort());
  for (const r of ALLOCATION_RULES) if (r.id !== 'allocates') assert.match(r.reason, /\w+\/\w+\.go/, r.id);
});
