// SARIF (src/reporters/sarif.ts) in English and in Chinese: a run carries one language (run.language, a BCP-47
// tag) and writes its rule texts and messages in it; ids, rule names, rule indexes, fingerprints, locations and
// code flows are the same in every language; both pass Microsoft's SARIF validator without error or warning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCheckSarif, renderSarif } from '../../src/reporters/sarif.js';
import type { CheckReport } from '../../src/model/directives.js';
import { fixturesDir, repoRoot } from '../helpers/paths.js';
import { tempDir } from '../helpers/cli.js';
import { causesModel, cliJson, englishLeft, inLang } from './fixture.js';

interface Log {
  runs: {
    language?: string;
    tool: {
      driver: {
        rules: {
          id: string;
          name: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          help: { text: string; markdown: string };
        }[];
      };
    };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: unknown[];
      partialFingerprints?: unknown;
      codeFlows?: { threadFlows: { locations: { location: { message: { text: string } } }[] }[] }[];
    }[];
  }[];
}

/** Everything but the texts that follow the language. */
function skeleton(log: Log): unknown {
  const run = log.runs[0]!;
  return {
    rules: run.tool.driver.rules.map((r) => [r.id, r.name]),
    results: run.results.map((r) => [r.ruleId, r.ruleIndex, r.level, r.locations, r.partialFingerprints, r.codeFlows]),
  };
}

/** The texts written in the run's language. */
function prose(log: Log): string {
  const run = log.runs[0]!;
  return [
    ...run.tool.driver.rules.flatMap((r) => [r.shortDescription.text, r.fullDescription.text, r.help.text, r.help.markdown]),
    ...run.results.map((r) => r.message.text),
  ].join('\n');
}

function validate(name: string, text: string): void {
  const dir = tempDir('heapscope-sarif-lang-');
  writeFileSync(join(dir, name), text);
  const v = spawnSync(
    join(repoRoot, 'node_modules', '.bin', 'sarif-multitool'),
    ['validate', join(dir, name), '--output', join(dir, `${name}.validation`)],
    {
      encoding: 'utf8',
    },
  );
  assert.equal(v.status, 0, v.stdout + v.stderr);
  assert.match(v.stdout, /Analysis completed successfully/);
  assert.doesNotMatch(v.stdout, /: (error|warning) [A-Z]+\d+:/, v.stdout);
}

test('analyze SARIF in en and zh-CN: the run names its language, the same rules and results, texts in the language, valid', () => {
  const model = causesModel();
  const en = [...inLang('en', () => renderSarif(model))].join('');
  const zh = [...inLang('zh-CN', () => renderSarif(model))].join('');
  const [logEn, logZh] = [JSON.parse(en) as Log, JSON.parse(zh) as Log];
  assert.deepEqual([logEn.runs[0]!.language, logZh.runs[0]!.language], ['en-US', 'zh-CN']);
  assert.deepEqual(skeleton(logZh), skeleton(logEn));
  const results = logEn.runs[0]!.results;
  assert.ok(results.length >= 20 && results.some((r) => r.ruleId === 'stored-in-heap-object' && r.codeFlows?.length));
  assert.ok(logEn.runs[0]!.tool.driver.rules.every((r) => /^[A-Z][A-Za-z0-9]*$/.test(r.name)));
  assert.notEqual(prose(logZh), prose(logEn));
  assert.deepEqual(englishLeft(prose(logZh), model), []);
  // English SARIF is validated by test/e2e/check.test.ts.
  validate('analyze-zh.sarif', zh);
});

test('check SARIF in zh-CN: directive rules and messages in Chinese, the suppression kept, valid', () => {
  const { report } = cliJson<CheckReport>(['check', '-C', join(fixturesDir, 'modules', 'directives')]);
  const en = JSON.parse([...inLang('en', () => renderCheckSarif(report))].join('')) as Log;
  const text = [...inLang('zh-CN', () => renderCheckSarif(report))].join('');
  const zh = JSON.parse(text) as Log;
  assert.equal(zh.runs[0]!.language, 'zh-CN');
  assert.deepEqual(skeleton(zh), skeleton(en));
  assert.deepEqual(
    zh.runs[0]!.results.map((r) => [r.ruleId, r.level]).sort(),
    [
      ...report.violations.map((v) => [`heapscope/${v.rule}`, v.ignored === undefined ? 'error' : 'none']),
      ...report.stale.map(() => ['heapscope/stale-directive', 'warning']),
    ].sort(),
  );
  assert.deepEqual(englishLeft(prose(zh), report), []);
  validate('check-zh.sarif', text);
});
