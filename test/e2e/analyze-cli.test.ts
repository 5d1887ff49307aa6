// The CLI end to end against modules compiled by the installed Go: the bundled examples, a module with a
// package that does not compile, and the bad inputs a user will meet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, chmodSync, cpSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers/cli.js';
import { examplesDir, fixturesDir } from '../helpers/paths.js';
import type { AnalysisModel } from '../../src/model/types.js';

function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(`${p} ${statSync(p).size} ${statSync(p).mtimeMs}`);
    }
  };
  walk(dir);
  return out.sort();
}

test('examples: every classic case gets its cause, at the compiler position, and nothing is written into the module', () => {
  const before = snapshot(examplesDir);
  const r = runCli(['analyze', '--format', 'json', '--tests', '-C', examplesDir]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(snapshot(examplesDir), before);
  const m = JSON.parse(r.stdout) as AnalysisModel & { causes: Record<string, { summary: string; fix: string }> };
  assert.equal(m.schemaVersion, 2);
  // Each cause a site names is in the catalogue at the top, once.
  for (const s of m.sites) for (const c of [s.cause, s.rootCause]) if (c) assert.ok(m.causes[c.id]?.summary && m.causes[c.id]?.fix, c.id);
  assert.match(m.go.version, /^go1\.\d+/);
  const at = (file: string, line: number, col: number) =>
    m.sites.filter((s) => s.heap && s.file === file && s.line === line && s.column === col);
  const expectCause = (line: number, col: number, expr: string, cause: string, fn: string) => {
    const s = at('alloc.go', line, col);
    assert.equal(s.length, 1, `one heap site at alloc.go:${line}:${col}`);
    assert.equal(s[0]!.expr, expr);
    assert.equal(s[0]!.cause?.id, cause, `cause at ${line}:${col}`);
    assert.equal(s[0]!.function, fn);
    assert.ok(s[0]!.flow.length > 0);
  };
  expectCause(17, 2, 'p', 'returned-address', 'NewPoint');
  expectCause(24, 21, 'values', 'returned-address', 'AddressOfParam');
  expectCause(43, 26, 'n', 'interface-conversion', 'Describe');
  expectCause(48, 2, 'total', 'closure-capture', 'Counter');
  expectCause(49, 9, 'func literal', 'closure-capture', 'Counter');
  expectCause(58, 5, 'func literal', 'goroutine', 'Async');
  expectCause(73, 13, 'make([]byte, 81920)', 'too-large', 'Large');
  expectCause(84, 2, 'it', 'append-escaping-slice', 'Register');
  expectCause(90, 19, 'dir + "/" + name', 'string-concatenation', 'Join');
  expectCause(95, 16, '([]byte)(s)', 'string-conversion', 'Bytes');
  // A run-time sized make that does not escape is a stack decision; CreateCopy has no heap site at all.
  const buf = m.sites.find((s) => s.file === 'alloc.go' && s.line === 66);
  assert.equal(buf?.kind, 'does-not-escape');
  assert.equal(m.sites.filter((s) => s.heap && s.function === 'CreateCopy').length, 0);

  // The classic: moved to heap on its own, on the stack where inlined into the benchmark.
  const repro = at('alloc.go', 30, 20)[0]!;
  assert.equal(repro.kind, 'moved-to-heap');
  assert.ok(
    repro.notes?.some((n) => /stays on the stack where memAllocRepro is inlined into BenchmarkMemAlloc at alloc_test.go:32:16/.test(n)),
    JSON.stringify(repro.notes),
  );
  const fn = m.functions.find((f) => f.name === 'memAllocRepro')!;
  assert.deepEqual([fn.inlinable, fn.cost, fn.budget, fn.reason], [true, 5, 80, null]);
  const asyncFn = m.functions.find((f) => f.name === 'Async')!;
  assert.equal(asyncFn.inlinable, false);
  assert.equal(asyncFn.reason, 'unhandled op GO');
  assert.ok(
    m.inlinedCalls.some(
      (c) => c.callee === 'memAllocRepro' && c.file === 'alloc_test.go' && c.line === 32 && c.caller === 'BenchmarkMemAlloc',
    ),
  );
  // Sites in the benchmark that came from an inlined body say so.
  const inlinedSite = at('alloc_test.go', 63, 18)[0]!;
  assert.equal(inlinedSite.inlinedFrom, 'Large');
});

test('a stack site after a closure belongs to the enclosing function, one inside it to the closure', () => {
  const r = runCli(['analyze', '--format', 'json', '--no-cache', '-C', join(fixturesDir, 'modules', 'after')]);
  assert.equal(r.code, 0, r.stderr);
  const m = JSON.parse(r.stdout) as AnalysisModel;
  const fn = (line: number) => m.sites.find((s) => s.file === 'after.go' && s.line === line)?.function;
  assert.equal(fn(6), 'Outer'); // make([]byte, n) does not escape, after Outer.func1 ended on line 5
  assert.equal(fn(13), 'Wrap.func1'); // ([]byte)(s) does not escape, inside the closure
  assert.equal(m.inlinedCalls.find((c) => c.callee === 'Outer.func1')?.caller, 'Outer');
  assert.deepEqual(
    m.functions.filter((f) => f.file === 'after.go').map((f) => [f.name, f.endLine]),
    [
      ['Outer', 8],
      ['Outer.func1', 5],
      ['Wrap', 16],
      ['Wrap.func1', 15],
    ],
  );
});

test('text output: go vet style lines, why and fix, summary', () => {
  const r = runCli(['analyze'], { cwd: examplesDir });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^alloc\.go:17:2: p moved to heap in NewPoint: its address is returned.*\[returned-address\]$/m);
  assert.match(r.stdout, /^ {4}why: flow the result of NewPoint ← &p$/m);
  assert.match(r.stdout, /^ {4}fix: /m);
  assert.match(r.stdout, /^ {2}\d+ heap sites: \d+ moved to heap, \d+ escaping expressions; 1 more escape but never allocate/m);
  // The constant "n=" boxed for fmt.Sprint is static data: listed apart, with its rule.
  assert.match(r.stdout, /^alloc\.go:43:20: "n=" escapes to heap in Describe: .*\[static-data\]$/m);
  assert.ok(!r.stdout.includes('\x1b['), 'no colour when not on a terminal');
});

