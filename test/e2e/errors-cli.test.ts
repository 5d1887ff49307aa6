// "Never wrong, never stuck": hostile output is escaped, bad flags and positions are usage errors (exit 2) named
// before anything runs, a test binary that ends before its benchmarks says why, and go's errors are shown whole.
// The hostile fixture module holds a //line directive with escapes, a b.Fatal with escapes, an os.Exit(3), a
// TestMain that exits 1 and a package whose _test.go does not compile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers/cli.js';
import { examplesDir, fixturesDir } from '../helpers/paths.js';
import type { AnalysisModel } from '../../src/model/types.js';
import type { BenchReport } from '../../src/model/bench-report.js';
import type { Explanation } from '../../src/model/explain-report.js';

const hostile = join(fixturesDir, 'modules', 'hostile');
// eslint-disable-next-line no-control-regex -- the test looks for raw control characters
const RAW = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]/;

test('a //line file name with terminal escapes: escaped in text, exact in JSON', () => {
  const text = runCli(['analyze', '-C', hostile, './linedir']);
  assert.equal(text.code, 0, text.stderr);
  assert.doesNotMatch(text.stdout + text.stderr, RAW);
  assert.ok(text.stdout.includes('evil\\x1b[2J\\x1b]0;pwned\\a\\u202e.go:10'), text.stdout);
  const json = runCli(['analyze', '--format', 'json', '-C', hostile, './linedir']);
  const model = JSON.parse(json.stdout) as AnalysisModel;
  assert.ok(model.sites.some((s) => s.file === 'evil\x1b[2J\x1b]0;pwned\x07\u202e.go'));
});

test('bench: b.Fatal escapes escaped, os.Exit(3) named, a TestMain that exits reported with its output', () => {
  const r = runCli(['bench', '--benchtime', '100x', '--format', 'json', '-C', hostile, './fatal', './setupfail']);
  assert.equal(r.code, 1, r.stderr);
  assert.doesNotMatch(r.stderr, /no benchmark matches/);
  const rep = JSON.parse(r.stdout) as BenchReport;
  const errs = (pkg: string): string[] => rep.packages.find((p) => p.importPath === `example.com/hostile/${pkg}`)?.errors ?? [];
  // JSON keeps the exact text; the text reporter escapes it (test/reporters/safe-output.test.ts).
  assert.ok(
    errs('fatal').some((e) => e.startsWith('BenchmarkFatal failed: ') && e.includes('\x1b[2J')),
    JSON.stringify(errs('fatal')),
  );
  assert.ok(
    errs('fatal').some((e) => /^BenchmarkExit .*exit status 3$/.test(e) && !/panic/.test(e)),
    JSON.stringify(errs('fatal')),
  );
  assert.ok(
    rep.benchmarks.some((b) => b.name === 'BenchmarkAfter'),
    'the benchmark after the exit still runs',
  );
  const setup = errs('setupfail');
  assert.equal(setup.length, 1, JSON.stringify(setup));
  assert.match(setup[0]!, /before any benchmark ran: exit status 1/);
  assert.match(setup[0]!, /setup failed: database unreachable/);
});

test('bench text output escapes what the test binary printed', () => {
  const r = runCli(['bench', '--benchtime', '100x', '--bench', 'Fatal', '-C', hostile, './fatal']);
  assert.equal(r.code, 1, r.stderr);
  assert.doesNotMatch(r.stdout + r.stderr, RAW);
  assert.ok(r.stdout.includes('\\x1b[2J\\x1b]0;pwned\\a\\u202ebad'), r.stdout);
});

test('bench: a test binary built for another GOARCH is an exec failure, not "no benchmark matches"', (t) => {
  const r = runCli(['bench', '--format', 'json', '-C', hostile, './setupfail'], { env: { GOARCH: 'arm64' } });
  const rep = JSON.parse(r.stdout) as BenchReport;
  if (process.arch === 'arm64') return t.skip('this machine runs arm64');
  assert.equal(r.code, 1, r.stderr);
  assert.doesNotMatch(r.stderr, /no benchmark matches/);
  const e = rep.packages[0]!.errors[0] ?? '';
  assert.match(e, /before any benchmark ran: (exit status|signal)/);
  assert.match(e, /exec format error/i);
});

