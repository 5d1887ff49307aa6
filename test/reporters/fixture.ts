// What the reporter tests render: reports from real compiler output, captured (the causes module's -m=2 text of
// two Go releases, the examples' benchmark text) or produced by a real run of the built CLI in JSON, rendered
// in-process in each language. And what is left of English in a Chinese report once the model's own text is
// taken out (it arrives translated from the join, or is the compiler's).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEscapeText } from '../../src/parsers/escape-text.js';
import { splitLines } from '../../src/parsers/line-splitter.js';
import { parseBenchText } from '../../src/parsers/bench-text.js';
import { buildModel } from '../../src/join/build-model.js';
import { sourceReader } from '../../src/runners/source-lines.js';
import { CAUSES } from '../../src/model/causes.js';
import type { AnalysisModel } from '../../src/model/types.js';
import { t } from '../../src/i18n/t.js';
import type { Lang } from '../../src/i18n/lang.js';
import { fixturesDir } from '../helpers/paths.js';
import { moduleSources } from '../helpers/sources.js';
import { englishRuns } from '../helpers/english.js';
import { runCli } from '../helpers/cli.js';

export const causesDir = join(fixturesDir, 'modules', 'causes');

/** The causes module joined from its captured -m=2 text (test/fixtures/escape/causes/COMMANDS.txt). */
export function causesModel(version: 'go1.26.8' | 'go1.27.4' = 'go1.26.8'): AnalysisModel {
  const text = readFileSync(join(fixturesDir, 'escape', 'causes', `m2-${version}.txt`), 'utf8');
  const facts = parseEscapeText(splitLines(text), { resolveFiles: (names) => new Map(names.map((n) => [n, n.replace(/^\.\//, '')])) });
  const source = sourceReader(moduleSources(causesDir), {
    dirOf: (p) => (p === 'example.com/causes' ? causesDir : undefined),
    nameOf: () => undefined,
    named: () => undefined,
  });
  return buildModel({
    go: { version, goos: 'linux', goarch: 'amd64' },
    root: causesDir,
    units: [{ importPath: 'example.com/causes', dir: causesDir, facts, errors: [], cached: false }],
    sourceLine: (f, l) => source.line(f, l),
    resultNames: (fn) => source.resultNames(fn),
    typeKind: (pkg, file, name) => source.typeKind(pkg, file, name),
  });
}

/** Each benchmark's samples per unit in a captured `go test -bench` text (test/fixtures/bench/<dir>/COMMANDS.txt). */
export function benchSamples(dir: string): Map<string, { procs: number; units: Record<string, number[]> }> {
  const parsed = parseBenchText(splitLines(readFileSync(join(fixturesDir, 'bench', dir, 'bench.txt'), 'utf8')));
  const out = new Map<string, { procs: number; units: Record<string, number[]> }>();
  for (const p of parsed.packages)
    for (const b of p.benchmarks) {
      const units: Record<string, number[]> = {};
      for (const r of b.runs) for (const [u, v] of Object.entries(r.metrics)) (units[u] ??= []).push(v);
      out.set(b.name, { procs: b.procs, units });
    }
  return out;
}

/** What a real run of the built CLI writes with --format json (a private cache; colour off). */
export function cliJson<T>(args: string[]): { code: number | null; report: T } {
  const r = runCli([...args, '--format', 'json']);
  if (!r.stdout.startsWith('{')) throw new Error(`heapscope ${args.join(' ')}: ${r.stderr}`);
  return { code: r.code, report: JSON.parse(r.stdout) as T };
}

/** f's result with heapscope writing in `lang`; English again afterwards. */
export function inLang<T>(lang: Lang, f: () => T): T {
  t.setLang(lang);
  try {
    return f();
  } finally {
    t.setLang('en');
  }
}

/** Every text of several words in the reports (the model's prose, the compiler's lines) and the causes' texts. */
function prose(reports: unknown[]): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (v.includes(' ')) out.add(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  reports.forEach(walk);
  for (const c of CAUSES) for (const s of [c.title, c.summary, c.explanation, c.fix]) out.add(s);
  // The ranking quotes a fix's first sentence (its `;` made a `.`).
  for (const s of [...out]) for (const part of s.split(/(?<=[.;。；])\s*/)) if (part.includes(' ')) out.add(part.replace(/;$/, '.'));
  // Longest first: a sentence is taken out before a phrase inside it.
  return [...out].sort((a, b) => b.length - a.length);
}

/** The English runs left in a report written in Chinese once the reports' own text is taken out. */
export function englishLeft(text: string, ...reports: unknown[]): string[] {
  return englishRuns(text, prose(reports));
}
