// GitHub Actions annotations (src/reporters/github.ts) in English and in Chinese: analyze's notices from the
// captured causes module and check's errors and warnings from a real check of the directives module, one command
// per finding at its position, titles with the cause id or directive, messages and titles translated (no English
// left in the Chinese outside the model's own text), each annotation one line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { renderCheckGithub, renderGithub } from '../../src/reporters/github.js';
import type { CheckReport } from '../../src/model/directives.js';
import { isRealFile } from '../../src/model/paths.js';
import { fixturesDir } from '../helpers/paths.js';
import { causesDir, causesModel, cliJson, englishLeft, inLang } from './fixture.js';

interface Annotation {
  kind: string;
  props: Record<string, string>;
  message: string;
}

/** The workflow commands of a text, unescaped as the runner's toolkit reads them. */
function annotations(text: string): Annotation[] {
  const unescape = (s: string): string =>
    s.replaceAll('%0A', '\n').replaceAll('%0D', '\r').replaceAll('%3A', ':').replaceAll('%2C', ',').replaceAll('%25', '%');
  return text
    .trimEnd()
    .split('\n')
    .map((l) => {
      const m = /^::(\w+) (.*?)::(.*)$/.exec(l);
      assert.ok(m, l);
      const props = Object.fromEntries(m[2]!.split(',').map((p) => [p.slice(0, p.indexOf('=')), unescape(p.slice(p.indexOf('=') + 1))]));
      return { kind: m[1]!, props, message: unescape(m[3]!) };
    });
}

const texts = (a: Annotation[]): string => a.map((x) => `${x.props['title']}\n${x.message}`).join('\n');

test('analyze annotations in en and zh-CN: one notice per hot heap site at its position, titled with its cause id', () => {
  const model = causesModel();
  const hot = model.sites.filter((s) => s.heap && s.allocates !== 'never' && !s.cold && isRealFile(s.file));
  const opts = { color: false, verbose: false, cwd: causesDir };
  const en = annotations([...inLang('en', () => renderGithub(model, opts))].join(''));
  const zh = annotations([...inLang('zh-CN', () => renderGithub(model, opts))].join(''));
  for (const list of [en, zh]) {
    assert.deepEqual(
      list.map((a) => [a.kind, a.props['file'], Number(a.props['line']), Number(a.props['col'])]),
      hot.map((s) => ['notice', s.file, s.line, s.column]),
    );
    list.forEach((a, i) => assert.ok(a.props['title']!.endsWith(`[${hot[i]!.cause!.id}]`), a.props['title']));
  }
  assert.notDeepEqual(texts(zh), texts(en));
  assert.deepEqual(englishLeft(texts(zh), model), []);
});

test('check annotations in en and zh-CN: an error per violation, a warning per stale directive', () => {
  const dir = join(fixturesDir, 'modules', 'directives');
  const { report } = cliJson<CheckReport>(['check', '-C', dir]);
  const opts = { color: false, verbose: false, cwd: dir };
  const en = annotations([...inLang('en', () => renderCheckGithub(report, opts))].join(''));
  const zh = annotations([...inLang('zh-CN', () => renderCheckGithub(report, opts))].join(''));
  for (const list of [en, zh]) {
    assert.deepEqual(
      list.map((a) => a.kind),
      [...Array(3).fill('error'), ...Array(5).fill('warning')],
    );
    assert.deepEqual(
      list.filter((a) => a.kind === 'error').map((a) => [a.props['file'], a.props['line'], a.props['title']]),
      report.violations
        .filter((v) => v.ignored === undefined)
        .map((v) => [(v.site ?? v.directive)!.file, String((v.site ?? v.directive)!.line), `//heapscope:${v.directive!.kind}`]),
    );
  }
  assert.notDeepEqual(texts(zh), texts(en));
  assert.deepEqual(englishLeft(texts(zh), report), []);
});
