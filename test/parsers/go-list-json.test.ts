// go list -json=FIELDS read object by object, on the go command's real output (test/fixtures/parsers/go-list-json/
// COMMANDS.txt): a module's packages with their test variants, a dependency that cannot be found (its error and
// its importer's DepsErrors), and a pattern that names nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GoListJsonParser, listErrorText, parseGoListJson } from '../../src/parsers/go-list-json.js';
import { splitLines } from '../../src/parsers/line-splitter.js';
import { fixturesDir } from '../helpers/paths.js';

const dir = join(fixturesDir, 'parsers', 'go-list-json');
const read = (f: string): string[] => [...splitLines(readFileSync(join(dir, f), 'utf8'))];

test('go list -test: packages, the test main and the test variant, with files, imports and the main module', () => {
  const r = parseGoListJson(read('crosspkg-test.json'));
  assert.deepEqual(r.problems, []);
  assert.deepEqual(
    r.packages.map((p) => [p.ImportPath, p.Name, p.ForTest ?? null]),
    [
      ['example.com/crosspkg', 'app', null],
      ['example.com/crosspkg/lib', 'lib', null],
      ['example.com/crosspkg.test', 'main', null],
      ['example.com/crosspkg [example.com/crosspkg.test]', 'app', 'example.com/crosspkg'],
    ],
  );
  const app = r.packages[0]!;
  assert.deepEqual(app.GoFiles, ['app.go']);
  assert.deepEqual(app.TestGoFiles, ['app_test.go']);
  assert.deepEqual(app.Imports, ['example.com/crosspkg/lib']);
  assert.equal(app.Module?.Path, 'example.com/crosspkg');
  assert.equal(app.Module?.Main, true);
  assert.match(r.packages[1]!.Dir!, /\/modules\/crosspkg\/lib$/);
});

test('go list -deps -e: an import no module provides is DepOnly with its error; its importer has it in DepsErrors', () => {
  const r = parseGoListJson(read('loaderr-deps.json'));
  assert.deepEqual(r.problems, []);
  assert.deepEqual(
    r.packages.map((p) => p.ImportPath),
    ['example.com/loaderr/good', 'example.com/loaderr/nothere', 'example.com/loaderr/missing'],
  );
  const nothere = r.packages[1]!;
  assert.equal(nothere.DepOnly, true);
  // The position is put in front of the error, which does not start with it.
  assert.equal(
    listErrorText(nothere.Error!),
    'missing/missing.go:3:8: no required module provides package example.com/loaderr/nothere; to add it:\n\tgo get example.com/loaderr/nothere',
  );
  const missing = r.packages[2]!;
  assert.ok(missing.Imports?.includes('example.com/loaderr/nothere'));
  assert.equal(listErrorText(missing.DepsErrors![0]!), listErrorText(nothere.Error!));
  assert.equal(r.packages[0]!.Error, undefined);
});

test('a pattern naming nothing: one pseudo-package holding only the error, Pos empty', () => {
  const [p, ...rest] = parseGoListJson(read('nosuch.json')).packages;
  assert.deepEqual(rest, []);
  assert.equal(p!.ImportPath, './nosuch');
  assert.match(listErrorText(p!.Error!), /^stat .*\/nosuch: directory not found$/);
});

test('streamed line by line: a package is ready at its closing brace; text outside objects and a cut end are problems', () => {
  const parser = new GoListJsonParser();
  const lines = read('crosspkg-test.json');
  const firstEnd = lines.indexOf('}');
  for (const l of lines.slice(0, firstEnd)) parser.push(l);
  assert.equal(parser.result.packages.length, 0);
  parser.push(lines[firstEnd]!);
  assert.equal(parser.result.packages[0]?.ImportPath, 'example.com/crosspkg');
  parser.push('go: warning: something said on stdout');
  for (const l of lines.slice(firstEnd + 1, firstEnd + 4)) parser.push(l);
  const r = parser.end();
  assert.deepEqual(r.problems, ['go: warning: something said on stdout', 'go list output ended inside an object']);
});
