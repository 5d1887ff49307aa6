// The terminal report of `heapscope explain FILE:LINE`: the function the line is in and its inlining, the
// compiler's decisions on the line with their causes, what the compiled code allocates there, and the line's
// figures in the benchmarks run.

import pc from 'picocolors';
import type { Explanation } from '../model/explain-report.js';
import { safeText as q } from '../model/safe-text.js';
import type { ReportOptions } from './registry.js';

export function renderExplainText(ex: Explanation, opts: ReportOptions): string {
  const c = pc.createColors(opts.color);
  const out: string[] = [c.bold(`${q(ex.file)}:${ex.line}`) + (ex.package ? c.dim(` (${q(ex.package)})`) : '')];
  const f = ex.function;
  if (f) {
    const inl = f.inlinable ? `can be inlined (cost ${f.cost} of budget ${f.budget})` : `cannot be inlined: ${q(f.reason ?? '')}`;
    out.push(`  function ${q(f.name)} (${q(f.file)}:${f.line}:${f.column}) ${inl}`);
    if (ex.inlinedInto.length) {
      for (const call of ex.inlinedInto)
        out.push(`    inlined into ${q(call.caller ?? '?')} at ${q(call.file)}:${call.line}:${call.column}`);
    } else if (f.inlinable) out.push('    not inlined anywhere in the analysed packages (including their tests)');
  }
  const heap = ex.sites.filter((s) => s.heap);
  out.push(heap.length ? '  heap decisions when compiled on its own:' : '  no heap decision on this line');
  for (const s of ex.sites) {
    const expr = q(s.goName?.expr ?? s.expr);
    const what =
      s.kind === 'moved-to-heap'
        ? `${expr} moved to heap`
        : s.kind === 'escapes'
          ? `${expr} escapes to heap`
          : `${expr}: ${s.kind.replace(/-/g, ' ')}`;
    out.push(
      `    ${q(s.file)}:${s.line}:${s.column}: ${s.heap ? c.yellow(what) : what}${s.cause ? `: ${q(s.cause.summary)} [${s.cause.id}]` : ''}`,
    );
    if (s.cold) out.push(`      cold: ${q(s.coldReason ?? '')}`);
    if (s.cost?.source === 'measured')
      out.push(`      cost: ${q(s.cost.basis)}${s.cost.profile === undefined ? ' (measured by heapscope bench)' : ''}`);
    for (const st of s.flow)
      out.push(`        ${q(st.goText?.text ?? st.text)} (${q(st.reason)}) at ${q(st.file)}:${st.line}:${st.column}`);
    for (const n of s.notes ?? []) out.push(`      ${c.magenta('note:')} ${q(n)}`);
    if (s.heap && s.cause) out.push(`      ${c.green('fix:')} ${q(s.cause.fix)}`);
  }
  if (ex.allocations.length) {
    out.push('  allocated here (from the assembly):');
    for (const a of ex.allocations) {
      const size =
        a.typeSize !== null
          ? ` (${a.typeSize} B${a.sizeClass !== null && a.sizeClass !== a.typeSize ? `, size class ${a.sizeClass}` : ''})`
          : '';
      out.push(`    ${q(a.display ?? a.type ?? 'unknown type')}${size} by runtime.${q(a.runtime)} in ${q(a.function)}`);
    }
  } else {
    // The line's own code calls no allocator; what it calls may (the benchmarks below say which).
    const callees = [
      ...new Set(ex.benchmarks.flatMap((b) => b.line?.allocations.map((a) => a.callee).filter((x): x is string => !!x) ?? [])),
    ];
    out.push(
      callees.length
        ? `  the line's own code calls no allocator; it allocates inside ${q(callees.join(', '))}`
        : '  no allocation call on this line in the compiled code',
    );
  }
  // Benchmarks of other packages are shown only where they allocate on the line: most never reach it.
  let quiet = 0;
  const own = ex.testBinary ?? ex.package;
  for (const b of ex.benchmarks) {
    const name = b.package === own ? q(b.name) : `${q(b.name)} (${q(b.package)})`;
    if (!b.line) {
      if (b.package !== own) quiet++;
      else out.push(`  ${name}: no allocation on this line (${b.allocsPerOp ?? '?'} allocs/op in the whole benchmark)`);
      continue;
    }
    out.push(`  ${name}: ${b.line.allocsPerOp} allocs/op, ${b.line.bytesPerOp} B/op on this line`);
    for (const a of b.line.allocations) {
      const what = a.type ? `${q(a.type)}${a.size !== null ? ` (${a.size} B)` : ''}` : '';
      const how = a.callee ? `inside ${q(a.callee)}` : a.runtime ? `runtime.${q(a.runtime)}` : '';
      out.push(`    ${a.allocsPerOp} allocs/op, ${a.bytesPerOp} B/op${what ? ' ' + what : ''}${how ? ` ${c.dim(how)}` : ''}`);
    }
  }
  if (quiet) out.push(`  ${quiet} benchmark${quiet === 1 ? '' : 's'} of other packages ran and allocated nothing on this line`);
  for (const e of ex.errors) out.push(`  ${c.red('error:')} ${q(e)}`);
  return out.join('\n') + '\n';
}
