// SARIF 2.1.0 for code-scanning services: one rule per cause of the catalogue (its explanation and fix as help),
// one result per heap site that allocates (analyze) or per violation and stale directive (check), the compiler's
// flow as a code flow, and the site's identity (join/identity.ts) as a fingerprint, so a result keeps its alert
// when lines move. Go prints columns in bytes; SARIF counts UTF-16 code units by default, which agree on ASCII
// lines, so a column on a line with other characters can be off: the line is exact.
// A SARIF run carries one language (§3.14.29 `language`, en-US when absent): the run names heapscope's --lang as a
// BCP-47 tag and every rule text and message in it is in that language; ids, names and the compiler's text are
// not translated.

import { CAUSES, causeText, type Cause, type CauseId } from '../model/causes.js';
import { t, type MessageId } from '../i18n/t.js';
import type { Lang } from '../i18n/lang.js';
import { say } from './words.js';
import type { AnalysisModel, Position, Site } from '../model/types.js';
import type { CheckReport, Violation } from '../model/directives.js';
import { VERSION } from '../version.js';
import { isRealFile } from '../model/paths.js';
import type { ReportOptions } from './registry.js';

const INFO_URI = 'https://github.com/heapscope/heapscope';

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  defaultConfiguration: { level: 'note' | 'warning' | 'error' };
}

/** The BCP-47 tag of each language heapscope writes, for run.language. */
const SARIF_LANGUAGE: Record<Lang, string> = { en: 'en-US', 'zh-CN': 'zh-CN' };

const DIRECTIVE_RULES: Record<string, { name: string; text: MessageId; help: MessageId }> = {
  'heapscope/noescape': { name: 'NoEscape', text: 'report.sarif.noescape.text', help: 'report.sarif.noescape.help' },
  'heapscope/noalloc': { name: 'NoAlloc', text: 'report.sarif.noalloc.text', help: 'report.sarif.noalloc.help' },
  'heapscope/inline': { name: 'Inline', text: 'report.sarif.inline.text', help: 'report.sarif.inline.help' },
  'heapscope/baseline': { name: 'NewHeapAllocation', text: 'report.sarif.baseline.text', help: 'report.sarif.baseline.help' },
  'heapscope/stale-directive': { name: 'StaleDirective', text: 'report.sarif.stale.text', help: 'report.sarif.stale.help' },
};

type CauseText = 'summary' | 'explanation' | 'fix';

/** A cause's text in the run's language. */
const textOf = (c: Cause, field: CauseText): string => causeText(c.id as CauseId, field);

/** A rule's name is an identifier, the same in every language: the English title in PascalCase. */
const pascal = (s: string): string =>
  s.replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ? ch.toUpperCase() : '')).replace(/^./, (x) => x.toUpperCase());

function rules(): SarifRule[] {
  const out: SarifRule[] = CAUSES.map((c) => {
    const [explanation, fix] = [textOf(c, 'explanation'), textOf(c, 'fix')];
    return {
      id: c.id,
      name: pascal(causeText(c.id as CauseId, 'title', 'en')),
      shortDescription: { text: textOf(c, 'summary') },
      fullDescription: { text: explanation },
      help: { text: say('report.sarif.helpText', { explanation, fix }), markdown: say('report.sarif.helpMarkdown', { explanation, fix }) },
      defaultConfiguration: { level: 'note' },
    };
  });
  for (const [id, r] of Object.entries(DIRECTIVE_RULES)) {
    const help = say(r.help);
    out.push({
      id,
      name: r.name,
      shortDescription: { text: say(r.text) },
      fullDescription: { text: help },
      help: { text: help, markdown: help },
      defaultConfiguration: { level: id === 'heapscope/stale-directive' ? 'warning' : 'error' },
    });
  }
  const help = say('report.sarif.unexplained.help');
  out.push({
    id: 'unexplained',
    name: 'UnexplainedHeapAllocation',
    shortDescription: { text: say('report.sarif.unexplained.text') },
    fullDescription: { text: say('report.sarif.unexplained.full') },
    help: { text: help, markdown: help },
    defaultConfiguration: { level: 'note' },
  });
  return out;
}

/** A path as a URI reference: each segment percent-encoded (a `#` or `?` in a file name is not a fragment). */
const uriPath = (p: string): string => p.split('/').map(encodeURIComponent).join('/');

/** The same from the name's bytes on disk, for a name that is not UTF-8 (`caf\xe9.go` is `caf%E9.go`). */
function uriBytes(b: Buffer): string {
  let out = '';
  for (const c of b)
    out +=
      c === 0x2f || (c < 0x80 && /[A-Za-z0-9\-_.!~*'()]/.test(String.fromCharCode(c)))
        ? String.fromCharCode(c)
        : `%${c.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

/** Where positions are: the module root, and the bytes of names the model could not keep (ReportOptions.diskName). */
interface Where {
  root: string;
  diskName?: (file: string) => Buffer | null;
}

function location(at: Where, p: Position, message?: string): Record<string, unknown> {
  const abs = p.file.startsWith('/');
  const bytes = p.file.includes('\uFFFD') ? at.diskName?.(p.file) : null;
  const uri = bytes ? uriBytes(bytes) : uriPath(p.file);
  const region: Record<string, number> = { startLine: Math.max(1, p.line) };
  if (p.column > 0) region['startColumn'] = p.column;
  return {
    physicalLocation: {
      artifactLocation: abs ? { uri: `file://${uri}` } : { uri, uriBaseId: 'SRCROOT' },
      region,
    },
    ...(message ? { message: { text: message } } : {}),
  };
}

