// What changes the compiler's decisions without changing the module's files must change heapscope's cache keys:
// an overlay (and the files it names) and a PGO profile beside a main package. A run after such a change is
// compiled, not read from the cache (a package read from it says so in the JSON report: `cached`); the
// finished report is removed before each run so that the packages are looked up one by one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers/cli.js';
import { fixturesDir } from '../helpers/paths.js';

interface Report {
  packages: { importPath: string; cached?: boolean }[];
  sites: { function: string | null; kind: string }[];
}

test('an overlay, and every file it names, is part of the key: editing the replacement is never a stale replay', () => {
  const mod = tempDir('heapscope-overlay-');
  for (const f of readdirSync(join(fixturesDir, 'modules', 'causes')))
    copyFileSync(join(fixturesDir, 'modules', 'causes', f), join(mod, f));
  const cache = tempDir('heapscope-overlay-cache-');
  const replacement = join(tempDir('heapscope-overlay-files-'), 'causes.go');
  const overlay = join(tempDir('heapscope-overlay-json-'), 'overlay.json');
  writeFileSync(overlay, JSON.stringify({ Replace: { [join(mod, 'causes.go')]: replacement } }));
  const source = readFileSync(join(mod, 'causes.go'), 'utf8');
  const analyze = (): Report => {
    rmSync(join(cache, 'results'), { recursive: true, force: true }); // no finished report: packages say where they came from
    const r = runCli(['analyze', '--format', 'json', '-C', mod, './'], { env: { HEAPSCOPE_CACHE: cache, GOFLAGS: `-overlay=${overlay}` } });
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout) as Report;
  };
  writeFileSync(replacement, source + '\nvar extraSink any\n\nfunc Extra(n int) { extraSink = &n }\n');
  assert.deepEqual(
    analyze()
      .sites.filter((s) => s.function === 'Extra')
      .map((s) => s.kind),
    ['moved-to-heap'],
  );
  writeFileSync(replacement, source + '\nvar extraSink any\n\nfunc Extra(n int) { extraSink = n }\n');
  const after = analyze();
  assert.deepEqual(
    after.sites.filter((s) => s.function === 'Extra').map((s) => s.kind),
    ['escapes'],
  );
  assert.equal(after.packages[0]!.cached, undefined, 'compiled again, not read from the cache');
});

test('a default.pgo beside a main package is part of the key', () => {
  const mod = tempDir('heapscope-pgo-');
  writeFileSync(join(mod, 'go.mod'), 'module example.com/pgo\n\ngo 1.21\n');
  writeFileSync(
    join(mod, 'main.go'),
    'package main\n\nvar sink *int\n\nfunc f(n int) { sink = &n }\n\nfunc main() {\n\tfor i := 0; i < 3; i++ {\n\t\tf(i)\n\t}\n}\n',
  );
  writeFileSync(
    join(mod, 'main_test.go'),
    'package main\n\nimport "testing"\n\nfunc BenchmarkF(b *testing.B) {\n\tfor i := 0; i < b.N; i++ {\n\t\tf(i)\n\t}\n}\n',
  );
  const cache = tempDir('heapscope-pgo-cache-');
  const work = tempDir('heapscope-pgo-work-');
  const run = (): Report => {
    rmSync(join(cache, 'results'), { recursive: true, force: true }); // no finished report: packages say where they came from
    const r = runCli(['analyze', '--format', 'json', '-C', mod, './'], { env: { HEAPSCOPE_CACHE: cache } });
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout) as Report;
  };
  run();
  assert.equal(run().packages[0]!.cached, true, 'unchanged: read from the cache');
  // A real CPU profile of the package, as go build -pgo takes it.
  const prof = spawnSync(
    'go',
    ['test', '-run', '^$', '-bench', '.', '-benchtime', '2000x', '-cpuprofile', join(work, 'cpu.pprof'), '-o', join(work, 'pgo.test'), '.'],
    {
      cwd: mod,
      encoding: 'utf8',
    },
  );
  assert.equal(prof.status, 0, prof.stderr);
  copyFileSync(join(work, 'cpu.pprof'), join(mod, 'default.pgo'));
  assert.equal(run().packages[0]!.cached, undefined, 'a new default.pgo: compiled again');
  assert.equal(run().packages[0]!.cached, true);
});
