// The configuration file at the module root end to end: budgets checked by bench --check on real benchmarks,
// packages made noalloc for check, default flags under the command line's, and a malformed file refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers/cli.js';
import { examplesDir } from '../helpers/paths.js';
import type { BenchReport } from '../../src/model/bench-report.js';
import type { CheckReport } from '../../src/model/directives.js';

function module(config: string, name = 'heapscope.json'): string {
  const dir = join(tempDir('heapscope-config-'), 'm');
  cpSync(examplesDir, dir, { recursive: true });
  writeFileSync(join(dir, name), config);
  return dir;
}

test('bench --check: budgets against the medians; over is exit 1, within is exit 0', () => {
  const dir = module(
    JSON.stringify({
      budgets: {
        // allocCpuShare: the cost pass's 200000 iterations of NewPoint are a few ms of CPU, too few samples to say.
        BenchmarkNewPoint: { allocsPerOp: 0, bytesPerOp: 16, allocCpuShare: 0.9 },
        BenchmarkDescribe: { bytesPerOp: 100000 },
        BenchmarkGone: { allocsPerOp: 1 },
      },
      // Enough iterations that a stray allocation of the runtime or the testing package during the timed loop
      // (go test itself shows 18 B/op for NewPoint now and then at 2000x) does not move the truncated B/op.
      defaults: { benchtime: '200000x' },
    }),
  );
  const r = runCli(['bench', '--check', '--bench', 'NewPoint|Describe', '--format', 'json'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  assert.match(
    r.stderr,
    /heapscope: 1 budget exceeded; 1 budgeted benchmark did not run \(BenchmarkGone\); 1 budget not measured \(BenchmarkNewPoint allocCpuShare: only \d+ CPU samples\) \(heapscope\.json\)/,
  );
  const rep = JSON.parse(r.stdout) as BenchReport;
  assert.deepEqual(
    rep.budgets?.map((b) => [b.benchmark, b.metric, b.budget, b.measured, b.over]),
    [
      ['BenchmarkNewPoint', 'allocs/op', 0, 1, true],
      ['BenchmarkNewPoint', 'B/op', 16, 16, false],
      ['BenchmarkNewPoint', 'allocCpuShare', 0.9, null, false],
      ['BenchmarkDescribe', 'B/op', 100000, rep.benchmarks.find((b) => b.name === 'BenchmarkDescribe')!.bytesPerOp, false],
      ['BenchmarkGone', 'allocs/op', 1, null, false],
    ],
  );
  writeFileSync(
    join(dir, 'heapscope.json'),
    JSON.stringify({ budgets: { BenchmarkNewPoint: { allocsPerOp: 1 } }, defaults: { benchtime: '2000x' } }),
  );
  const ok = runCli(['bench', '--check', '--bench', 'NewPoint'], { cwd: dir });
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /^ {2}ok {2}BenchmarkNewPoint allocs\/op: 1 \(budget 1\)$/m);
});

test('packages made noalloc by the file: every heap site of theirs is a violation', () => {
  const dir = module('packages:\n  ./...:\n    noalloc: true\n', 'heapscope.yaml');
  const r = runCli(['check', '--format', 'json'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  const rep = JSON.parse(r.stdout) as CheckReport;
  const heap = (
    JSON.parse(runCli(['analyze', '--format', 'json'], { cwd: dir }).stdout) as { sites: { heap: boolean; allocates?: string }[] }
  ).sites.filter((s) => s.heap && s.allocates !== 'never').length;
  assert.equal(rep.violations.length, heap);
  assert.ok(rep.violations.every((v) => v.rule === 'noalloc' && v.fromConfig && v.directive === null));
});

test('default flags apply unless given on the command line', () => {
  const dir = module(JSON.stringify({ defaults: { top: 1 } }));
  assert.match(runCli(['analyze'], { cwd: dir }).stdout, /^The 1 costliest of 14 heap sites/m);
  assert.match(runCli(['analyze', '--top', '3'], { cwd: dir }).stdout, /^The 3 costliest of 14 heap sites/m);
});

test('a malformed file: exit 2, one line per problem with its line and key, before anything runs', () => {
  const dir = module('{\n  "budgets": { "BenchmarkNewPoint": { "allocsPerOp": "1" } },\n  "defaults": { "colour": true }\n}\n');
  const r = runCli(['analyze'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.equal(
    r.stderr,
    'heapscope: heapscope.json:2: budgets.BenchmarkNewPoint.allocsPerOp: must be number\nheapscope: heapscope.json:3: defaults.colour: unknown key\n',
  );
  writeFileSync(join(dir, 'heapscope.yaml'), 'budgets: {}\n');
  const two = runCli(['check'], { cwd: dir });
  assert.equal(two.code, 2);
  assert.match(two.stderr, /two configuration files; keep one/);
});

test('hostile files: a file past 1 MiB, an alias bomb, an empty file: exit 2, one line, before anything runs', () => {
  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 9; i++)
    bomb.push(
      `${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9)
        .fill(`*${'abcdefghi'[i - 1]}`)
        .join(', ')}]`,
    );
  const cases: [string, string, RegExp][] = [
    [
      'heapscope.json',
      JSON.stringify({ defaults: { tags: 'tag '.repeat(400_000) } }),
      /^heapscope: heapscope\.json: 1\.5 MiB, larger than the 1 MiB heapscope reads$/m,
    ],
    ['heapscope.yaml', bomb.join('\n') + '\n', /^heapscope: heapscope\.yaml: its aliases expand to too much/],
    ['heapscope.json', '', /^heapscope: heapscope\.json is empty/],
    ['heapscope.json', '{"defaults": {"top": 1},}', /^heapscope: heapscope\.json:1: trailing comma before '}'/],
  ];
  for (const [name, text, re] of cases) {
    const r = runCli(['check'], { cwd: module(text, name) });
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, re);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
});
