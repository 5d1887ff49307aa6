// SARIF 2.1.0 for code-scanning services: one rule per cause of the catalogue (its explanation and fix as help),
// one result per heap site that allocates (analyze) or per violation and stale directive (check), the compiler's
// flow as a code flow, and the site's identity (join/identity.ts) as a fingerprint, so a result keeps its alert
// when lines move. Go prints columns in bytes; SARIF counts UTF-16 code units by default, which agree on ASCII
// lines, so a column on a line with other characters can be off: the line is exact.

import { CAUSES } from '../model/causes.js';
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

const DIRECTIVE_RULES: Record<string, { name: string; text: string; help: string }> = {
  'heapscope/noescape': {
    name: 'NoEscape',
    text: 'A //heapscope:noescape line allocates on the heap',
    help: 'The line carries //heapscope:noescape, and the compiler decided that something on it goes to the heap. Remove the cause (the site says which) or the directive.',
  },
  'heapscope/noalloc': {
    name: 'NoAlloc',
    text: 'A //heapscope:noalloc function allocates on the heap',
    help: 'The function carries //heapscope:noalloc, and the compiler decided that a value in it (or in code inlined into it, or in one of its func literals) goes to the heap.',
  },
  'heapscope/inline': {
    name: 'Inline',
    text: 'A //heapscope:inline function cannot be inlined',
    help: 'The function carries //heapscope:inline, and the compiler says it cannot inline it (the message gives the compiler\u2019s reason, such as its cost against the budget of 80).',
  },
  'heapscope/baseline': {
    name: 'NewHeapAllocation',
    text: 'A heap allocation that is not in the baseline',
    help: 'heapscope check --baseline FILE fails on heap sites whose identity the baseline does not hold. Remove the allocation, or write a new baseline with heapscope analyze --write-baseline FILE.',
  },
  'heapscope/stale-directive': {
    name: 'StaleDirective',
    text: 'A //heapscope: directive that checks nothing',
    help: 'The directive is unknown (misspelt), misplaced, has no code to govern, names a function the compiler did not compile, or (ignore) silences nothing.',
  },
};

function rules(): SarifRule[] {
  const out: SarifRule[] = CAUSES.map((c) => ({
    id: c.id,
    name: c.title
      .replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ? ch.toUpperCase() : ''))
      .replace(/^./, (x) => x.toUpperCase()),
    shortDescription: { text: c.summary },
    fullDescription: { text: c.explanation },
    help: { text: `${c.explanation}\n\nFix: ${c.fix}`, markdown: `${c.explanation}\n\n**Fix:** ${c.fix}` },
    defaultConfiguration: { level: 'note' },
  }));
  for (const [id, r] of Object.entries(DIRECTIVE_RULES))
    out.push({
      id,
      name: r.name,
      shortDescription: { text: r.text },
      fullDescription: { text: r.help },
      help: { text: r.help, markdown: r.help },
      defaultConfiguration: { level: id === 'heapscope/stale-directive' ? 'warning' : 'error' },
    });
  out.push({
    id: 'unexplained',
    name: 'UnexplainedHeapAllocation',
    shortDescription: { text: 'A heap allocation the compiler did not explain' },
    fullDescription: { text: 'The compiler reported the decision without an explanation heapscope could classify.' },
    help: { text: 'See the compiler\u2019s text in the message.', markdown: 'See the compiler\u2019s text in the message.' },
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
  const what = s.kind === 'moved-to-heap' ? 'moved to heap' : 'escapes to heap';
  return `${s.goName?.expr ?? s.expr} ${what}${fn ? ` in ${fn}` : ''}: ${s.cause?.summary ?? 'no explanation printed by the compiler'}${s.rootCause && s.rootCause !== s.cause ? ` (root cause: ${s.rootCause.summary})` : ''}. Fix: ${(s.rootCause ?? s.cause)?.fix ?? 'see the flow'}`;
}

function siteResult(at: Where, ruleIndex: Map<string, number>, s: Site, rule: string, level: string, prefix = ''): Record<string, unknown> {
  // Only positions in files that exist: not <autogenerated>, $WORK/..., or a cgo-generated file.
  const flow = s.flow.filter((f) => f.line > 0 && isRealFile(f.file));
  return {
    ruleId: rule,
    ruleIndex: ruleIndex.get(rule),
    level,
    message: { text: prefix + siteMessage(s) },
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
        ? siteResult(at, index, v.site, rule, level, `${v.message}: `)
        : {
            ruleId: rule,
            ruleIndex: index.get(rule),
            level,
            message: { text: v.site ? `${v.message}: ${siteMessage(v.site)}` : v.message },
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
