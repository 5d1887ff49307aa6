// heapscope's cache damaged in every way a disk, a crash or a person can damage it: every kind of file it keeps
// (the list of entries a run used, the per-package facts, the finished report), emptied, cut short, overwritten
// with noise or with JSON of another shape, or replaced by a directory. Each run after the damage must give
// exactly what a run without the cache gives, exit 0, and print no stack trace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportWithoutOrigin as report, runCli, tempDir } from '../helpers/cli.js';
import { fixturesDir } from '../helpers/paths.js';

const dir = join(fixturesDir, 'modules', 'causes');

/** Every file under d, relative to it. */
function files(d: string, at = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(d, at), { withFileTypes: true })) {
    const rel = join(at, e.name);
    if (e.isDirectory()) out.push(...files(d, rel));
    else out.push(rel);
  }
  return out;
}

const damages: [string, (p: string) => void][] = [
  ['emptied', (p) => writeFileSync(p, '')],
  ['cut short', (p) => truncateSync(p, Math.floor(statSync(p).size / 2))],
  ['noise', (p) => writeFileSync(p, Buffer.from(Array.from({ length: 700 }, (_, i) => (i * 7919) % 256)))],
  ['{}', (p) => writeFileSync(p, '{}')],
  ['null', (p) => writeFileSync(p, 'null')],
  ['42', (p) => writeFileSync(p, '42')],
  ['[]', (p) => writeFileSync(p, '[]')],
  // Valid in every way but for the package it names: an entry must be for the key and package asked for.
  ['another package', (p) => writeFileSync(p, readFileSync(p, 'utf8').replace(/"unit":"[^"]*"/, '"unit":"example.com/other"'))],
  [
    'one byte changed',
    (p) => {
      const b = readFileSync(p);
      b[b.length - 3] = b[b.length - 3] === 0x30 ? 0x31 : 0x30;
      writeFileSync(p, b);
    },
  ],
  [
    'a directory',
    (p) => {
      rmSync(p);
      mkdirSync(p);
    },
  ],
];

test('every kind of cache file, damaged every way, gives the result of --no-cache', () => {
  const expected = runCli(['analyze', '--format', 'json', '--no-cache', '-C', dir, './']);
  assert.equal(expected.code, 0, expected.stderr);
  const want = report(expected.stdout);
  const cache = tempDir('heapscope-damage-');
  const env = { HEAPSCOPE_CACHE: cache };
  const fill = (): string[] => {
    rmSync(cache, { recursive: true, force: true });
    const r = runCli(['analyze', '--format', 'json', '-C', dir, './'], { env });
    assert.equal(r.code, 0, r.stderr);
    return files(cache).filter((f) => !f.endsWith('.tmp'));
  };
  const kinds = fill();
  // The three kinds: the run's list of entries, a package's facts, the finished report.
  const kindOf = (f: string): string =>
    f.startsWith('runs/') ? 'runs' : f.startsWith('results/') ? 'results' : /^[0-9a-f]{2}\//.test(f) ? 'facts' : 'other';
  assert.deepEqual([...new Set(kinds.map(kindOf))].filter((k) => k !== 'other').sort(), ['facts', 'results', 'runs'], kinds.join(' '));
  for (const kind of ['runs', 'facts', 'results']) {
    for (const [what, damage] of damages) {
      const target = fill().find((f) => kindOf(f) === kind)!;
      damage(join(cache, target));
      for (const round of ['after the damage', 'on the run after']) {
        const r = runCli(['analyze', '--format', 'json', '-C', dir, './'], { env });
        const where = `${kind} ${what}, ${round}`;
        assert.equal(r.code, 0, `${where}: ${r.stderr}`);
        assert.doesNotMatch(r.stderr, /\n\s+at /, `${where}: no stack trace`);
        assert.deepEqual(report(r.stdout), want, where);
      }
    }
  }
});

test('cache info and clean: what the cache holds, then nothing of heapscope’s; an unwritable cache costs only speed', () => {
  const cache = tempDir('heapscope-info-');
  const env = { HEAPSCOPE_CACHE: cache };
  assert.equal(runCli(['analyze', '--format', 'json', '-C', dir, './'], { env }).code, 0);
  // bench's figures (measured/) and the go/srcfacts helper (bin/) are heapscope's too.
  const focus = join(fixturesDir, 'modules', 'focus');
  assert.equal(runCli(['bench', '--count', '1', '--benchtime', '100x', '-C', focus], { env }).code, 0);
  const measured = (): boolean => runCli(['analyze', '-C', focus], { env }).stdout.includes('measured by heapscope bench');
  assert.ok(measured());
  writeFileSync(join(cache, 'keep.txt'), 'not heapscope’s');
  const info = (): { dir: string; entries: number; bytes: number; kinds: Record<string, { entries: number }> } =>
    JSON.parse(runCli(['cache', 'info', '--format', 'json'], { env }).stdout);
  const before = info();
  assert.equal(before.dir, cache);
  for (const k of ['facts', 'results', 'runs', 'measured', 'bin']) assert.ok(before.kinds[k]!.entries >= 1, k);
  assert.equal(runCli(['cache', 'clean'], { env }).code, 0);
  assert.deepEqual([info().entries, info().bytes], [0, 0]);
  assert.deepEqual(readdirSync(cache), ['keep.txt']);
  assert.equal(readFileSync(join(cache, 'keep.txt'), 'utf8'), 'not heapscope’s');
  // The figures went with the rest: analyze estimates again (and builds its helper again).
  assert.equal(measured(), false);
  // A cache directory that cannot be made (its parent is a file): the report is the same, exit 0.
  const blocked = join(cache, 'keep.txt', 'cache');
  const r = runCli(['analyze', '--format', 'json', '-C', dir, './'], { env: { HEAPSCOPE_CACHE: blocked } });
  assert.equal(r.code, 0, r.stderr);
  const want = runCli(['analyze', '--format', 'json', '--no-cache', '-C', dir, './']);
  assert.deepEqual(report(r.stdout), report(want.stdout));
  assert.equal(runCli(['analyze', '-C', dir, './'], { env: { ...env, HEAPSCOPE_CACHE_LIMIT: 'banana' } }).code, 2);
});
