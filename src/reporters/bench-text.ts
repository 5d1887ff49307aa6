// The terminal report of `heapscope bench`: per benchmark the measured figures, then the lines that make
// its allocations, sorted by allocs/op, each with cause, types and sizes.

import { renderGcLine } from './gc-text.js';
import pc from 'picocolors';
import type { BenchReport } from '../model/bench-report.js';
import { safeText as q } from '../model/safe-text.js';
import type { ReportOptions } from './registry.js';
import { renderCompareText, traceLine } from './compare-text.js';
import { labelled, say } from './words.js';

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
  if (cpu === null) return say('report.bench.cpuNone');
  const of = say('report.bench.cpuOf', { count: cpu.samples, n: cpu.samples, seconds: num(cpu.seconds) });
  if (cpu.allocShare === null || cpu.gcShare === null) return say('report.bench.cpuUnknown', { of });
  return say('report.bench.cpu', { alloc: pct(cpu.allocShare), gc: pct(cpu.gcShare), of });
}

export function renderBenchText(rep: BenchReport, opts: ReportOptions): string {
  const c = pc.createColors(opts.color);
  const out: string[] = [];
  for (const p of rep.packages) for (const e of p.errors) out.push(`${c.red(say('report.label.error'))}: ${q(p.importPath)}: ${q(e)}`);
  for (const p of rep.packages) for (const n of p.notes) out.push(`${c.dim(say('report.label.noteWord'))}: ${q(p.importPath)}: ${q(n)}`);
  if (out.length) out.push('');
  for (const b of rep.benchmarks) {
    const spread =
      b.metrics['ns/op'] && b.runs > 1
        ? say('report.bench.spread', { min: num(b.metrics['ns/op'].min), max: num(b.metrics['ns/op'].max), runs: b.runs })
        : '';
    out.push(
      `${c.bold(q(b.name))} ${c.dim(say('report.bench.procs', { pkg: q(b.package), procs: b.procs }))}: ${num(b.nsPerOp)} ns/op${spread}  ${num(b.bytesPerOp)} B/op  ${num(b.allocsPerOp)} allocs/op`,
    );
    const cpu = cpuLine(b.cpu);
    if (cpu) out.push(`  ${c.dim(cpu)}`);
    const gc = renderGcLine(b.gc);
    if (gc) out.push(`  ${c.dim(gc)}`);
    if (b.trace) out.push(`  ${c.cyan(traceLine(b.trace))}`);
    for (const l of b.lines) {
      const where = l.file ? `${q(l.file)}:${l.line}` : say('report.bench.runtime');
      const fn = l.goFunction || l.function ? say('report.inFunction', { fn: q(l.goFunction ?? l.function!) }) : '';
      // What the line's allocations cost: the allocator's CPU on its behalf, and the GC's estimated from its bytes.
      const cost =
        l.cpuShare !== undefined && l.cpuShare !== null
          ? l.gcShareEstimate !== undefined && l.gcShareEstimate !== null
            ? say('report.bench.lineCpuGc', { cpu: pct(l.cpuShare), gc: pct(l.gcShareEstimate) })
            : say('report.bench.lineCpu', { cpu: pct(l.cpuShare) })
          : '';
      // Sampled: the estimate's 95% interval, from the allocations the runs recorded on the line.
      const est = l.sampling
        ? c.dim(
            say('report.bench.sampled', {
              allocsLow: num(l.sampling.allocsPerOp[0]),
              allocsHigh: num(l.sampling.allocsPerOp[1]),
              bytesLow: num(l.sampling.bytesPerOp[0]),
              bytesHigh: num(l.sampling.bytesPerOp[1]),
              samples: l.sampling.samples,
            }),
          )
        : '';
      out.push(
        `  ${where}: ${c.yellow(`${l.sampling ? '~' : ''}${num(l.allocsPerOp)} allocs/op, ${num(l.bytesPerOp)} B/op`)}${est}${fn}${cost}`,
      );
      // How the line allocates, as the profile splits it: each runtime call with its type, each callee.
      for (const a of l.allocations) {
        const size =
          a.size === null
            ? ''
            : a.sizeMeasured
              ? say('report.bench.sizeMeasured', { size: a.size })
              : a.sizeClass !== null && a.sizeClass !== a.size
                ? say('report.bench.sizeClass', { size: a.size, sizeClass: a.sizeClass })
                : say('report.explain.size', { size: a.size });
        const what = a.type ? c.cyan(`${q(a.type)}${size}`) : '';
        const how = a.callee ? say('report.explain.inside', { callee: q(a.callee) }) : a.runtime ? `runtime.${q(a.runtime)}` : '';
        const inst =
          a.symbol && a.symbol.includes('[')
            ? c.dim(say('report.inFunction', { fn: q(a.symbol.slice(a.symbol.lastIndexOf('/') + 1)) }))
            : '';
        const tiny = a.tinyEstimate ? c.dim(say('report.bench.tiny', { n: num(a.tinyEstimate.profiledAllocsPerOp) })) : '';
        out.push(
          `      ${num(a.allocsPerOp)} allocs/op${tiny}, ${num(a.bytesPerOp)} B/op${what ? ' ' + what : ''}${how ? ` ${c.dim(how)}` : ''}${inst}`,
        );
      }
      if (l.allocations.length === 0 && l.typeDetails.length) {
        out.push(
          `      ${c.cyan(l.typeDetails.map((t) => `${q(t.type)}${t.size !== null ? say('report.explain.size', { size: t.size }) : ''}`).join(', '))}`,
        );
      }
      const decision = (s: { file: string; line: number; column: number; expr: string; kind: string }): string =>
        `${q(s.file)}:${s.line}:${s.column}: ${say(s.kind === 'moved-to-heap' ? 'report.site.moved' : 'report.site.escapes', { expr: q(s.expr) })}`;
      for (const s of l.sites) out.push(`      ${decision(s)}`);
      // The line's other decisions: shown, but they made none of the allocations above.
      for (const s of l.context ?? []) out.push(c.dim(`      ${decision(s)}${say('report.bench.context')}`));
      if (l.cause) out.push(`      ${labelled(c.green(say('report.label.cause')), `${q(l.cause.summary)} [${l.cause.id}]`)}`);
      if (l.cause) out.push(`      ${labelled(c.green(say('report.label.fix')), q(l.cause.fix))}`);
      for (const n of l.notes) out.push(`      ${labelled(c.magenta(say('report.label.note')), q(n))}`);
    }
    for (const l of b.untimed ?? []) {
      out.push(
        `  ${c.dim(say('report.bench.untimed', { where: `${q(l.file)}:${l.line}`, allocs: num(l.allocsPerOp), bytes: num(l.bytesPerOp) }))}`,
      );
    }
    if (b.setup && (b.setup.allocs >= 0.5 || b.setup.bytes >= 1)) {
      out.push(`  ${c.dim(say('report.bench.setup', { allocs: num(b.setup.allocs), bytes: num(b.setup.bytes) }))}`);
    }
    if (b.lines.length === 0 && b.allocsPerOp === 0) out.push(`  ${c.dim(say('report.bench.none'))}`);
    for (const n of b.notes) out.push(`  ${labelled(c.dim(say('report.label.note')), c.dim(q(n)))}`);
    out.push('');
  }
  if (rep.budgets?.length) {
    out.push(c.bold(say('report.bench.budgets')));
    for (const b of rep.budgets) {
      const status = b.over
        ? c.red(say('report.bench.over'))
        : b.unmeasured
          ? c.red(say('report.bench.unmeasured'))
          : b.measured === null
            ? c.red(say('report.bench.notRun'))
            : c.green(say('report.bench.ok'));
      const line = say('report.bench.budget', {
        benchmark: q(b.benchmark),
        metric: b.metric,
        measured: b.measured === null ? '-' : b.measured,
        budget: b.budget,
      });
      out.push(`  ${status}  ${line}${b.unmeasured ? c.dim(say('report.bench.unmeasuredWhy', { reason: q(b.unmeasured) })) : ''}`);
    }
    out.push('');
  }
  if (rep.compare) out.push(...renderCompareText(rep.compare, c), '');
  out.push(
    say('report.bench.total', {
      count: rep.benchmarks.length,
      n: rep.benchmarks.length,
      go: `${q(rep.go.version)} ${q(rep.go.goos)}/${q(rep.go.goarch)}`,
    }),
  );
  return out.join('\n') + '\n';
}
