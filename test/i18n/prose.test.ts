// The prose the join and the model write (root-cause details, notes, cold reasons, cost bases, readable names,
// check's violations) in Chinese, end to end with the real compiler: the examples and the focus fixture (inlining
// notes, cold paths, closures) through `analyze --lang zh-CN --format json`, the directives fixture through
// `check`. No English sentence is left outside the compiler's own words, and every id, key and enum is what the
// English run gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers/cli.js';
import { examplesDir, fixturesDir } from '../helpers/paths.js';
import { englishRuns } from '../helpers/english.js';
import type { AnalysisModel, Site } from '../../src/model/types.js';
import { DIRECTIVE_KINDS, type CheckReport } from '../../src/model/directives.js';

function run(args: string[], dir: string, lang: string): string {
  // A cache per language: the text is the run's language.
  const r = runCli([...args, '--lang', lang, '-C', dir], { env: { HEAPSCOPE_CACHE: tempDir(`heapscope-prose-${lang}-`) } });
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return r.stdout;
}

/** The prose fields of a heap site, with the compiler's words they quote (flow notes, inlining reasons). */
function prose(s: Site, m: AnalysisModel): { texts: string[]; compiler: string[] } {
  const texts = [
    s.detail ?? '',
    ...(s.notes ?? []),
    s.coldReason ?? '',
    s.cost?.basis ?? '',
    s.goName?.function ?? '',
    s.goName?.expr ?? '',
    ...s.flow.flatMap((f) => (f.goText ? [f.goText.text, f.goText.src, f.goText.dst] : [])),
    ...(s.chain ?? []).flatMap((l) => [l.goName?.function ?? '', l.goName?.expr ?? '']),
  ].filter((x) => x !== '');
  const compiler = [
    ...s.flow.flatMap((f) => [f.reason, f.text]),
    ...m.functions.flatMap((f) => (f.reason ? [f.reason] : [])),
    ...m.sites.flatMap((x) => x.flow.map((f) => f.reason)),
  ].filter((x) => x !== '');
  return { texts, compiler };
}

/** The report with its prose taken out: what must not depend on the language. */
function withoutProse(m: AnalysisModel): unknown {
  const c = JSON.parse(JSON.stringify(m)) as AnalysisModel;
  for (const p of c.packages) delete (p as { cached?: boolean }).cached;
  delete (c as { lang?: string }).lang;
  // The JSON's catalogues of causes and rules (schema 2) are in the run's language (test/i18n/causes*.test.ts).
  for (const k of ['causes', 'allocationRules']) delete (c as unknown as Record<string, unknown>)[k];
  for (const s of c.sites) {
    delete s.detail;
    delete s.notes;
    delete s.coldReason;
    delete s.goName;
    // The causes' texts and the allocation rules' reasons follow the language too (test/i18n/causes*.test.ts).
    delete s.allocatesReason;
    for (const c of [s.cause, s.rootCause]) if (c) Object.assign(c, { summary: '', fix: '' });
    if (s.cost) s.cost.basis = '';
    for (const f of s.flow) delete f.goText;
    for (const l of s.chain ?? []) delete l.goName;
  }
  for (const i of c.instantiations ?? []) i.functions = [];
  return c;
}

test('analyze --lang zh-CN: details, notes, cold reasons, cost bases and readable names in Chinese; ids and enums as in English', () => {
  const seen = { detail: 0, notes: 0, cold: 0, basis: 0, names: 0 };
  for (const dir of [examplesDir, join(fixturesDir, 'modules', 'focus')]) {
    const zh = JSON.parse(run(['analyze', '--format', 'json'], dir, 'zh-CN')) as AnalysisModel;
    const en = JSON.parse(run(['analyze', '--format', 'json'], dir, 'en')) as AnalysisModel;
    assert.deepEqual(withoutProse(zh), withoutProse(en), dir);
    for (const s of zh.sites.filter((x) => x.heap)) {
      const { texts, compiler } = prose(s, zh);
      for (const text of texts) assert.deepEqual(englishRuns(text, compiler), [], `${s.file}:${s.line}:${s.column}: ${text}`);
      seen.detail += s.detail ? 1 : 0;
      seen.notes += s.notes?.length ?? 0;
      seen.cold += s.coldReason ? 1 : 0;
      seen.basis += s.cost ? 1 : 0;
      seen.names += s.goName?.function ? 1 : 0;
    }
    // The English run still says it in English.
    const enTexts = en.sites.filter((x) => x.heap).flatMap((s) => prose(s, en).texts);
    assert.ok(
      enTexts.some((x) => englishRuns(x).length > 0),
      dir,
    );
  }
  // Each kind of prose was there to be checked.
  for (const [field, n] of Object.entries(seen)) assert.ok(n > 0, `no ${field} in the reports`);
});

test('check --lang zh-CN: violations and stale directives in Chinese, rules as in English', () => {
  const dir = join(fixturesDir, 'modules', 'directives');
  const zh = JSON.parse(run(['check', '--format', 'json'], dir, 'zh-CN')) as CheckReport;
  const en = JSON.parse(run(['check', '--format', 'json'], dir, 'en')) as CheckReport;
  assert.ok(zh.violations.length > 0 && zh.stale.length > 0);
  assert.deepEqual(
    zh.violations.map((v) => [v.rule, v.directive?.line, v.site?.id]),
    en.violations.map((v) => [v.rule, v.directive?.line, v.site?.id]),
  );
  assert.deepEqual(
    zh.stale.map((s) => s.directive.line),
    en.stale.map((s) => s.directive.line),
  );
  // The compiler's reason it cannot inline a function is its own words; the directives' names are code.
  const reasons = en.violations.filter((v) => v.rule === 'inline').map((v) => v.message.slice(v.message.indexOf(': ') + 2));
  for (const text of [...zh.violations.map((v) => v.message), ...zh.stale.map((s) => s.why)])
    assert.deepEqual(englishRuns(text, [...reasons, DIRECTIVE_KINDS.join(', ')]), [], text);
});
