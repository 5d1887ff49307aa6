// The configuration file against the published schema: JSON and YAML read alike, each problem with its line and key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../src/parsers/config-file.js';
import { repoRoot } from '../helpers/paths.js';

const schema = JSON.parse(readFileSync(join(repoRoot, 'docs', 'heapscope.schema.json'), 'utf8')) as object;
const parse = (text: string, name = 'heapscope.json') => parseConfig(text, `/m/${name}`, name, schema);

test('a valid file, JSON or YAML, gives the same configuration', () => {
  const json = parse(
    '{\n  "budgets": { "BenchmarkA": { "allocsPerOp": 0 }, "BenchmarkB/n=1": { "bytesPerOp": 64, "allocsPerOp": 1 } },\n  "packages": { "./hot/...": { "noalloc": true } },\n  "defaults": { "tags": "fast", "count": 5, "benchtime": "200ms" }\n}\n',
  );
  const yaml = parse(
    'budgets:\n  BenchmarkA: {allocsPerOp: 0}\n  BenchmarkB/n=1:\n    bytesPerOp: 64\n    allocsPerOp: 1\npackages:\n  ./hot/...: {noalloc: true}\ndefaults:\n  tags: fast\n  count: 5\n  benchtime: 200ms\n',
    'heapscope.yaml',
  );
  assert.ok(json.ok && yaml.ok);
  if (!json.ok || !yaml.ok) return;
  assert.deepEqual({ ...json.config, file: '' }, { ...yaml.config, file: '' });
  assert.deepEqual(json.config.budgets['BenchmarkB/n=1'], { bytesPerOp: 64, allocsPerOp: 1 });
  assert.equal(json.config.defaults.count, 5);
  const empty = parse('{}');
  assert.ok(empty.ok && Object.keys(empty.config.budgets).length === 0);
});

test('each problem with its file, line and key', () => {
  const r = parse(
    '{\n  "budgets": {\n    "BenchmarkA": { "allocsPerOp": "one" },\n    "BenchmarkB": {}\n  },\n  "defaults": { "count": 0, "colour": true }\n}\n',
  );
  assert.ok(!r.ok);
  if (r.ok) return;
  assert.deepEqual([...r.errors].sort(), [
    'heapscope.json:3: budgets.BenchmarkA.allocsPerOp: must be number',
    'heapscope.json:4: budgets.BenchmarkB: must NOT have fewer than 1 properties',
    'heapscope.json:6: defaults.colour: unknown key',
    'heapscope.json:6: defaults.count: must be >= 1',
  ]);
});

test('syntax errors and duplicate keys are refused with their line', () => {
  const bad = parse('budgets:\n  A: {allocsPerOp: 1}\n  A: {allocsPerOp: 2}\n', 'heapscope.yaml');
  assert.ok(!bad.ok && bad.errors.length === 1 && /^heapscope\.yaml:3: duplicate key "A"$/.test(bad.errors[0]!), JSON.stringify(bad));
  const broken = parse('{"budgets": {"A": ', 'heapscope.json');
  assert.ok(!broken.ok && /^heapscope\.json:1: /.test(broken.errors[0]!));
  const top = parse('[1, 2]');
  assert.ok(!top.ok && top.errors[0] === 'heapscope.json:1: (top level): must be object');
});

test('hostile and odd files: each one line with its line, none thrown', () => {
  const one = (text: string, name = 'heapscope.json'): string => {
    const r = parse(text, name);
    assert.ok(!r.ok, `${JSON.stringify(text.slice(0, 40))} was accepted`);
    if (r.ok) return '';
    assert.equal(r.errors.length, 1, JSON.stringify(r.errors));
    return r.errors[0]!;
  };
  // A YAML alias bomb ("billion laughs"): nine levels of nine aliases each.
  const levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 9; i++) {
    const [name, prev] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
    levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
  }
  assert.match(one(levels.join('\n') + '\n', 'heapscope.yaml'), /^heapscope\.yaml: its aliases expand to too much/);
  // JSON is JSON: a trailing comma, a missing comma, text after the value, a duplicate key, each at its line.
  assert.equal(one('{\n  "budgets": {\n    "A": { "allocsPerOp": 1 },\n  }\n}\n'), "heapscope.json:3: trailing comma before '}'");
  assert.equal(one('{\n  "budgets": {}\n  "defaults": {}\n}'), "heapscope.json:3: expected ',' or '}', found \"\\\"\"");
  assert.equal(one('{}\n{}'), 'heapscope.json:2: unexpected "{" after the value');
  assert.equal(one('{"budgets": {"A": {"allocsPerOp": 1},\n"A": {"allocsPerOp": 2}}}'), 'heapscope.json:2: duplicate key "A"');
  assert.equal(one('{"budgets": {"A": {"allocsPerOp": 01}}}'), "heapscope.json:1: expected ',' or '}', found \"1\"");
  assert.equal(one('['.repeat(100000)), 'heapscope.json:1: nested more than 64 deep');
  // Empty and null: said, not taken for no configuration.
  assert.equal(one(''), 'heapscope.json is empty: write {} for no configuration, or remove it');
  assert.equal(one(' \n\t\n'), 'heapscope.json is empty: write {} for no configuration, or remove it');
  assert.equal(one('# nothing yet\n', 'heapscope.yaml'), 'heapscope.yaml is empty: write {} for no configuration, or remove it');
  assert.equal(one('null'), 'heapscope.json:1: (top level): must be object');
  assert.equal(one('~\n', 'heapscope.yml'), 'heapscope.yml:1: (top level): must be object');
  // Strings long enough to break a command line (spawn E2BIG) are refused by the schema.
  assert.equal(
    one(JSON.stringify({ defaults: { tags: 'a '.repeat(3000) } })),
    'heapscope.json:1: defaults.tags: must NOT have more than 4096 characters',
  );
  assert.match(one(`{"budgets": {\n"${'B'.repeat(2000)}": {"allocsPerOp": 1}}}`), /^heapscope\.json:2: budgets\.B+…: key too long$/);
  // A file wrong everywhere says so in a bounded number of lines.
  const many = parse(
    JSON.stringify({ budgets: Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`B${i}`, { allocsPerOp: 'x' }])) }),
  );
  assert.ok(!many.ok && many.errors.length === 21 && /\.\.\. and 480 more problems$/.test(many.errors[20]!), JSON.stringify(many));
});

