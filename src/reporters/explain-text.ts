// The terminal report of `heapscope explain FILE:LINE`: the function the line is in and its inlining, the
// compiler's decisions on the line with their causes, what the compiled code allocates there, and the line's
// figures in the benchmarks run.

import pc from 'picocolors';
import type { Explanation } from '../model/explain-report.js';
import type { SiteKind } from '../model/types.js';
import { safeText as q } from '../model/safe-text.js';
import type { ReportOptions } from './registry.js';
import type { MessageId } from '../i18n/t.js';
import { labelled, say } from './words.js';

/** A decision on the line in words (the heap ones as text.ts's headline says them). */
const KIND: Record<SiteKind, MessageId> = {
  'moved-to-heap': 'report.site.moved',
  escapes: 'report.site.escapes',
  'does-not-escape': 'report.kind.doesNotEscape',
  'leaking-param': 'report.kind.leakingParam',
  'leaking-param-content': 'report.kind.leakingParamContent',
  'leaking-param-to-result': 'report.kind.leakingParamToResult',
};

export function renderExplainText(ex: Explanation, opts: ReportOptions): string {
  const c = pc.createColors(opts.color);
  const out: string[] = [c.bold(`${q(ex.file)}:${ex.line}`) + (ex.package ? c.dim(` (${q(ex.package)})`) : '')];
  const f = ex.function;
  if (f) {
    const fn = { name: q(f.name), where: `${q(f.file)}:${f.line}:${f.column}` };
    out.push(
      `  ${
        f.inlinable
          ? say('report.explain.inlinable', { ...fn, cost: String(f.cost), budget: String(f.budget) })
          : say('report.explain.notInlinable', { ...fn, reason: q(f.reason ?? '') })
      }`,
    );
    if (ex.inlinedInto.length) {
      for (const call of ex.inlinedInto)
        out.push(
          `    ${say('report.explain.inlinedInto', { caller: q(call.caller ?? '?'), where: `${q(call.file)}:${call.line}:${call.column}` })}`,
        );
    } else if (f.inlinable) out.push(`    ${say('report.explain.notInlined')}`);
  }
  const heap = ex.sites.filter((s) => s.heap);
  out.push(`  ${say(heap.length ? 'report.explain.decisions' : 'report.explain.noDecision')}`);
  for (const s of ex.sites) {
    const what = say(KIND[s.kind], { expr: q(s.goName?.expr ?? s.expr) });
    const where = `${q(s.file)}:${s.line}:${s.column}`;
    const shown = s.heap ? c.yellow(what) : what;
    out.push(
      `    ${s.cause ? say('report.explain.siteCause', { where, what: shown, summary: q(s.cause.summary), id: s.cause.id }) : `${where}: ${shown}`}`,
    );
    if (s.cold) out.push(`      ${say('report.site.cold', { reason: q(s.coldReason ?? '') })}`);
    if (s.cost?.source === 'measured')
      out.push(
        `      ${say('report.site.cost', { cost: s.cost.profile === undefined ? say('report.cost.measured', { basis: q(s.cost.basis) }) : q(s.cost.basis) })}`,
      );
    for (const st of s.flow)
      out.push(`        ${q(st.goText?.text ?? st.text)} (${q(st.reason)}) at ${q(st.file)}:${st.line}:${st.column}`);
    for (const n of s.notes ?? []) out.push(`      ${labelled(c.magenta(say('report.label.note')), q(n))}`);
    if (s.heap && s.cause) out.push(`      ${labelled(c.green(say('report.label.fix')), q(s.cause.fix))}`);
  }
  if (ex.allocations.length) {
    out.push(`  ${say('report.explain.allocated')}`);
    for (const a of ex.allocations) {
      const size =
        a.typeSize === null
          ? ''
          : a.sizeClass !== null && a.sizeClass !== a.typeSize
            ? say('report.explain.sizeClass', { size: a.typeSize, sizeClass: a.sizeClass })
            : say('report.explain.size', { size: a.typeSize });
      const type = a.display ?? a.type;
      out.push(
        `    ${say('report.explain.alloc', { what: type ? q(type) : say('report.explain.unknownType'), size, runtime: q(a.runtime), fn: q(a.function) })}`,
      );
    }
  } else {
    // The line's own code calls no allocator; what it calls may (the benchmarks below say which).
    const callees = [
      ...new Set(ex.benchmarks.flatMap((b) => b.line?.allocations.map((a) => a.callee).filter((x): x is string => !!x) ?? [])),
    ];
    out.push(
      `  ${callees.length ? say('report.explain.allocatesInside', { callees: q(callees.join(', ')) }) : say('report.explain.noAllocCall')}`,
    );
  }
  // Benchmarks of other packages are shown only where they allocate on the line: most never reach it.
  let quiet = 0;
  const own = ex.testBinary ?? ex.package;
  for (const b of ex.benchmarks) {
    const name = b.package === own ? q(b.name) : `${q(b.name)} (${q(b.package)})`;
    if (!b.line) {
      if (b.package !== own) quiet++;
      else out.push(`  ${say('report.explain.benchNone', { name, allocs: b.allocsPerOp ?? '?' })}`);
      continue;
    }
    out.push(`  ${say('report.explain.benchLine', { name, allocs: b.line.allocsPerOp, bytes: b.line.bytesPerOp })}`);
    for (const a of b.line.allocations) {
      const what = a.type ? `${q(a.type)}${a.size !== null ? ` (${a.size} B)` : ''}` : '';
      const how = a.callee ? say('report.explain.inside', { callee: q(a.callee) }) : a.runtime ? `runtime.${q(a.runtime)}` : '';
      out.push(`    ${a.allocsPerOp} allocs/op, ${a.bytesPerOp} B/op${what ? ' ' + what : ''}${how ? ` ${c.dim(how)}` : ''}`);
    }
  }
  if (quiet) out.push(`  ${say('report.explain.quiet', { count: quiet, n: quiet })}`);
  for (const e of ex.errors) out.push(`  ${labelled(c.red(say('report.label.errorColon')), q(e))}`);
  return out.join('\n') + '\n';
}
