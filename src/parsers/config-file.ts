// Reads a configuration file's text (JSON or YAML: JSON is read by the same YAML parser, so both get line numbers)
// and checks it against the published schema (docs/heapscope.schema.json) with Ajv. Errors name the file, the line
// and the key: `heapscope.json:7: budgets.BenchmarkX.allocsPerOp: must be number`.

import { Ajv } from 'ajv';
import { LineCounter, isMap, isScalar, parseDocument, type Node } from 'yaml';
import type { Config } from '../model/config.js';

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/** The node at a JSON pointer path in the document, for its line. */
function nodeAt(root: unknown, path: string[]): Node | null {
  let n = root as Node | null;
  for (const key of path) {
    if (!n || !isMap(n)) return n;
    const pair = n.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    if (!pair) return n;
    n = (pair.value as Node | null) ?? (pair.key as Node);
  }
  return n;
}

export function parseConfig(text: string, file: string, display: string, schema: object): ConfigResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length)
    return {
      ok: false,
      errors: doc.errors.map(
        (e) => `${display}:${e.linePos?.[0]?.line ?? 1}: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
      ),
    };
  const value: unknown = doc.toJS() ?? {};
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  if (!validate(value)) {
    const errors = (validate.errors ?? []).map((e) => {
      const path = e.instancePath
        .split('/')
        .slice(1)
        .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
      const extra = e.keyword === 'additionalProperties' ? String((e.params as { additionalProperty?: string }).additionalProperty) : null;
      const node = nodeAt(doc.contents, extra !== null ? [...path, extra] : path);
      const line = node?.range ? lines.linePos(node.range[0]).line : 1;
      const key = [...path, ...(extra !== null ? [extra] : [])].join('.') || '(top level)';
      const why = e.keyword === 'additionalProperties' ? 'unknown key' : (e.message ?? 'invalid');
      return `${display}:${line}: ${key}: ${why}`;
    });
    return { ok: false, errors };
  }
  const v = value as Partial<Config>;
  return { ok: true, config: { file, budgets: v.budgets ?? {}, packages: v.packages ?? {}, defaults: v.defaults ?? {} } };
}
