// go/srcfacts output: the real helper's output for the focus fixture is read whole; what srcfacts never prints is
// refused with the reason (heapscope then goes on without that file's structure).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename, join } from 'node:path';
import { parseSourceFacts } from '../../src/parsers/source-facts-json.js';
import {
  helperEnv,
  readSourceFacts,
  settleSourceFactsTool,
  sourceFactsTool,
  startSourceFactsTool,
} from '../../src/runners/source-facts.js';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fixturesDir, repoRoot } from '../helpers/paths.js';
import { tempDir } from '../helpers/cli.js';

test('the helper on a real file: funcs, loops, cold regions, initialisers, calls, benchmarks', async () => {
  const tool = await sourceFactsTool(tempDir('heapscope-srcfacts-'), 'test', process.env);
  assert.ok(!('error' in tool), 'error' in tool ? tool.error : '');
  const dir = join(fixturesDir, 'modules', 'focus');
  const files = [join(dir, 'focus.go'), join(dir, 'focus_test.go'), join(dir, 'missing.go')];
  const r = await readSourceFacts(tool.path, files, dir);
  await tool.cleanup();
  assert.equal(r.problems.length, 1, r.problems.join('\n')); // missing.go
  const f = r.files.get(files[0]!)!;
  assert.deepEqual(
    f.funcs.filter((x) => x.generic).map((x) => x.name),
    ['Keys', 'Firsts'],
  );
  assert.deepEqual(f.funcs.find((x) => x.name === 'Parse')?.results, ['', '']);
  assert.deepEqual(
    f.inits.map((i) => i.names),
    [['Registry'], ['errEOF'], ['firstInts']],
  );
  // Parse: the err branch (45) and the fmt.Errorf it returns (46), the panic branch (48) and panic's argument
  // (49), the n > 1000 branch (51) and the errors.New it returns (52); Check's case body (from the end of line
  // 115's case expression) and its errors.New (116); Record's branch that hands errors.New to a call (135); fail's panic argument (142) and Must's branch that calls
  // fail (148). Not ReadAll's err branch, which can return nil, nor the
  // branch taken under ||.
  assert.deepEqual(f.cold.map((c) => `${c.at[0]} ${c.why}`).sort(), [
    '115 branch-returns-error',
    '116 error-value-returned',
    '135 branch-records-error',
    '142 panic-argument',
    '148 branch-panics',
    '45 branch-returns-error',
    '46 error-value-returned',
    '48 branch-panics',
    '49 panic-argument',
    '51 branch-returns-error',
    '52 error-value-returned',
  ]);
  assert.ok(f.loops.length >= 3);
  assert.ok(f.loopCalls.includes('Label'));
  // Every call by name, in loops or not, counted.
  assert.ok((f.callNames?.get('Label') ?? 0) >= f.loopCalls.filter((n) => n === 'Label').length);
  assert.deepEqual(
    f.calls.filter((c) => c.path === 'slices').map((c) => `${c.name}@${c.at[0]}`),
    ['Clone@74', 'Sort@75'],
  );
  assert.deepEqual(r.files.get(files[1]!)!.benchmarks, ['BenchmarkGrid']);
});

test('lines srcfacts never prints are refused, with the reason', () => {
  assert.deepEqual(parseSourceFacts('not json'), { ok: false, error: 'not JSON' });
  assert.equal(parseSourceFacts('{"funcs":[]}').ok, false);
  const bad = parseSourceFacts(
    '{"file":"/a.go","funcs":[],"cold":[{"at":[1,1,2,2],"why":"unknown"}],"loops":[],"inits":[],"loopCalls":[],"calls":[],"benchmarks":[]}',
  );
  assert.ok(!bad.ok && /cold region/.test(bad.error));
  const badCalls = parseSourceFacts(
    '{"file":"/a.go","funcs":[],"cold":[],"loops":[],"inits":[],"loopCalls":[],"callNames":{"F":"x"},"calls":[],"benchmarks":[]}',
  );
  assert.ok(!badCalls.ok && /callNames/.test(badCalls.error));
  const err = parseSourceFacts('{"file":"/a.go","error":"open /a.go: no such file"}');
  assert.ok(err.ok && err.facts.error === 'open /a.go: no such file');
});

test('the helper started ahead is the one taken: built once, into the cache, and found there next time', async () => {
  const dir = tempDir('heapscope-srcfacts-ahead-');
  startSourceFactsTool(dir, 'ahead', process.env);
  startSourceFactsTool(dir, 'ahead', process.env); // a second start does not build again
  const tool = await sourceFactsTool(dir, 'ahead', process.env);
  assert.ok('path' in tool, 'error' in tool ? tool.error : '');
  assert.ok(tool.path.startsWith(join(dir, 'bin')), tool.path);
  assert.deepEqual(
    readdirSync(join(dir, 'bin')).filter((n) => n.includes('ahead')),
    [basename(tool.path)],
    'one binary, no temporary file left',
  );
  const again = await sourceFactsTool(dir, 'ahead', process.env);
  assert.ok('path' in again && again.path === tool.path);
  // Nothing was left started: settling is a no-op.
  await settleSourceFactsTool(dir, 'ahead');
});

test("an empty heapscope cache gets the helper from the go command's cache of tool executables, not a link of its own", async () => {
  const version = execFileSync('go', ['env', 'GOVERSION'], { encoding: 'utf8' }).trim();
  const tool = await sourceFactsTool(tempDir('heapscope-srcfacts-toolcache-'), version, process.env);
  assert.ok('path' in tool, 'error' in tool ? tool.error : '');
  const helperDir = join(repoRoot, 'go', 'srcfacts');
  // What `go tool` runs: built (or found) in the go command's cache, linked unlike `go build -o` (no symbol table).
  const cached = execFileSync('go', ['tool', `-modfile=${join(helperDir, 'tool.mod')}`, '-n', 'srcfacts'], {
    cwd: helperDir,
    env: helperEnv(process.env),
    encoding: 'utf8',
  }).trim();
  assert.ok(readFileSync(tool.path).equals(readFileSync(cached)), `${tool.path} is not a copy of ${cached}`);
});