function siteMessage(s: Site): string {
  const fn = s.goName?.function ?? s.function;
  return say('report.sarif.site', {
    headline: say(s.kind === 'moved-to-heap' ? 'report.site.moved' : 'report.site.escapes', { expr: s.goName?.expr ?? s.expr }),
    fn: fn ? say('report.inFunction', { fn }) : '',
    summary: s.cause?.summary ?? say('report.site.noExplanation'),
    root: s.rootCause && s.rootCause !== s.cause ? say('report.sarif.rootCause', { summary: s.rootCause.summary }) : '',
    fix: (s.rootCause ?? s.cause)?.fix ?? say('report.sarif.seeFlow'),
  });
}

/** A site's result; `violation` is what check says of it (the message then says both). */
function siteResult(
  at: Where,
  ruleIndex: Map<string, number>,
  s: Site,
  rule: string,
  level: string,
  violation?: string,
): Record<string, unknown> {
  // Only positions in files that exist: not <autogenerated>, $WORK/..., or a cgo-generated file.
  const flow = s.flow.filter((f) => f.line > 0 && isRealFile(f.file));
  return {
    ruleId: rule,
    ruleIndex: ruleIndex.get(rule),
    level,
    message: { text: violation === undefined ? siteMessage(s) : say('report.violation', { message: violation, text: siteMessage(s) }) },
    locations: [location(at, s)],
    partialFingerprints: { 'heapscopeSiteId/v1': s.id ?? '' },
    ...(flow.length
      ? {
          codeFlows: [
            {
              threadFlows: [
                {
                  locations: flow.map((f) => ({
                    location: location(
                      at,
                      f,
                      `${f.goText?.text ?? f.text} (${f.reason}): ${f.goText?.dst ?? f.dst} ← ${f.goText?.src ?? f.src}`,
                    ),
                  })),
                },
              ],
            },
          ],
        }
      : {}),
  };
}

function sarifLog(root: string, results: Record<string, unknown>[], all: SarifRule[]): string {
  return (
    JSON.stringify({
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'heapscope', version: VERSION, semanticVersion: VERSION, informationUri: INFO_URI, rules: all } },
          language: SARIF_LANGUAGE[t.lang()],
          originalUriBaseIds: { SRCROOT: { uri: `file://${uriPath(root.endsWith('/') ? root : root + '/')}` } },
          results,
        },
      ],
    }) + '\n'
  );
}

export function renderSarif(model: AnalysisModel, opts?: ReportOptions): Iterable<string> {
  const at = { root: model.root, diskName: opts?.diskName };
  const all = rules();
  const index = new Map(all.map((r, i) => [r.id, i]));
  const results = model.sites
    .filter((s) => s.heap && s.allocates !== 'never' && isRealFile(s.file))
    .map((s) => siteResult(at, index, s, s.cause?.id ?? 'unexplained', 'note'));
  return [sarifLog(model.root, results, all)];
}

export function renderCheckSarif(r: CheckReport, opts?: ReportOptions): Iterable<string> {
  const at = { root: r.root, diskName: opts?.diskName };
  const all = rules();
  const index = new Map(all.map((x, i) => [x.id, i]));
  const results: Record<string, unknown>[] = [];
  const one = (v: Violation): void => {
    const rule = `heapscope/${v.rule}`;
    const level = v.ignored !== undefined ? 'none' : 'error';
    const res =
      v.site && isRealFile(v.site.file)
        ? siteResult(at, index, v.site, rule, level, v.message)
        : {
            ruleId: rule,
            ruleIndex: index.get(rule),
            level,
            message: { text: v.site ? say('report.violation', { message: v.message, text: siteMessage(v.site) }) : v.message },
            // A site in generated code has no file to point at; its directive, if any, has.
            locations: v.directive ? [location(at, v.directive)] : [],
            ...(v.site?.id ? { partialFingerprints: { 'heapscopeSiteId/v1': v.site.id } } : {}),
          };
    if (v.ignored !== undefined) res['suppressions'] = [{ kind: 'inSource', justification: v.ignored }];
    results.push(res);
  };
  r.violations.forEach(one);
  for (const st of r.stale)
    results.push({
      ruleId: 'heapscope/stale-directive',
      ruleIndex: index.get('heapscope/stale-directive'),
      level: 'warning',
      message: { text: `//heapscope:${st.directive.text}: ${st.why}` },
      locations: [location(at, st.directive)],
    });
  return [sarifLog(r.root, results, all)];
}
