// The terminal report of `heapscope explain FILE:LINE`: the function the line is in and its inlining, the
// compiler's decisions on the line with their causes, what the compiled code allocates there, and the line's
// figures in the benchmarks run.

import pc from 'picocolors';
import type { Explanation } from '../model/explain-report.js';
import type { ReportOptions } from './registry.js';

export function renderExplainText(ex: Explanation, opts: ReportOptions): string {
  const c = pc.createColors(opts.color);
  const out: string[] = [c.bold(`${ex.file}:${ex.line}`) + (ex.package ? c.dim(` (${ex.package})`) : '')];
  const f = ex.function;
  if (f) {
    const inl = f.inlinable ? `can be inlined (cost ${f.cost} of budget ${f.budget})` : `cannot be inlined: ${f.reason}`;
    out.push(`  function ${f.name} (${f.file}:${f.line}:${f.column}) ${inl}`);
    if (ex.inlinedInto.length) {
      for (const call of ex.inlinedInto) out.push(`    inlined into ${call.caller ?? '?'} at ${call.file}:${call.line}:${call.column}`);
    } else if (f.inlinable) out.push('    not inlined anywhere in the analysed packages (including their tests)');
  }
  const heap = ex.sites.filter((s) => s.heap);
  out.push(heap.length ? '  heap decisions when compiled on its own:' : '  no heap decision on this line');
  for (const s of ex.sites) {
    const what =
      s.kind === 'moved-to-heap'
        ? `${s.expr} moved to heap`
        : s.kind === 'escapes'
          ? `${s.expr} escapes to heap`
          : `${s.expr}: ${s.kind.replace(/-/g, ' ')}`;
    out.push(
      `    ${s.file}:${s.line}:${s.column}: ${s.heap ? c.yellow(what) : what}${s.cause ? `: ${s.cause.summary} [${s.cause.id}]` : ''}`,
    );
    for (const st of s.flow) out.push(`        ${st.text} (${st.reason}) at ${st.file}:${st.line}:${st.column}`);
    for (const n of s.notes ?? []) out.push(`      ${c.magenta('note:')} ${n}`);
    if (s.heap && s.cause) out.push(`      ${c.green('fix:')} ${s.cause.fix}`);
  }
  if (ex.allocations.length) {
    out.push('  allocated here (from the assembly):');
    for (const a of ex.allocations) {
      const size =
        a.typeSize !== null
          ? ` (${a.typeSize} B${a.sizeClass !== null && a.sizeClass !== a.typeSize ? `, size class ${a.sizeClass}` : ''})`
          : '';
      out.push(`    ${a.display ?? a.type ?? 'unknown type'}${size} by runtime.${a.runtime} in ${a.function}`);
    }
  } else {
    // The line's own code calls no allocator; what it calls may (the benchmarks below say which).
    const callees = [
      ...new Set(ex.benchmarks.flatMap((b) => b.line?.allocations.map((a) => a.callee).filter((x): x is string => !!x) ?? [])),
    ];
    out.push(
      callees.length
        ? `  the line's own code calls no allocator; it allocates inside ${callees.join(', ')}`
        : '  no allocation call on this line in the compiled code',
    );
  }
  for (const b of ex.benchmarks) {
    if (!b.line) {
      out.push(`  ${b.name}: no allocation on this line (${b.allocsPerOp ?? '?'} allocs/op in the whole benchmark)`);
      continue;
    }
    out.push(`  ${b.name}: ${b.line.allocsPerOp} allocs/op, ${b.line.bytesPerOp} B/op on this line`);
    for (const a of b.line.allocations) {
      const what = a.type ? `${a.type}${a.size !== null ? ` (${a.size} B)` : ''}` : '';
      const how = a.callee ? `inside ${a.callee}` : a.runtime ? `runtime.${a.runtime}` : '';
      out.push(`    ${a.allocsPerOp} allocs/op, ${a.bytesPerOp} B/op${what ? ' ' + what : ''}${how ? ` ${c.dim(how)}` : ''}`);
    }
  }
  for (const e of ex.errors) out.push(`  ${c.red('error:')} ${e}`);
  return out.join('\n') + '\n';
}
