// heapscope check in the terminal (src/reporters/check-text.ts), from a real check of the directives module
// rendered in English and in Chinese: each violation at its site with its directive and cause id, each stale
// directive at its own position, the ignored one apart, the verdict last; no English left in the Chinese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { renderCheckText } from '../../src/reporters/check-text.js';
import type { CheckReport } from '../../src/model/directives.js';
import { fixturesDir } from '../helpers/paths.js';
import { cliJson, englishLeft, inLang } from './fixture.js';

const dir = join(fixturesDir, 'modules', 'directives');

test('check text in en and zh-CN: violations, stale directives and the verdict at their positions', () => {
  const { code, report } = cliJson<CheckReport>(['check', '-C', dir]);
  assert.equal(code, 1);
  const failing = report.violations.filter((v) => v.ignored === undefined);
  const ignored = report.violations.filter((v) => v.ignored !== undefined);
  assert.deepEqual([failing.length, ignored.length, report.stale.length], [3, 1, 5]);
  const render = (): string => [...renderCheckText(report, { color: false, verbose: false, cwd: dir })].join('');
  const texts = { en: inLang('en', render), 'zh-CN': inLang('zh-CN', render) };
  for (const [lang, text] of Object.entries(texts)) {
    const lines = text.trimEnd().split('\n');
    for (const v of report.violations) {
      const p = v.site ?? v.directive!;
      const at = `${p.file}:${p.line}:${p.column}: ${v.directive ? `//heapscope:${v.directive.kind}` : ''}`;
      const line = lines.find((l) => l.startsWith(at));
      assert.ok(line, `${lang}: ${at}`);
      if (v.site?.cause) assert.ok(line.endsWith(`[${v.site.cause.id}]`), `${lang}: ${line}`);
    }
    for (const st of report.stale)
      assert.ok(
        lines.some((l) => l.startsWith(`${st.directive.file}:${st.directive.line}:${st.directive.column}: //heapscope:`)),
        `${lang}: stale at ${st.directive.line}`,
      );
    // The ignored violation comes after the failing ones and the stale directives, under its own heading.
    const ignoredAt = lines.findIndex((l) => l.startsWith(`${ignored[0]!.site!.file}:${ignored[0]!.site!.line}:`));
    const lastStale = Math.max(
      ...report.stale.map((st) => lines.findIndex((l) => l.startsWith(`${st.directive.file}:${st.directive.line}:`))),
    );
    assert.ok(ignoredAt > lastStale + 1, lang);
    // The verdict is the last line, with the counts.
    assert.match(lines.at(-1)!, /^heapscope check\S/);
    for (const n of [13, 3, 1, 5]) assert.match(lines.at(-1)!, new RegExp(`\\b${n} `), lang);
  }
  assert.equal(texts['zh-CN'].split('\n').length, texts.en.split('\n').length);
  assert.deepEqual(englishLeft(texts['zh-CN'], report), []);
});
