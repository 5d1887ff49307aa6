// Hover: on a line with heap sites, each site's story and its latest measured figures; on a function's name, its
// heap sites, whether the compiler can inline it and its cost against the budget. Answered from the model in memory.

import type { Site } from '../model/types.js';
import type { MeasuredSite } from '../model/measured.js';
import type { ModuleAnalysis, SiteAllocation } from './engine-adapter.js';
import { msg } from './messages.js';
import { allocating, sitesOfFunction } from './model-queries.js';
import type { FunctionInfo } from '../model/types.js';
import { t } from '../i18n/t.js';

const RUNTIME: Record<string, () => string> = {
  always: () => t('lsp.runtime.always'),
  sometimes: () => t('lsp.runtime.sometimes'),
  never: () => t('lsp.runtime.never'),
};

function measuredOf(a: ModuleAnalysis, s: Site): MeasuredSite | undefined {
  return (s.id ? a.measured?.sites.get(s.id) : undefined) ?? a.measured?.lines.get(`${s.file}:${s.line}`);
}

function measuredLine(m: MeasuredSite, time: string | undefined): string {
  const cpu = [
    m.costNsPerOp !== undefined ? t('lsp.hover.cpuNs', { ns: m.costNsPerOp.toFixed(1) }) : '',
    m.cpuShare !== undefined ? t('lsp.hover.cpuShare', { pct: (m.cpuShare * 100).toFixed(1) }) : '',
  ].filter(Boolean);
  const extra = [
    m.allocsPerOp > 0 ? t('lsp.hover.each', { bytes: String(Math.round(m.bytesPerOp / m.allocsPerOp)) }) : '',
    cpu.length ? t('lsp.hover.cpu', { list: cpu.join(t('lsp.alloc.separator')) }) : '',
    time ? t('lsp.hover.when', { time }) : '',
  ].join('');
  return t('lsp.hover.measured', { allocs: String(m.allocsPerOp), bytes: String(m.bytesPerOp), bench: m.benchmark, extra });
}

/** What the compiled code allocates per site, once read (server.ts reads it after each analysis, in the background). */
export type AllocationFacts =
  { state: 'pending' } | { state: 'failed'; error: string } | { state: 'ready'; bySite: Map<Site, SiteAllocation[]>; error: string | null };

function typeLine(s: Site, facts: AllocationFacts | undefined): string | null {
  if (!allocating(s) || !facts) return null;
  if (facts.state === 'pending') return msg.allocatedPending();
  if (facts.state === 'failed') return msg.allocatedFailed(facts.error);
  const allocs = facts.bySite.get(s);
  if (allocs) return msg.allocated(allocs);
  // The listing is of the package as built without its tests (settings.tests analyses them too).
  if (s.file.endsWith('_test.go')) return msg.allocatedTestFile();
  return facts.error ? msg.allocatedFailed(facts.error) : msg.allocatedUnknown();
}

export function siteHover(a: ModuleAnalysis, sites: Site[], facts?: AllocationFacts): string {
  const parts: string[] = [];
  for (const s of sites) {
    const expr = s.goName?.expr ?? s.expr;
    const lines = [t(s.kind === 'moved-to-heap' ? 'lsp.hover.moved' : 'lsp.hover.escapes', { expr })];
    if (s.cause) lines.push(t('lsp.hover.cause', { id: s.cause.id, summary: s.cause.summary }));
    if (s.rootCause) lines.push(t('lsp.hover.rootCause', { id: s.rootCause.id, summary: s.rootCause.summary }));
    if (s.detail) lines.push(`- ${s.detail}`);
    if (s.allocates) {
      const answer = RUNTIME[s.allocates]?.() ?? s.allocates;
      lines.push(
        s.allocatesReason ? t('lsp.hover.runtimeBecause', { answer, reason: s.allocatesReason }) : t('lsp.hover.runtime', { answer }),
      );
    }
    const typed = typeLine(s, facts);
    if (typed) lines.push(typed);
    if (s.cold) lines.push(t('lsp.hover.cold', { reason: s.coldReason ?? t('lsp.hover.coldDefault') }));
    const m = measuredOf(a, s);
    if (m) lines.push(measuredLine(m, a.measured?.time));
    else if (s.cost)
      lines.push(t(s.cost.source === 'measured' ? 'lsp.hover.costMeasured' : 'lsp.hover.costEstimated', { basis: s.cost.basis }));
    else lines.push(t('lsp.hover.notMeasured'));
    if (s.cause) lines.push(t('lsp.hover.fix', { fix: s.cause.fix }));
    parts.push(lines.join('\n'));
  }
  return parts.join('\n\n---\n\n');
}

function inlineClause(f: FunctionInfo): string {
  const budget = String(f.budget ?? '?');
  if (f.inlinable) return t('lsp.hover.inlinable', { cost: String(f.cost ?? '?'), budget });
  if (f.cost !== null) {
    const cost = String(f.cost);
    return f.reason
      ? t('lsp.hover.notInlinableWhyCost', { reason: f.reason, cost, budget })
      : t('lsp.hover.notInlinableCost', { cost, budget });
  }
  return f.reason ? t('lsp.hover.notInlinableWhy', { reason: f.reason }) : t('lsp.hover.notInlinable');
}

export function functionHover(a: ModuleAnalysis, f: FunctionInfo): string {
  const sites = sitesOfFunction(a, f).filter(allocating);
  const lines = [t('lsp.hover.function', { name: f.name, n: sites.length, inline: inlineClause(f) })];
  for (const s of sites) {
    const expr = s.goName?.expr ?? s.expr;
    lines.push(
      s.cause
        ? t('lsp.hover.functionSite', { line: String(s.line), expr, id: s.cause.id })
        : t('lsp.hover.functionSiteNoCause', { line: String(s.line), expr }),
    );
  }
  return lines.join('\n');
}
