// Two models of the same module compared site by site (model/diff.ts). Pure.

import type { AnalysisModel, Site } from '../model/types.js';
import type { DiffReport, SiteChange } from '../model/diff.js';
import { stripTypeArgs } from '../model/expressions.js';
import { t, type MessageId } from '../i18n/t.js';

const allocating = (m: AnalysisModel): Site[] => m.sites.filter((s) => s.heap && s.allocates !== 'never');

/**
 * Keys for one side's sites, ranked among equals as identities are. Revisions: the identity (no positions, so
 * moved code matches). Releases (the same code): the position and kind in the module's own files, where the
 * compiler's names for the function (a closure inlined into an initialiser) and the expression (a std function
 * that now returns new(T)) can differ between releases; elsewhere (a std file, which differs between releases)
 * the readable names.
 */
function keyed(sites: Site[], by: DiffReport['matchedBy']): Map<string, Site> {
  const out = new Map<string, Site>();
  const rank = new Map<string, number>();
  for (const s of sites) {
    let k: string;
    if (by === 'identity') k = s.id ?? '';
    else {
      const own = s.file !== '' && !s.file.startsWith('/') && !s.file.startsWith('<') && !s.file.startsWith('$');
      const base = own
        ? [s.package, s.file, s.line, s.column, s.kind, s.leak?.to ?? ''].join('\0')
        : [s.package, stripTypeArgs(s.goName?.function ?? s.function ?? ''), s.kind, s.goName?.expr ?? s.expr, s.leak?.to ?? ''].join('\0');
      const n = rank.get(base) ?? 0;
      rank.set(base, n + 1);
      k = `${base}\0${n}`;
    }
    if (!out.has(k)) out.set(k, s);
  }
  return out;
}

function changes(a: Site, b: Site): string[] {
  const what: string[] = [];
  const cmp = (label: MessageId, x: string | undefined, y: string | undefined): void => {
    if ((x ?? '') !== (y ?? '')) what.push(t(label, { before: x || t('prose.diff.none'), after: y || t('prose.diff.none') }));
  };
  cmp('prose.diff.expression', a.goName?.expr ?? a.expr, b.goName?.expr ?? b.expr);
  cmp('prose.diff.function', a.goName?.function ?? a.function ?? '', b.goName?.function ?? b.function ?? '');
  cmp('prose.diff.cause', a.cause?.id, b.cause?.id);
  cmp('prose.diff.rootCause', a.rootCause?.id, b.rootCause?.id);
  cmp('prose.diff.allocates', a.allocates, b.allocates);
  cmp('prose.diff.inlinedFrom', a.inlinedFrom, b.inlinedFrom);
  const na = (a.notes ?? []).join('\n');
  const nb = (b.notes ?? []).join('\n');
  if (na !== nb) what.push(t('prose.diff.notes'));
  return what;
}

export function diffModels(
  from: AnalysisModel,
  to: AnalysisModel,
  by: DiffReport['matchedBy'],
): Pick<DiffReport, 'added' | 'removed' | 'changed'> {
  const a = keyed(allocating(from), by);
  const b = keyed(allocating(to), by);
  const added: Site[] = [];
  const removed: Site[] = [];
  const changed: SiteChange[] = [];
  for (const [k, s] of b) {
    const old = a.get(k);
    if (!old) added.push(s);
    else {
      const what = changes(old, s);
      if (what.length) changed.push({ before: old, after: s, what });
    }
  }
  for (const [k, s] of a) if (!b.has(k)) removed.push(s);
  return { added, removed, changed };
}