test('a package that does not compile: its errors are reported, the others are analysed, exit 1', () => {
  const dir = join(fixturesDir, 'modules', 'broken');
  const r = runCli(['analyze', '--format', 'json', '-C', dir]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /1 package did not compile|2 packages did not compile/);
  const m = JSON.parse(r.stdout) as AnalysisModel;
  const bad = m.packages.find((p) => p.importPath === 'example.com/broken/bad')!;
  assert.ok(
    bad.errors.some((e) => e.includes('undefined: undefinedThing')),
    JSON.stringify(bad.errors),
  );
  const uses = m.packages.find((p) => p.importPath === 'example.com/broken/usesbad')!;
  assert.ok(uses.errors.length > 0);
  const good = m.packages.find((p) => p.importPath === 'example.com/broken/good')!;
  assert.deepEqual(good.errors, []);
  assert.ok(m.sites.some((s) => s.package === 'example.com/broken/good' && s.kind === 'moved-to-heap' && s.expr === 'x'));
});

test('an import that cannot be resolved: that package is reported, its siblings are analysed', () => {
  const r = runCli(['analyze', '--format', 'json', '--no-cache', '-C', join(fixturesDir, 'modules', 'loaderr')]);
  assert.equal(r.code, 1, r.stderr);
  const m = JSON.parse(r.stdout) as AnalysisModel;
  const missing = m.packages.find((p) => p.importPath === 'example.com/loaderr/missing')!;
  assert.ok(
    missing.errors.some((e) => e.includes('example.com/loaderr/nothere')),
    JSON.stringify(missing.errors),
  );
  assert.deepEqual(m.packages.find((p) => p.importPath === 'example.com/loaderr/good')!.errors, []);
  assert.ok(m.sites.some((s) => s.package === 'example.com/loaderr/good' && s.kind === 'moved-to-heap'));
});

test('the second run is served from the cache with the same result', () => {
  const cache = tempDir('heapscope-cache-');
  const env = { HEAPSCOPE_CACHE: cache };
  const first = runCli(['analyze', '--format', 'json', '-C', examplesDir], { env });
  const a = JSON.parse(first.stdout) as AnalysisModel;
  assert.ok(a.packages.every((p) => !p.cached));
  // Without the finished report, the packages' facts come from the cache and are joined again.
  rmSync(join(cache, 'results'), { recursive: true, force: true });
  const second = runCli(['analyze', '--format', 'json', '-C', examplesDir], { env });
  const b = JSON.parse(second.stdout) as AnalysisModel;
  assert.ok(b.packages.every((p) => p.cached));
  const fresh = runCli(['analyze', '--format', 'json', '--no-cache', '-C', examplesDir], { env });
  const c = JSON.parse(fresh.stdout) as AnalysisModel;
  assert.ok(c.packages.every((p) => !p.cached));
  // Facts as parsed (--no-cache), as read back from what the first run stored, and as loaded from the cache
  // give the same report, byte for byte, apart from the packages' cached flags.
  const body = (m: AnalysisModel): string => JSON.stringify([m.sites, m.functions, m.inlinedCalls, m.captures]);
  assert.equal(body(b), body(a));
  assert.equal(body(c), body(a));
});

