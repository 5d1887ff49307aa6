// heapscope check end to end on real compiler output: a fixture whose directives hold, break or check nothing
// (each marked in its source), fixed and checked again; a baseline that survives a line shift and catches a new
// site; SARIF that Microsoft's validator accepts without an error or a warning; GitHub annotations; bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir, TOOLCHAINS } from '../helpers/cli.js';
import { examplesDir, fixturesDir, repoRoot } from '../helpers/paths.js';
import type { CheckReport } from '../../src/model/directives.js';

const fixture = join(fixturesDir, 'modules', 'directives');

function copy(dir: string): string {
  const to = join(tempDir('heapscope-check-'), 'm');
  cpSync(dir, to, { recursive: true });
  return to;
}

for (const tc of TOOLCHAINS) {
  test(`${tc.name}: each directive holds, breaks or checks nothing as its comment says`, () => {
    const r = runCli(['check', '--format', 'json', '-C', fixture], { env: tc.env });
    assert.equal(r.code, 1, r.stderr);
    const rep = JSON.parse(r.stdout) as CheckReport;
    assert.equal(rep.directives, 13);
    const v = rep.violations.map((x) => [x.rule, x.directive?.line, x.site ? `${x.site.expr}@${x.site.line}` : null, x.ignored ?? null]);
    assert.deepEqual(v, [
      ['noalloc', 20, 'v@22', null],
      ['noescape', 28, 'x@28', null],
      ['noescape', 35, 'y@36', 'the cache holds it for the process\u2019s life'.replace('\u2019', "'")],
      ['inline', 47, null, null],
    ]);
    assert.match(rep.violations[3]!.message, /^the compiler cannot inline Big: function too complex: cost \d+ exceeds budget 80$/);
    assert.deepEqual(
      rep.stale.map((s) => [s.directive.line, s.directive.text]),
      [
        [72, 'noescap'],
        [75, 'noalloc'],
        [80, 'noalloc'],
        [84, 'ignore nothing to silence here'],
        [88, 'noescape'],
      ],
    );
    assert.match(rep.stale[0]!.why, /^unknown directive/);
    assert.match(rep.stale[1]!.why, /doc comment/);
    assert.match(rep.stale[2]!.why, /generic/);
    assert.match(rep.stale[3]!.why, /silences nothing/);
    assert.match(rep.stale[4]!.why, /no code after it/);
  });
}

test('fixed, the same package passes: exit 0; the text names each violation at its position like go vet', () => {
  const dir = copy(fixture);
  const text = runCli(['check'], { cwd: dir });
  assert.equal(text.code, 1);
  assert.match(text.stdout, /^directives\.go:22:2: \/\/heapscope:noalloc: v moved to heap in Leak: .* \[returned-address\]$/m);
  assert.match(text.stdout, /^directives\.go:47:1: \/\/heapscope:inline: the compiler cannot inline Big: /m);
  assert.match(text.stdout, /^heapscope check: failed: 13 directives, 3 violations, 1 ignored, 5 stale directives$/m);
  const src = readFileSync(join(dir, 'directives.go'), 'utf8');
  const fixed = src
    .replace('func Leak() *int {\n\tv := 1\n\treturn &v\n}', 'func Leak() int {\n\tv := 1\n\treturn v\n}')
    .replace('\tx := 2 //heapscope:noescape\n\tsink = &x', '\tx := 2 //heapscope:noescape\n\t_ = x')
    .replace('//heapscope:inline\nfunc Big(', 'func Big(')
    .replace('//heapscope:noescap\n', '')
    .replace('//heapscope:noalloc\ntype NotAFunc', 'type NotAFunc')
    .replace('//heapscope:noalloc\nfunc Ident', 'func Ident')
    .replace(' //heapscope:ignore nothing to silence here', '')
    .replace(/\n\/\/heapscope:noescape\n$/, '\n');
  assert.notEqual(fixed, src);
  writeFileSync(join(dir, 'directives.go'), fixed);
  const ok = runCli(['check'], { cwd: dir });
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  assert.match(ok.stdout, /^heapscope check: ok: 7 directives, 0 violations, 1 ignored$/m);
});

