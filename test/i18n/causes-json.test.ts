// `analyze --format json --lang zh-CN` on the bundled examples: every site's cause (and root cause) and the
// runtime rule's reason are in Chinese, while every id, kind and verdict is the English run's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli, tempDir } from '../helpers/cli.js';
import { examplesDir } from '../helpers/paths.js';
import { englishRuns } from '../helpers/english.js';

interface Ref {
  id: string;
  summary: string;
  fix: string;
}
interface JsonReport {
  sites: JsonSite[];
  causes: Record<string, { summary: string; fix: string }>;
  allocationRules: Record<string, string>;
}
interface JsonSite {
  id: string;
  expr: string;
  kind: string;
  cause: Ref | null;
  rootCause?: Ref;
  allocates?: string;
  allocatesRule?: string;
  allocatesReason?: string;
}

function sites(lang: string): JsonSite[] {
  // A cache of its own per language: the run's report must be made in its language, not replayed.
  const r = runCli(['analyze', '-C', examplesDir, '--format', 'json', '--lang', lang], { env: { HEAPSCOPE_CACHE: tempDir('hs-causes-') } });
  assert.equal(r.code, 0, r.stderr);
  // Schema 2: the prose is in the catalogues at the top; put it back on each site as schema 1 wrote it.
  const j = JSON.parse(r.stdout) as JsonReport;
  const full = (ref: { id: string } | null | undefined): Ref | undefined => (ref ? { id: ref.id, ...j.causes[ref.id]! } : undefined);
  return j.sites.map((s) => ({
    ...s,
    cause: full(s.cause) ?? null,
    rootCause: full(s.rootCause),
    allocatesReason: s.allocatesRule !== undefined ? j.allocationRules[s.allocatesRule] : undefined,
  }));
}

test('analyze --format json --lang zh-CN: causes and allocation reasons in Chinese, ids unchanged', () => {
  const en = sites('en');
  const zh = sites('zh-CN');
  const ids = (s: JsonSite) => [s.id, s.kind, s.cause?.id ?? null, s.rootCause?.id ?? null, s.allocates ?? null, s.allocatesRule ?? null];
  assert.deepEqual(zh.map(ids), en.map(ids));
  const caused = zh.filter((s) => s.cause);
  assert.ok(
    caused.some((s) => s.expr === 'values' && s.cause!.id === 'returned-address'),
    'return &values is explained',
  );
  assert.ok(new Set(caused.map((s) => s.cause!.id)).size >= 5, 'several causes');
  for (const [i, s] of zh.entries()) {
    for (const ref of [s.cause, s.rootCause]) {
      if (!ref) continue;
      const english = en[i]!.cause!.id === ref.id ? en[i]!.cause! : en[i]!.rootCause!;
      for (const text of [ref.summary, ref.fix]) {
        assert.match(text, /\p{Script=Han}/u, `${s.expr}: ${text}`);
        assert.deepEqual(englishRuns(text), [], `${s.expr}: ${text}`);
      }
      assert.notEqual(ref.summary, english.summary);
    }
    if (s.allocatesReason) {
      assert.match(s.allocatesReason, /\p{Script=Han}/u, s.expr);
      assert.deepEqual(englishRuns(s.allocatesReason), [], s.expr);
    }
  }
});
