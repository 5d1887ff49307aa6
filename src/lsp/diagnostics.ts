// One diagnostic per heap site, per violation or stale directive of check, and per package that does not compile.
// Severity from what the site costs (docs/editors.md): Warning on a hot path (measured, or estimated at or above
// hotScore), Information for other sites that allocate, Hint for cold sites and those the runtime never allocates.

import { pathToFileURL } from 'node:url';
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import type { ModuleAnalysis } from './engine-adapter.js';
import type { Site } from '../model/types.js';
import type { LspSettings } from './config.js';
import { siteRange, splitLines } from './positions.js';
import { absOf, uriOf } from './files.js';
import { t } from '../i18n/t.js';
import type { Lang } from '../i18n/lang.js';
import { causeText, CAUSES, type CauseId } from '../model/causes.js';
import { causesDocFile } from '../model/causes-doc.js';

const CAUSE_IDS = new Set<string>(CAUSES.map((c) => c.id));
const isCauseId = (id: string): id is CauseId => CAUSE_IDS.has(id);

export const SOURCE = 'heapscope';

/** The cause's documentation: docs/causes.md, or docs/causes.zh-CN.md in Chinese (both ship in the package,
 *  package.json files; it names no repository): a file URL to the installed page, at the anchor GitHub and most
 *  Markdown viewers give the heading `## \`id\`: Title`, with the title in that page's language. */
export function causeDocUrl(id: string, lang: Lang = t.lang()): string {
  const title = isCauseId(id) ? causeText(id, 'title', lang) : '';
  const file = pathToFileURL(fileURLToPath(new URL(`../../../docs/${causesDocFile(lang)}`, import.meta.url))).href;
  return `${file}#${encodeURIComponent(headingSlug(`${id}: ${title}`))}`;
}

/** GitHub's anchor for a heading's text (code spans already without their backticks): lower case, punctuation other
 *  than `-` and `_` dropped (letters and digits of every script kept), spaces made `-`. */
export function headingSlug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

export function siteSeverity(s: Site, settings: LspSettings): DiagnosticSeverity {
  if (s.cold || s.allocates === 'never') return settings.severity.cold;
  if (s.cost && (s.cost.source === 'measured' || s.cost.score >= settings.hotScore)) return settings.severity.hot;
  return settings.severity.other;
}

export const siteMessage = (s: Site): string =>
  t(s.kind === 'moved-to-heap' ? 'lsp.site.moved' : 'lsp.site.escapes', {
    expr: s.goName?.expr ?? s.expr,
    summary: s.cause?.summary ?? t('lsp.site.noCause'),
  });

const POSITIONED = /^(.+?):(\d+):(\d+): (.*)$/;

/** Diagnostics by absolute file. `textOf` gives the text the analysis read (positions are converted with it). */
export function buildDiagnostics(
  a: ModuleAnalysis,
  settings: LspSettings,
  textOf: (abs: string) => string | null,
): Map<string, Diagnostic[]> {
  const root = a.model.root;
  const out = new Map<string, Diagnostic[]>();
  const analysed = new Set(a.files);
  for (const f of a.files) out.set(f, []);
  const lines = new Map<string, string[]>();
  const linesOf = (abs: string): string[] => {
    let l = lines.get(abs);
    if (!l) lines.set(abs, (l = splitLines(textOf(abs) ?? '')));
    return l;
  };
  const push = (abs: string, d: Diagnostic): void => {
    if (d.severity !== undefined && d.severity > settings.minSeverity) return;
    const l = out.get(abs);
    if (l) l.push(d);
    else out.set(abs, [d]);
  };
  for (const s of a.model.sites) {
    if (!s.heap) continue;
    const abs = absOf(root, s.file);
    if (!analysed.has(abs)) continue;
    const related: DiagnosticRelatedInformation[] = [];
    for (const st of s.flow) {
      const sabs = absOf(root, st.file);
      if (!analysed.has(sabs)) continue;
      related.push({
        location: { uri: uriOf(sabs), range: siteRange(linesOf(sabs), st.line, st.column, '') },
        message: st.goText?.text ?? st.text,
      });
    }
    const rootLink = s.chain?.at(-1);
    if (rootLink && analysed.has(absOf(root, rootLink.file))) {
      const rabs = absOf(root, rootLink.file);
      related.push({
        location: { uri: uriOf(rabs), range: siteRange(linesOf(rabs), rootLink.line, rootLink.column, rootLink.expr) },
        message: rootLink.cause
          ? t('lsp.related.root', { expr: rootLink.goName?.expr ?? rootLink.expr, cause: rootLink.cause })
          : t('lsp.related.rootNoCause', { expr: rootLink.goName?.expr ?? rootLink.expr }),
      });
    }
    const d: Diagnostic = {
      range: siteRange(linesOf(abs), s.line, s.column, s.goName?.expr ?? s.expr),
      severity: siteSeverity(s, settings),
      source: SOURCE,
      message: siteMessage(s),
      data: { id: s.id ?? null },
    };
    if (s.cause) {
      d.code = s.cause.id;
      d.codeDescription = { href: causeDocUrl(s.cause.id) };
    }
    if (related.length) d.relatedInformation = related;
    push(abs, d);
  }
  for (const v of a.violations) {
    if (v.ignored !== undefined) continue;
    const at = v.directive ?? v.site;
    if (!at) continue;
    const abs = absOf(root, at.file);
    push(abs, {
      range: siteRange(linesOf(abs), at.line, at.column, ''),
      severity: DiagnosticSeverity.Error,
      source: SOURCE,
      code: `check-${v.rule}`,
      message: t('lsp.check.broken', { rule: v.rule, message: v.message }),
    });
  }
  for (const st of a.stale) {
    const abs = absOf(root, st.directive.file);
    push(abs, {
      range: siteRange(linesOf(abs), st.directive.line, st.directive.column, `//heapscope:${st.directive.text}`),
      severity: DiagnosticSeverity.Warning,
      source: SOURCE,
      code: 'stale-directive',
      message: t('lsp.check.stale', { text: st.directive.text, why: st.why }),
    });
  }
  // A package that does not compile: one diagnostic, at the compiler's first error when it names a file.
  for (const p of a.model.packages) {
    const first = p.errors[0];
    if (first === undefined) continue;
    const m = POSITIONED.exec(first);
    const file = m ? absOf(root, m[1]!) : (a.files.find((f) => f.startsWith(p.dir + '/')) ?? absOf(root, 'go.mod'));
    const consequence = first.startsWith('not compiled:');
    push(file, {
      range: m
        ? siteRange(linesOf(file), Number(m[2]), Number(m[3]), '')
        : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: consequence ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
      source: SOURCE,
      code: consequence ? 'not-analysed' : 'does-not-compile',
      message: consequence
        ? t('lsp.pkg.notAnalysed', { pkg: p.importPath })
        : t('lsp.pkg.doesNotCompile', { pkg: p.importPath, error: m ? m[4]! : first }),
    });
  }
  return out;
}
