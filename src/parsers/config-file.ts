// Reads a configuration file's text and checks it against the published schema (docs/heapscope.schema.json) with
// Ajv. JSON is read strictly (json-lines.ts: JSON.parse for the value, one scan for each member's line); YAML by
// the yaml package, with aliases bounded. Errors name the file, the line and the key, one line each:
// `heapscope.json:7: budgets.BenchmarkX.allocsPerOp: must be number`.

import { createRequire } from 'node:module';
import type { Ajv as AjvClass } from 'ajv';
import type { Node } from 'yaml';
import type { Config } from '../model/config.js';
import { parseJsonWithLines, pointerToken } from './json-lines.js';
import { t as say } from '../i18n/t.js';

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/** YAML aliases resolved at most, counting what each expands to (the yaml package's guard against "billion laughs"). */
const MAX_ALIAS_COUNT = 100;

/** Problems listed at most: a generated file can be wrong in every one of thousands of entries. */
const MAX_PROBLEMS = 20;

// Ajv and yaml take about a third of a second to load, and most runs have no configuration file: they are loaded
// (synchronously, as the callers are) the first time a file is read.
const lazyRequire = createRequire(import.meta.url);
const yamlLib = (): typeof import('yaml') => lazyRequire('yaml') as typeof import('yaml');
const ajvLib = (): { Ajv: typeof AjvClass } => lazyRequire('ajv') as { Ajv: typeof AjvClass };

/** The node at a JSON pointer path in a YAML document, for its line. */
function nodeAt(root: unknown, path: string[]): Node | null {
  const { isMap, isScalar } = yamlLib();
  let n = root as Node | null;
  for (const key of path) {
    if (!n || !isMap(n)) return n;
    const pair = n.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    if (!pair) return n;
    n = (pair.value as Node | null) ?? (pair.key as Node);
  }
  return n;
}

type Read = { ok: true; value: unknown; lineOf: (pointer: string) => number } | { ok: false; errors: string[] };

function readJson(text: string, display: string): Read {
  const r = parseJsonWithLines(text);
  return r.ok ? r : { ok: false, errors: [`${display}:${r.line}: ${r.message}`] };
}

function readYaml(text: string, display: string): Read {
  const { LineCounter, isScalar, parseDocument, visit } = yamlLib();
  const lines = new LineCounter();
  // Duplicate keys are found below: the yaml package's own check (uniqueKeys) compares each key with every one
  // before it, and took 8 s on 12,000 budgets.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: false });
  if (doc.errors.length)
    return {
      ok: false,
      errors: doc.errors.map(
        (e) => `${display}:${e.linePos?.[0]?.line ?? 1}: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
      ),
    };
  let duplicate: string | null = null;
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const k = pair.key.value;
        if (seen.has(k)) {
          const at = pair.key.range ? lines.linePos(pair.key.range[0]).line : 1;
          duplicate = say('sweep.config.duplicate', { file: display, line: at, key: JSON.stringify(String(k)) });
          return visit.BREAK;
        }
        seen.add(k);
      }
      return undefined;
    },
  });
  if (duplicate !== null) return { ok: false, errors: [duplicate] };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // The yaml package throws for an alias count past the bound, and for an alias to nothing.
    const error = /alias count/i.test((e as Error).message)
      ? say('sweep.config.aliases', { file: display, max: MAX_ALIAS_COUNT })
      : `${display}: ${(e as Error).message.split('\n')[0]!}`;
    return { ok: false, errors: [error] };
  }
  const lineOf = (pointer: string): number => {
    const path = pointer
      .split('/')
      .slice(1)
      .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
    const node = nodeAt(doc.contents, path);
    return node?.range ? lines.linePos(node.range[0]).line : 1;
  };
  return { ok: true, value: doc.contents === null ? undefined : value, lineOf };
}

export function parseConfig(raw: string, file: string, display: string, schema: object): ConfigResult {
  // A byte order mark is not part of the text (editors on Windows write one).
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.trim() === '') return { ok: false, errors: [say('sweep.config.empty', { file: display })] };
  const read = /\.json$/i.test(file) ? readJson(text, display) : readYaml(text, display);
  if (!read.ok) return read;
  // A YAML file of comments only holds no document.
  if (read.value === undefined) return { ok: false, errors: [say('sweep.config.empty', { file: display })] };
  const { Ajv } = ajvLib();
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  if (!validate(read.value)) {
    const all = validate.errors ?? [];
    // Ajv reports a key name that breaks propertyNames twice: by the rule it breaks, then as propertyNames.
    const own = all.filter((e) => e.propertyName === undefined || e.keyword === 'propertyNames');
    const errors = own.slice(0, MAX_PROBLEMS).map((e) => {
      const extra = e.keyword === 'additionalProperties' ? String((e.params as { additionalProperty?: string }).additionalProperty) : null;
      const badName = e.keyword === 'propertyNames' ? String((e.params as { propertyName?: string }).propertyName) : null;
      const named = extra ?? badName;
      const pointer = named !== null ? `${e.instancePath}/${pointerToken(named)}` : e.instancePath;
      const path = pointer
        .split('/')
        .slice(1)
        .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
      const at = { file: display, line: read.lineOf(pointer), key: shorten(path.join('.')) };
      // The schema's other messages are Ajv's own (English, as its library writes them).
      if (extra !== null) return say('sweep.config.unknownKey', at);
      if (badName !== null) return say('sweep.config.keyTooLong', at);
      return `${display}:${at.line}: ${at.key || '(top level)'}: ${e.message ?? 'invalid'}`;
    });
    if (own.length > MAX_PROBLEMS) errors.push(say('sweep.config.more', { file: display, n: own.length - MAX_PROBLEMS }));
    return { ok: false, errors };
  }
  const v = read.value as Partial<Config>;
  return { ok: true, config: { file, budgets: v.budgets ?? {}, packages: v.packages ?? {}, defaults: v.defaults ?? {} } };
}

/** A key as a message shows it: a 50,000-character key is named by its start. */
function shorten(key: string): string {
  return key.length > 120 ? `${key.slice(0, 120)}…` : key;
}
