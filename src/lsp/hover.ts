// Hover: on a line with heap sites, each site's story and its latest measured figures; on a function's name, its
// heap sites, whether the compiler can inline it and its cost against the budget. Answered from the model in memory.

import type { Site } from '../model/types.js';
import type { MeasuredSite } from '../model/measured.js';
import type { ModuleAnalysis, SiteAllocation } from './engine-adapter.js';
import { msg } from './messages.js';
import { allocating, sitesOfFunction } from './model-queries.js';
import type { FunctionInfo } from '../model/types.js';

const RUNTIME: Record<string, string> = {
  always: 'yes, every time',
  sometimes: 'only for some values',
  never: 'never (the compiler says heap, the runtime uses static data)',
};

function measuredOf(a: ModuleAnalysis, s: Site): MeasuredSite | undefined {
  return (s.id ? a.measured?.sites.get(s.id) : undefined) ?? a.measured?.lines.get(`${s.file}:${s.line}`);
}

function figures(m: MeasuredSite): string {
  const cpu = [
    m.costNsPerOp !== undefined ? `${m.costNsPerOp.toFixed(1)} ns/op of CPU` : '',
    m.cpuShare !== undefined ? `${(m.cpuShare * 100).toFixed(1)}% of its CPU` : '',
  ].filter(Boolean);
  const each = m.allocsPerOp > 0 ? ` (about ${Math.round(m.bytesPerOp / m.allocsPerOp)} B each)` : '';
  return `${m.allocsPerOp} allocs/op, ${m.bytesPerOp} B/op${each} in ${m.benchmark}${cpu.length ? ` (${cpu.join(', ')})` : ''}`;
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
    const lines = [
      `**heapscope** \`${s.goName?.expr ?? s.expr}\` ${s.kind === 'moved-to-heap' ? 'moved to the heap' : 'escapes to the heap'}`,
    ];
    if (s.cause) lines.push(`- cause: \`${s.cause.id}\`: ${s.cause.summary}`);
    if (s.rootCause) lines.push(`- root cause: \`${s.rootCause.id}\`: ${s.rootCause.summary}`);
    if (s.detail) lines.push(`- ${s.detail}`);
    if (s.allocates)
      lines.push(`- the runtime allocates: ${RUNTIME[s.allocates] ?? s.allocates}${s.allocatesReason ? ` (${s.allocatesReason})` : ''}`);
    const t = typeLine(s, facts);
    if (t) lines.push(t);
    if (s.cold) lines.push(`- cold: ${s.coldReason ?? 'on an error path'}`);
    const m = measuredOf(a, s);
    if (m) lines.push(`- measured: ${figures(m)}${a.measured ? ` (${a.measured.time})` : ''}`);
    else if (s.cost) lines.push(`- cost: ${s.cost.source}, ${s.cost.basis}`);
    else lines.push('- not measured: run heapscope bench (or the lens “measure”)');
    if (s.cause) lines.push(`- fix: ${s.cause.fix}`);
    parts.push(lines.join('\n'));
  }
  return parts.join('\n\n---\n\n');
}

export function functionHover(a: ModuleAnalysis, f: FunctionInfo): string {
  const sites = sitesOfFunction(a, f).filter(allocating);
  const inline = f.inlinable
    ? `the compiler can inline it (cost ${f.cost ?? '?'} of budget ${f.budget ?? '?'})`
    : `the compiler cannot inline it${f.reason ? `: ${f.reason}` : ''}${f.cost !== null ? ` (cost ${f.cost} of budget ${f.budget ?? '?'})` : ''}`;
  const lines = [`**heapscope** \`${f.name}\`: ${sites.length} heap allocation${sites.length === 1 ? '' : 's'}; ${inline}`];
  for (const s of sites) lines.push(`- line ${s.line}: \`${s.goName?.expr ?? s.expr}\` ${s.cause ? `(\`${s.cause.id}\`)` : ''}`);
  return lines.join('\n');
}