test('bad flags: exit 2, one line naming the flag, before anything runs', () => {
  const cases: [string[], RegExp][] = [
    [['bench', '--timeout', 'banana'], /--timeout banana/],
    [['bench', '--timeout', '1'], /--timeout 1/],
    // --timeout is checked alike on every command that runs test binaries.
    [['diff', 'HEAD', '--bench', '.', '--timeout', 'banana'], /--timeout banana/],
    [['check', '--bench', '.', '--timeout', '-1s'], /--timeout -1s/],
    [['explain', 'alloc.go:30', '--bench', '.', '--timeout', '1'], /--timeout 1/],
    [['bench', '--benchtime', 'banana'], /--benchtime banana/],
    [['bench', '--benchtime', '0x'], /--benchtime 0x/],
    [['bench', '--bench', '('], /--bench \(/],
    [['bench', '--bench', '(?=x)'], /--bench \(\?=x\)/],
    [['bench', '--count', '1e1'], /--count 1e1/],
    // Let through by the check in Node, refused by Go's regexp package in the test binary: still bad usage.
    [['bench', '--bench', '\\p{Nonsense}'], /--bench \\p\{Nonsense\}: error parsing regexp/],
    [['explain', 'alloc.go:30', '--bench', 'a**'], /--bench a\*\*/],
    [['explain', 'alloc.go:30', '--format', 'xml'], /xml/],
  ];
  for (const [args, re] of cases) {
    const r = runCli(args, { cwd: examplesDir });
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, re);
    assert.equal(r.stdout, '');
    if (args[0] !== 'explain' || args[2] !== '--format') assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
});

test('-C: a missing directory, a file and a path through a file are named for every command, exit 2', () => {
  const file = join(examplesDir, 'go.mod');
  for (const cmd of [['analyze'], ['bench'], ['explain', 'alloc.go:30']]) {
    for (const [dir, re] of [
      ['/nonexistent-heapscope', /-C \/nonexistent-heapscope: no such directory/],
      [file, /: not a directory/],
      [join(file, 'x'), /: a part of the path is not a directory/],
    ] as const) {
      const r = runCli([...cmd, '-C', dir]);
      assert.equal(r.code, 2, `${cmd[0]} -C ${dir}: ${r.stderr}`);
      assert.match(r.stderr, re);
      assert.doesNotMatch(r.stderr, /internal error|command not found/);
    }
  }
});

test('explain: missing files, lines out of range and malformed lines are usage errors', () => {
  const lines = String(lineCount(join(examplesDir, 'alloc.go')));
  for (const [pos, re] of [
    ['nosuch.go:3', /nosuch\.go: no such file/],
    ['alloc.go:5000', new RegExp(`alloc\\.go has ${lines} lines`)],
    ['alloc.go:1e1', /FILE:LINE/],
    ['alloc.go:0x2', /FILE:LINE/],
    ['alloc.go:0', /FILE:LINE/],
  ] as const) {
    const r = runCli(['explain', pos], { cwd: examplesDir });
    assert.equal(r.code, 2, `${pos}: ${r.stderr}`);
    assert.match(r.stderr, re);
  }
});

test('explain: a type declaration is not inside a function; a broken _test.go leaves the other files explained', () => {
  const typ = runCli(['explain', 'alloc.go:11', '--format', 'json'], { cwd: examplesDir });
  assert.equal(typ.code, 0, typ.stderr);
  assert.equal((JSON.parse(typ.stdout) as Explanation).function, null);
  assert.match(typ.stderr, /alloc\.go:11 is not inside a function/);

  const r = runCli(['explain', 'brokentest/lib.go:7', '--format', 'json'], { cwd: hostile });
  assert.equal(r.code, 1, r.stderr);
  const ex = JSON.parse(r.stdout) as Explanation;
  assert.equal(ex.function?.name, 'NewPoint');
  assert.ok(
    ex.sites.some((s) => s.heap && s.expr === 'p' && s.cause?.id === 'returned-address'),
    JSON.stringify(ex.sites),
  );
  assert.ok(ex.errors.some((e) => /lib_test\.go:6/.test(e)));
});

test('a go.mod that does not parse: every line of the error is shown, exit 2', () => {
  const d = tempDir('heapscope-badmod-');
  writeFileSync(join(d, 'go.mod'), 'module x\n\ngo 1.21\nrequire (\n');
  writeFileSync(join(d, 'x.go'), 'package x\n');
  const r = runCli(['analyze', '-C', d]);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /errors parsing go\.mod/);
  assert.match(r.stderr, /go\.mod:5: syntax error/);
});

