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
const EXCEPTIONS: Record<string, string> = {
  'reporters/bench-text.ts': 'test/reporters/safe-output.test.ts, test/join/sampled.test.ts, test/e2e/bench-cli.test.ts',
  'reporters/check-text.ts': 'test/e2e/check.test.ts',
  'reporters/diff-text.ts': 'test/e2e/diff.test.ts',
  'reporters/explain-text.ts': 'test/reporters/safe-output.test.ts',
  'reporters/github.ts': 'test/e2e/check.test.ts (--format github)',
  'reporters/registry.ts': 'test/e2e/closed-pipe.test.ts and every e2e test that picks a --format',
  'reporters/sarif.ts': 'test/e2e/check.test.ts, test/e2e/non-utf8-names.test.ts (--format sarif)',
  'reporters/text.ts': 'test/reporters/safe-output.test.ts, test/e2e/analyze-cli.test.ts',
  'reporters/html/encode.ts': 'test/reporters/page-cost.test.ts',
  'reporters/html/page-data.ts': 'the page contract: test/e2e/html-report.test.ts, test/e2e/browser*.test.ts',
  'reporters/html/page.ts': 'test/e2e/html-report.test.ts, test/e2e/serve.test.ts',
  'reporters/html/render.ts': 'test/e2e/html-report.test.ts, test/e2e/browser.test.ts',
};

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