test('an unchanged re-run replays the finished report; any change in the sources is analysed afresh', () => {
  const cache = tempDir('heapscope-cache-');
  const env = { HEAPSCOPE_CACHE: cache };
  const mod = tempDir('heapscope-edit-');
  cpSync(examplesDir, mod, { recursive: true });
  const first = runCli(['analyze', '--format', 'json', '--verbose', '-C', mod], { env });
  assert.equal(first.code, 0, first.stderr);
  assert.doesNotMatch(first.stderr, /replayed/);
  const again = runCli(['analyze', '--format', 'json', '--verbose', '-C', mod], { env });
  assert.equal(again.code, 0);
  assert.match(again.stderr, /nothing changed since the same command last ran/);
  assert.equal(again.stdout, first.stdout);
  // Another output setting is another report.
  const text = runCli(['analyze', '--verbose', '-C', mod], { env });
  assert.doesNotMatch(text.stderr, /replayed/);
  assert.match(text.stdout, /^examples\/|alloc\.go:\d+:\d+: /m);

  // Edit a file: the new escape must be reported, not the old report replayed.
  appendFileSync(join(mod, 'alloc.go'), '\nvar sink *int\n\nfunc Edited() { v := 42; sink = &v }\n');
  const edited = runCli(['analyze', '--format', 'json', '--verbose', '-C', mod], { env });
  assert.equal(edited.code, 0, edited.stderr);
  assert.doesNotMatch(edited.stderr, /replayed/);
  const m = JSON.parse(edited.stdout) as AnalysisModel;
  assert.ok(
    m.sites.some((s) => s.function === 'Edited' && s.kind === 'moved-to-heap' && s.expr === 'v'),
    'the edited function is analysed',
  );

  // A damaged report is a miss, never garbage on stdout.
  const results = join(cache, 'results');
  for (const f of readdirSync(results)) writeFileSync(join(results, f), '{"format":"heapscope-result-1","state":');
  const afterDamage = runCli(['analyze', '--format', 'json', '--verbose', '-C', mod], { env });
  assert.doesNotMatch(afterDamage.stderr, /replayed/);
  assert.deepEqual((JSON.parse(afterDamage.stdout) as AnalysisModel).sites, m.sites);
});

test('a partial result is never replayed: the broken package is compiled again', () => {
  const cache = tempDir('heapscope-cache-');
  const env = { HEAPSCOPE_CACHE: cache };
  const dir = join(fixturesDir, 'modules', 'broken');
  const first = runCli(['analyze', '--format', 'json', '--verbose', '-C', dir], { env });
  assert.equal(first.code, 1);
  const second = runCli(['analyze', '--format', 'json', '--verbose', '-C', dir], { env });
  assert.equal(second.code, 1);
  assert.doesNotMatch(second.stderr, /replayed/);
  assert.match(second.stderr, /did not compile/);
});

test('bad input: clear one-line errors and exit 2', () => {
  const empty = tempDir('heapscope-nomod-');
  const noMod = runCli(['analyze', '-C', empty], { env: { GOFLAGS: '', GO111MODULE: '' } });
  assert.equal(noMod.code, 2);
  assert.match(noMod.stderr, /^heapscope: no Go module in .*\n$/);

  const none = runCli(['analyze', '-C', examplesDir, './nothing/...']);
  assert.equal(none.code, 2);
  assert.equal(none.stderr.trim().split('\n').length, 1, none.stderr);
  assert.match(none.stderr, /^heapscope: .*nothing/);

  // Nothing is left behind either: heapscope's directory for the go command's work is removed at exit although
  // no child ever ran, and the watchdog finds rm without the user's PATH.
  const tmp = tempDir('heapscope-nogo-tmp-');
  const noGo = runCli(['analyze', '-C', examplesDir], { env: { PATH: '/nonexistent', TMPDIR: tmp } });
  assert.equal(noGo.code, 2);
  assert.match(noGo.stderr, /^heapscope: go: command not found/);
  assert.deepEqual(readdirSync(tmp), []);

  // A go command that reports an old release.
  const fake = tempDir('heapscope-oldgo-');
  writeFileSync(join(fake, 'go'), '#!/bin/sh\necho \'{"GOVERSION":"go1.18.10","GOOS":"linux","GOARCH":"amd64"}\'\n');
  chmodSync(join(fake, 'go'), 0o755);
  const old = runCli(['analyze', '-C', examplesDir], { env: { PATH: `${fake}:/usr/bin:/bin` } });
  assert.equal(old.code, 2);
  assert.match(old.stderr, /^heapscope: go1\.18\.10 is too old: heapscope needs go1\.21 or newer/);

  const usage = runCli(['analyze', '--format', 'xml']);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /invalid/);
});

test('--help lists every flag and the exit codes', () => {
  const r = runCli(['analyze', '--help']);
  assert.equal(r.code, 0);
  for (const flag of ['-C <dir>', '--tags', '--tests', '--format', '--verbose', '--no-cache', 'Exit codes', 'GOFLAGS']) {
    assert.ok(r.stdout.includes(flag), flag);
  }
});