test('check --bench: an allocation only a benchmark sees, inside strconv, charged to a noalloc function', () => {
  const r = runCli(['check', '--bench', '.', '--benchtime', '2000x', '--format', 'json', '-C', fixture]);
  assert.equal(r.code, 1, r.stderr);
  const rep = JSON.parse(r.stdout) as CheckReport;
  const measured = rep.violations.filter((v) => v.measured);
  assert.deepEqual(
    measured.map((v) => [
      v.directive?.file,
      v.directive?.line,
      v.measured!.benchmark,
      v.measured!.file,
      v.measured!.line,
      v.measured!.innermost,
    ]),
    [['measured.go', 8, 'BenchmarkItoa', 'measured.go', 10, 'strconv.FormatInt']],
  );
  // One 4-byte string per op: the profile records one 16-byte tiny block per four of them (0.25), and the line is
  // estimated at the block's four objects, what go test counts.
  assert.ok(Math.abs(measured[0]!.measured!.allocsPerOp - 1) <= 0.05, JSON.stringify(measured[0]!.measured));
  // An ignore on the measured line silences it (and is not stale); the configuration's bench defaults do not
  // replace what check asks for.
  const dir = copy(fixture);
  const m = join(dir, 'measured.go');
  writeFileSync(
    m,
    readFileSync(m, 'utf8').replace('\treturn strconv.Itoa(n)\n', '\treturn strconv.Itoa(n) //heapscope:ignore pooled elsewhere\n'),
  );
  writeFileSync(join(dir, 'heapscope.json'), JSON.stringify({ defaults: { bench: '^$', count: 3 } }));
  const ig = runCli(['check', '--bench', 'Itoa', '--benchtime', '2000x', '--format', 'json'], { cwd: dir });
  const igRep = JSON.parse(ig.stdout) as CheckReport;
  const v = igRep.violations.find((x) => x.measured);
  assert.equal(v?.ignored, 'pooled elsewhere', ig.stderr);
  assert.ok(!igRep.stale.some((st) => st.directive.file === 'measured.go'));
  // Statically nothing in Itoa escapes: without --bench its directive holds.
  const plain = JSON.parse(runCli(['check', '--format', 'json', '-C', fixture]).stdout) as CheckReport;
  assert.ok(!plain.violations.some((v) => v.directive?.file === 'measured.go'));
});

test('a baseline: survives lines moving, fails on a new heap site only', () => {
  const dir = copy(examplesDir);
  const base = join(dir, '..', 'baseline.json');
  const w = runCli(['analyze', '-C', dir, '--write-baseline', base, '--format', 'json']);
  assert.equal(w.code, 0, w.stderr);
  const written = JSON.parse(readFileSync(base, 'utf8')) as { format: string; sites: { id: string }[] };
  assert.equal(written.format, 'heapscope-baseline-1');
  assert.equal(
    written.sites.length,
    (JSON.parse(w.stdout) as { sites: { heap: boolean; allocates?: string }[] }).sites.filter((s) => s.heap && s.allocates !== 'never')
      .length,
  );

  // Ten lines inserted above everything: every site moves, none is new.
  const file = join(dir, 'alloc.go');
  writeFileSync(file, readFileSync(file, 'utf8').replace('package examples', '// moved\n'.repeat(10) + 'package examples'));
  const same = runCli(['check', '-C', dir, '--baseline', base, '--format', 'json']);
  assert.equal(same.code, 0, same.stdout + same.stderr);
  assert.equal((JSON.parse(same.stdout) as CheckReport).baseline?.new, 0);

  writeFileSync(file, readFileSync(file, 'utf8') + '\nfunc Fresh() *[16]byte { var b [16]byte; return &b }\n');
  const fresh = runCli(['check', '-C', dir, '--baseline', base, '--format', 'json']);
  assert.equal(fresh.code, 1);
  const rep = JSON.parse(fresh.stdout) as CheckReport;
  assert.deepEqual(
    rep.violations.map((v) => [v.rule, v.site?.function, v.site?.expr]),
    [['baseline', 'Fresh', 'b']],
  );
});

