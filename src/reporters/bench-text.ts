// The terminal report of `heapscope bench`: per benchmark the measured figures, then the lines that make
// its allocations, sorted by allocs/op, each with cause, types and sizes.

import { renderGcLine } from './gc-text.js';
import pc from 'picocolors';
import type { BenchReport } from '../model/bench-report.js';
import { safeText as q } from '../model/safe-text.js';
import type { ReportOptions } from './registry.js';
import { renderCompareText, traceLine } from './compare-text.js';

function num(x: number | null, digits = 2): string {
  if (x === null) return '?';
  if (Number.isInteger(x)) return String(x);
  return Math.abs(x) < 0.01 ? String(Number(x.toPrecision(2))) : x.toFixed(digits);
}

/** A share as a whole percentage; one below 1% but not nothing as `<1%`. */
function pct(x: number): string {
  return x > 0 && x < 0.005 ? '<1%' : `${Math.round(x * 100)}%`;
}

/** The cost pass's CPU figures of a benchmark in one line (join/cpu-cost.ts); null without a cost pass. */
function cpuLine(cpu: BenchReport['benchmarks'][number]['cpu']): string | null {
  if (cpu === undefined) return null;
  if (cpu === null) return 'cpu: not measured (see the notes)';
  const of = `${cpu.samples} sample${cpu.samples === 1 ? '' : 's'}, ${num(cpu.seconds)} s of CPU`;
  if (cpu.allocShare === null || cpu.gcShare === null) return `cpu: shares unknown (${of})`;
  return `cpu: ${pct(cpu.allocShare)} in the allocator, ${pct(cpu.gcShare)} in GC (${of})`;
}

