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
  assert.ok(!bad.ok && bad.errors.length === 1 && /^heapscope\.yaml:3: Map keys must be unique$/.test(bad.errors[0]!), JSON.stringify(bad));
  const broken = parse('{"budgets": {"A": ', 'heapscope.json');
  assert.ok(!broken.ok && /^heapscope\.json:1: /.test(broken.errors[0]!));
  const top = parse('[1, 2]');
  assert.ok(!top.ok && top.errors[0] === 'heapscope.json:1: (top level): must be object');
});