test('SARIF 2.1.0 from analyze and check: no error and no warning from Microsoft\u2019s SARIF validator', () => {
  const dir = tempDir('heapscope-sarif-');
  const outputs = {
    'analyze.sarif': runCli(['analyze', '--format', 'sarif', '-C', examplesDir, '--tests']),
    'check.sarif': runCli(['check', '--format', 'sarif', '-C', fixture]),
  };
  for (const [name, r] of Object.entries(outputs)) {
    writeFileSync(join(dir, name), r.stdout);
    const log = JSON.parse(r.stdout) as {
      runs: { results: { ruleId: string; partialFingerprints?: Record<string, string>; codeFlows?: unknown[] }[] }[];
    };
    assert.ok(log.runs[0]!.results.length > 0, name);
    const v = spawnSync(
      join(repoRoot, 'node_modules', '.bin', 'sarif-multitool'),
      ['validate', join(dir, name), '--output', join(dir, `${name}.validation`)],
      {
        encoding: 'utf8',
      },
    );
    assert.equal(v.status, 0, v.stdout + v.stderr);
    assert.match(v.stdout, /Analysis completed successfully/);
    assert.doesNotMatch(v.stdout, /: (error|warning) [A-Z]+\d+:/, v.stdout);
  }
  const analyze = JSON.parse(outputs['analyze.sarif'].stdout) as {
    runs: { results: { ruleId: string; partialFingerprints: Record<string, string>; codeFlows?: unknown[] }[] }[];
  };
  const results = analyze.runs[0]!.results;
  assert.ok(results.every((x) => /^[0-9a-f]{14}$/.test(x.partialFingerprints['heapscopeSiteId/v1']!)));
  assert.ok(results.some((x) => x.ruleId === 'returned-address' && x.codeFlows?.length));
});

test('GitHub annotations: one ::error per violation, ::warning per stale directive, escaped', () => {
  const r = runCli(['check', '--format', 'github', '-C', fixture], { cwd: fixture });
  assert.equal(r.code, 1);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.filter((l) => l.startsWith('::error ')).length, 3);
  assert.equal(lines.filter((l) => l.startsWith('::warning ')).length, 5);
  assert.ok(lines.includes(lines.find((l) => l.startsWith('::error file=directives.go,line=22,col=2,title=//heapscope%3Anoalloc::'))!));
  assert.ok(lines.every((l) => !l.slice(2).includes('\n')));
});

test('bad input: an unreadable or foreign baseline is exit 2 with one line; --format html is not a check format', () => {
  const dir = tempDir('heapscope-check-bad-');
  const missing = runCli(['check', '-C', fixture, '--baseline', join(dir, 'none.json')]);
  assert.equal(missing.code, 2);
  assert.match(
    missing.stderr,
    /^heapscope: --baseline .*none\.json: cannot read it \(ENOENT\) \(write one with heapscope analyze --write-baseline FILE\)\n$/,
  );
  writeFileSync(join(dir, 'x.json'), '{"sites": []}');
  const foreign = runCli(['check', '-C', fixture, '--baseline', join(dir, 'x.json')]);
  assert.equal(foreign.code, 2);
  assert.match(foreign.stderr, /not a heapscope baseline/);
  assert.equal(runCli(['check', '--format', 'html', '-C', fixture]).code, 2);
});

test('noalloc: a function that allocates through an inlined call fails, though the inlined body also holds a constant', () => {
  // mk is inlined into Keep: its panic("empty") constant is static data at the call's position, where the inlined
  // &T{...} is reported too; the allocation is real (the benchmark measures it) and breaks Keep's directive.
  const dir = join(tempDir('heapscope-check-inline-'), 'm');
  cpSync(join(fixturesDir, 'modules', 'allocates'), dir, { recursive: true });
  const src = join(dir, 'allocates.go');
  writeFileSync(src, readFileSync(src, 'utf8').replace('func InlinedMix(', '//heapscope:noalloc\nfunc InlinedMix('));
  const r = runCli(['check', '--format', 'json', '-C', dir]);
  assert.equal(r.code, 1, r.stderr);
  const rep = JSON.parse(r.stdout) as CheckReport;
  assert.deepEqual(
    rep.violations.map((v) => [v.rule, v.site?.function, v.site?.expr, v.site?.allocates]),
    [['noalloc', 'InlinedMix', '&named{...}', 'always']],
  );
});