test('a byte order mark is not part of the text', () => {
  const json = parse('\ufeff{\n  "defaults": { "count": 0 }\n}\n');
  assert.ok(!json.ok && json.errors[0] === 'heapscope.json:2: defaults.count: must be >= 1', JSON.stringify(json));
  const yaml = parse('\ufeffdefaults:\n  count: 3\n', 'heapscope.yaml');
  assert.ok(yaml.ok && yaml.config.defaults.count === 3);
});

test('large files are read in linear time: 40,000 budgets in JSON, 12,000 in YAML', () => {
  const names = Array.from({ length: 40000 }, (_, i) => `BenchmarkEncode${i}/size=${i % 64}`);
  const json = JSON.stringify({ budgets: Object.fromEntries(names.map((n, i) => [n, { allocsPerOp: i % 7, bytesPerOp: i }])) }, null, 1);
  assert.ok(json.length > 2_500_000, String(json.length));
  let t0 = performance.now();
  const r = parse(json);
  const jsonMs = performance.now() - t0;
  assert.ok(r.ok && Object.keys(r.config.budgets).length === 40000, 'the file was refused');
  // 10 s before (the YAML parser read JSON too); some 0.3 s now on a loaded 2-core machine.
  assert.ok(jsonMs < 1500, `${jsonMs.toFixed(0)} ms`);
  // Problems found late still get their line (the second scan, only on failure).
  const at = json.lastIndexOf('"allocsPerOp": ') + 15;
  const bad = parse(json.slice(0, at) + '-' + json.slice(at));
  assert.ok(!bad.ok, 'a negative budget was accepted');
  if (!bad.ok) assert.match(bad.errors[0]!, /^heapscope\.json:\d{6}: budgets\.BenchmarkEncode39999\/size=63\.allocsPerOp: must be >= 0$/);
  const yaml =
    'budgets:\n' +
    names
      .slice(0, 12000)
      .map((n, i) => `  ${n}: {allocsPerOp: ${i % 7}}\n`)
      .join('');
  t0 = performance.now();
  const y = parse(yaml, 'heapscope.yaml');
  const yamlMs = performance.now() - t0;
  assert.ok(y.ok && Object.keys(y.config.budgets).length === 12000, 'the file was refused');
  // 8 s with the yaml package's own duplicate check (quadratic).
  assert.ok(yamlMs < 4000, `${yamlMs.toFixed(0)} ms`);
});

test('GC budgets: gcCyclesPer1kOps and stwNsPerOp are read, negative or text refused', () => {
  const r = parse('budgets:\n  BenchmarkA: {gcCyclesPer1kOps: 0.05, stwNsPerOp: 20}\n', 'heapscope.yaml');
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.deepEqual(r.config.budgets['BenchmarkA'], { gcCyclesPer1kOps: 0.05, stwNsPerOp: 20 });
  const bad = parse('{\n  "budgets": {\n    "BenchmarkA": { "gcCyclesPer1kOps": -1,\n      "stwNsPerOp": "20" }\n  }\n}\n');
  assert.ok(!bad.ok);
  if (bad.ok) return;
  assert.deepEqual([...bad.errors].sort(), [
    'heapscope.json:3: budgets.BenchmarkA.gcCyclesPer1kOps: must be >= 0',
    'heapscope.json:4: budgets.BenchmarkA.stwNsPerOp: must be number',
  ]);
});