export function renderBenchText(rep: BenchReport, opts: ReportOptions): string {
  const c = pc.createColors(opts.color);
  const out: string[] = [];
  for (const p of rep.packages) for (const e of p.errors) out.push(`${c.red('error')}: ${q(p.importPath)}: ${q(e)}`);
  for (const p of rep.packages) for (const n of p.notes) out.push(`${c.dim('note')}: ${q(p.importPath)}: ${q(n)}`);
  if (out.length) out.push('');
  for (const b of rep.benchmarks) {
    const spread =
      b.metrics['ns/op'] && b.runs > 1 ? ` (${num(b.metrics['ns/op'].min)}…${num(b.metrics['ns/op'].max)} over ${b.runs} runs)` : '';
    out.push(
      `${c.bold(q(b.name))} ${c.dim(`${q(b.package)}, ${b.procs} procs`)}: ${num(b.nsPerOp)} ns/op${spread}  ${num(b.bytesPerOp)} B/op  ${num(b.allocsPerOp)} allocs/op`,
    );
    const cpu = cpuLine(b.cpu);
    if (cpu) out.push(`  ${c.dim(cpu)}`);
    const gc = renderGcLine(b.gc);
    if (gc) out.push(`  ${c.dim(gc)}`);
    if (b.trace) out.push(`  ${c.cyan(traceLine(b.trace))}`);
    for (const l of b.lines) {
      const where = l.file ? `${q(l.file)}:${l.line}` : '(runtime)';
      const fn = l.goFunction || l.function ? ` in ${q(l.goFunction ?? l.function!)}` : '';
      // What the line's allocations cost: the allocator's CPU on its behalf, and the GC's estimated from its bytes.
      const cost =
        l.cpuShare !== undefined && l.cpuShare !== null
          ? `, ${pct(l.cpuShare)} CPU in allocator${l.gcShareEstimate !== undefined && l.gcShareEstimate !== null ? `, ~${pct(l.gcShareEstimate)} GC (est.)` : ''}`
          : '';
      // Sampled: the estimate's 95% interval, from the allocations the runs recorded on the line.
      const est = l.sampling
        ? c.dim(
            ` (sampled, 95%: ${num(l.sampling.allocsPerOp[0])}…${num(l.sampling.allocsPerOp[1])} allocs/op, ${num(l.sampling.bytesPerOp[0])}…${num(l.sampling.bytesPerOp[1])} B/op; ${l.sampling.samples} recorded)`,
          )
        : '';
      out.push(
        `  ${where}: ${c.yellow(`${l.sampling ? '~' : ''}${num(l.allocsPerOp)} allocs/op, ${num(l.bytesPerOp)} B/op`)}${est}${fn}${cost}`,
      );
      // How the line allocates, as the profile splits it: each runtime call with its type, each callee.
      for (const a of l.allocations) {
        const what = a.type
          ? c.cyan(
              `${q(a.type)}${a.size !== null ? ` (${a.size} B${a.sizeMeasured ? ' per allocation, measured' : a.sizeClass !== null && a.sizeClass !== a.size ? `, class ${a.sizeClass}` : ''})` : ''}`,
            )
          : '';
        const how = a.callee ? `inside ${q(a.callee)}` : a.runtime ? `runtime.${q(a.runtime)}` : '';
        const inst = a.symbol && a.symbol.includes('[') ? c.dim(` in ${q(a.symbol.slice(a.symbol.lastIndexOf('/') + 1))}`) : '';
        out.push(
          `      ${num(a.allocsPerOp)} allocs/op${a.tinyEstimate ? c.dim(` (estimated: ${num(a.tinyEstimate.profiledAllocsPerOp)} tiny blocks)`) : ''}, ${num(a.bytesPerOp)} B/op${what ? ' ' + what : ''}${how ? ` ${c.dim(how)}` : ''}${inst}`,
        );
      }
      if (l.allocations.length === 0 && l.typeDetails.length) {
        out.push(`      ${c.cyan(l.typeDetails.map((t) => `${q(t.type)}${t.size !== null ? ` (${t.size} B)` : ''}`).join(', '))}`);
      }
      for (const s of l.sites)
        out.push(
          `      ${q(s.file)}:${s.line}:${s.column}: ${q(s.expr)} ${s.kind === 'moved-to-heap' ? 'moved to heap' : 'escapes to heap'}`,
        );
      // The line's other decisions: shown, but they made none of the allocations above.
      for (const s of l.context ?? [])
        out.push(
          c.dim(
            `      ${q(s.file)}:${s.line}:${s.column}: ${q(s.expr)} ${s.kind === 'moved-to-heap' ? 'moved to heap' : 'escapes to heap'} (context: not these allocations)`,
          ),
        );
      if (l.cause) out.push(`      ${c.green('cause:')} ${q(l.cause.summary)} [${l.cause.id}]`);
      if (l.cause) out.push(`      ${c.green('fix:')} ${q(l.cause.fix)}`);
      for (const n of l.notes) out.push(`      ${c.magenta('note:')} ${q(n)}`);
    }
    for (const l of b.untimed ?? []) {
      out.push(
        `  ${c.dim(`${q(l.file)}:${l.line}: ${num(l.allocsPerOp)} allocs, ${num(l.bytesPerOp)} B per b.N outside the timed loop (not in go test's figures)`)}`,
      );
    }
    if (b.setup && (b.setup.allocs >= 0.5 || b.setup.bytes >= 1)) {
      out.push(
        `  ${c.dim(`not per op: ${num(b.setup.allocs)} allocs, ${num(b.setup.bytes)} B on the module's lines in each profiled run (setup, the b.N = 1 probe)`)}`,
      );
    }
    if (b.lines.length === 0 && b.allocsPerOp === 0) out.push(`  ${c.dim('no allocations')}`);
    for (const n of b.notes) out.push(`  ${c.dim('note:')} ${c.dim(q(n))}`);
    out.push('');
  }
  if (rep.budgets?.length) {
    out.push(c.bold('Budgets'));
    for (const b of rep.budgets)
      out.push(
        `  ${b.over ? c.red('over') : b.unmeasured ? c.red('not measured') : b.measured === null ? c.red('not run') : c.green('ok')}  ${q(b.benchmark)} ${b.metric}: ${b.measured === null ? '-' : b.measured} (budget ${b.budget})${b.unmeasured ? c.dim(`: ${q(b.unmeasured)}`) : ''}`,
      );
    out.push('');
  }
  if (rep.compare) out.push(...renderCompareText(rep.compare, c), '');
  out.push(
    `${rep.benchmarks.length} benchmark${rep.benchmarks.length === 1 ? '' : 's'} measured with ${q(rep.go.version)} ${q(rep.go.goos)}/${q(rep.go.goarch)}`,
  );
  return out.join('\n') + '\n';
}