test("the go command's own errors, filters that match nothing and positions with a column", () => {
  // A copy of the examples module with a package that does not type-check, one whose //go:embed pattern matches
  // no file (the go command stops before compiling anything) and one whose import holds a byte that is not UTF-8
  // (go list reports it, with its position apart from the message).
  const dir = join(tempDir('heapscope-goerrors-'), 'm');
  cpSync(examplesDir, dir, { recursive: true });
  const pkg = (name: string, src: string | Buffer): void => {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, `${name}.go`), src);
  };
  pkg('bad', 'package bad\n\nfunc F() int { return "x" }\n');
  pkg('emb', 'package emb\n\nimport _ "embed"\n\n//go:embed nosuch.txt\nvar s string\n');
  pkg('utf', Buffer.concat([Buffer.from('package utf\n\nimport "fmt'), Buffer.from([0xff]), Buffer.from('"\n\nvar X = fmt.Sprint(1)\n')]));
  const cases: { args: string[]; code: number; stderr?: RegExp; stdout?: RegExp; not?: RegExp }[] = [
    // 1. A flag value the go command refuses: its own message, exit 2.
    { args: ['analyze', '--tags', 'a,b c', '.'], code: 2, stderr: /^heapscope: go: -tags space-separated list contains comma/ },
    // 1. A //go:embed pattern that matches nothing stops go build before it compiles: the package gets go's
    //    message with its position, and the packages that do not import it are still analysed.
    { args: ['analyze', '.', './emb'], code: 1, stdout: /emb: emb\/emb\.go:5:12: pattern nosuch\.txt: no matching files found/ },
    { args: ['analyze', '.', './emb'], code: 1, stdout: /^alloc\.go:17:2: p moved to heap/m, not: /the build stopped/ },
    // 2. check cannot say ok when a package does not compile.
    { args: ['check', './bad'], code: 2, stdout: /^heapscope check: not checked: 1 package did not compile/m, not: /check: ok/ },
    // 3. Filters that match nothing in the analysed packages, and a pattern that cannot be one.
    { args: ['analyze', '--package', 'nosuch/...', '.'], code: 2, stderr: /^heapscope: --package nosuch\/\.\.\.: matches none/ },
    { args: ['analyze', '--package', '[', '.'], code: 2, stderr: /^heapscope: --package \[: not a package pattern/ },
    { args: ['analyze', '--function', '^NoSuch$', '.'], code: 2, stderr: /^heapscope: --function \^NoSuch\$: matches no function/ },
    // 4. A position as the reports print it, with a column.
    { args: ['explain', 'alloc.go:17:2'], code: 0, stdout: /^alloc\.go:17 /, not: /no such file/ },
    { args: ['explain', 'alloc.go:17:0'], code: 2, stderr: /FILE:LINE:COL/ },
    // 5. A line of a package that does not compile: said so, with the compiler's first error.
    {
      args: ['explain', 'bad/bad.go:3'],
      code: 1,
      stderr: /bad\/bad\.go:3: \S+\/bad does not compile: bad\/bad\.go:3:23: /,
      not: /not inside a function/,
    },
    // 6. go list's error keeps its position.
    { args: ['analyze', './utf'], code: 1, stdout: /utf: utf\/utf\.go:3:12: illegal UTF-8 encoding/ },
  ];
  for (const c of cases) {
    const r = runCli(c.args, { cwd: dir });
    const what = `${c.args.join(' ')}: ${r.stderr}`;
    assert.equal(r.code, c.code, what);
    if (c.stderr) assert.match(r.stderr, c.stderr, what);
    if (c.stdout) assert.match(r.stdout, c.stdout, what);
    if (c.not) assert.doesNotMatch(r.stdout + r.stderr, c.not, what);
    assert.doesNotMatch(r.stderr, /internal error|\n {4}at /, what);
  }
});

test('HEAPSCOPE_DEBUG=1 prints phase timings for analyze, bench and explain', () => {
  for (const args of [
    ['analyze', '--no-cache', '-C', hostile, './linedir'],
    ['bench', '--bench', 'After', '--benchtime', '10x', '-C', hostile, './fatal'],
    ['explain', 'linedir/linedir.go:9', '-C', hostile],
  ]) {
    const r = runCli(args, { env: { HEAPSCOPE_DEBUG: '1' } });
    assert.match(r.stderr, /^heapscope: debug: .* s \(at /m, `${args[0]}: ${r.stderr}`);
  }
});

function lineCount(file: string): number {
  const text = readFileSync(file, 'utf8');
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}
