// Code actions: `//heapscope:noalloc` in a function's doc comment (the line above `func`), and
// `//heapscope:ignore REASON` for a site's line (model/directives.ts; go/srcfacts: a comment after code governs its
// line, a comment alone governs the next line of code); and the fixes fixes.ts can prove safe, as text edits.

import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver/node';
import type { ModuleAnalysis } from './engine-adapter.js';
import { allocating, functionsOf, shortName, sitesOfFunction, sitesOnLine } from './model-queries.js';
import type { AllocationFacts } from './hover.js';
import { fixFor } from './fixes.js';
import { t } from '../i18n/t.js';

const indentOf = (text: string): string => /^[ \t]*/.exec(text)![0];

export function codeActions(
  a: ModuleAnalysis,
  file: string,
  uri: string,
  lines: string[],
  range: Range,
  facts?: AllocationFacts,
): CodeAction[] {
  const out: CodeAction[] = [];
  for (let l = range.start.line; l <= range.end.line; l++) {
    const text = lines[l] ?? '';
    for (const f of functionsOf(a, file)) {
      if (f.line !== l + 1 || !sitesOfFunction(a, f).some(allocating)) continue;
      if ((lines[l - 1] ?? '').trim() === '//heapscope:noalloc') continue;
      out.push({
        title: t('lsp.action.noalloc', { fn: shortName(f) }),
        kind: CodeActionKind.QuickFix,
        edit: {
          changes: {
            [uri]: [
              {
                range: { start: { line: l, character: 0 }, end: { line: l, character: 0 } },
                newText: `${indentOf(text)}//heapscope:noalloc\n`,
              },
            ],
          },
        },
      });
    }
    const sites = sitesOnLine(a, file, l + 1).filter(allocating);
    // The fixes first: they remove the allocation, the directives only accept it.
    const fixed = new Set<string>();
    for (const s of sites) {
      const fix = facts?.state === 'ready' ? fixFor(s, facts.bySite.get(s), lines) : null;
      if (!fix || fixed.has(fix.title)) continue;
      fixed.add(fix.title);
      out.push({ title: fix.title, kind: CodeActionKind.QuickFix, isPreferred: true, edit: { changes: { [uri]: fix.edits } } });
    }
    if (!sites.length || text.includes('//heapscope:ignore')) continue;
    const directive = `//heapscope:ignore ${t('lsp.action.ignoreReason')}`;
    // After the code when the line has no comment of its own (the directive then governs exactly this line, even a
    // func line, where a comment above would join the doc comment); else alone on the line above.
    const edit = text.includes('//')
      ? { range: { start: { line: l, character: 0 }, end: { line: l, character: 0 } }, newText: `${indentOf(text)}${directive}\n` }
      : { range: { start: { line: l, character: text.length }, end: { line: l, character: text.length } }, newText: ` ${directive}` };
    out.push({
      title: t('lsp.action.ignore', { causes: sites.map((s) => s.cause?.id ?? s.kind).join(', ') }),
      kind: CodeActionKind.QuickFix,
      edit: { changes: { [uri]: [edit] } },
    });
  }
  return out;
}
