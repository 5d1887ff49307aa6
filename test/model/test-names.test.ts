// Tests are found by name (docs/architecture.md, "Tests by name"): every parser and every reporter has a test file
// named after it, test/<layer>/<name>.test.ts. The modules that have none yet are listed below with where their
// behaviour is tested today, so the list can only shrink: a new parser or reporter without its test fails here,
// and so does an exception that is no longer one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '../helpers/paths.js';

/** Module (under src/) -> where it is tested, lacking a test of its own name. */
const EXCEPTIONS: Record<string, string> = {};

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : f.endsWith('.ts') ? [p] : [];
  });
}

test('every parser and reporter has a test file named after it, or is a listed exception', () => {
  const src = join(repoRoot, 'src');
  const modules = ['parsers', 'reporters'].flatMap((l) => tsFiles(join(src, l))).map((p) => relative(src, p));
  const missing: string[] = [];
  const notExceptions: string[] = [];
  for (const m of modules) {
    const has = existsSync(join(repoRoot, 'test', m.replace(/\.ts$/, '.test.ts')));
    if (!has && !(m in EXCEPTIONS)) missing.push(m);
    if (has && m in EXCEPTIONS) notExceptions.push(m);
  }
  assert.deepEqual(missing, [], 'add test/<layer>/<name>.test.ts for these');
  assert.deepEqual(notExceptions, [], 'these have their test now: take them off EXCEPTIONS');
  // An exception for a module that is gone is taken off too.
  assert.deepEqual(
    Object.keys(EXCEPTIONS).filter((m) => !modules.includes(m)),
    [],
  );
});
