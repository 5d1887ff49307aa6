// heapscope diff in the terminal: a headline with the counts, then the added, removed and changed heap sites
// grouped by cause, each a `file:line:col:` line (added and changed at their position on the newer side, removed
// at theirs on the older).

import pc from 'picocolors';
import type { DiffReport } from '../model/diff.js';
import type { Site } from '../model/types.js';
import { groupBy } from '../model/group.js';
import { safeText as q } from '../model/safe-text.js';
import { display, headline } from './text.js';
import type { ReportOptions } from './registry.js';

export function* renderDiffText(r: DiffReport, opts: ReportOptions): Generator<string> {
  const c = pc.createColors(opts.color);
  const out: string[] = [];
  const at = (s: Site): string => `${display(r, s.file, opts.cwd)}:${s.line}:${s.column}`;
  const fn = (s: Site): string => {
    const f = s.goName?.function ?? s.function;
    return f ? ` in ${q(f)}` : '';
  };
  for (const p of r.packages)
    for (const e of p.errors)
      out.push(`${c.red('error')} (${p.side === 'from' ? q(r.from.label) : q(r.to.label)}): ${q(p.importPath)}: ${q(e)}`);
  out.push(
    c.bold(`heapscope diff ${q(r.from.label)} (${q(r.from.go)}) → ${q(r.to.label)} (${q(r.to.go)})`) +
      `: ${r.added.length} added, ${r.removed.length} removed, ${r.changed.length} changed heap site${r.changed.length === 1 ? '' : 's'}`,
  );
  const section = (title: string, list: Site[], colour: (s: string) => string): void => {
    if (!list.length) return;
    out.push('', c.bold(`${title} (${list.length}):`));
    const byCause = [...groupBy(list, (s) => s.cause?.id ?? 'unexplained')].sort(
      (a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1),
    );
    for (const [cause, sites] of byCause) {
      out.push(c.dim(`  [${q(cause)}] ${sites.length}`));
      for (const s of sites)
        out.push(`${at(s)}: ${colour(q(headline(s)))}${fn(s)}: ${q(s.cause?.summary ?? 'no explanation printed by the compiler')}`);
    }
  };
  section('added', r.added, c.red);
  section('removed', r.removed, c.green);
  if (r.changed.length) {
    out.push('', c.bold(`changed (${r.changed.length}):`));
    for (const ch of r.changed) {
      out.push(`${at(ch.after)}: ${c.yellow(q(headline(ch.after)))}${fn(ch.after)}`);
      for (const w of ch.what) out.push(`    ${q(w)}`);
    }
  }
  if (r.bench) {
    out.push(
      '',
      c.bold(
        `benchmarks (--bench ${q(r.bench.pattern)}, ${r.bench.count} runs a side, alternating; a significant change over ${(r.bench.threshold * 100).toFixed(1)}% fails):`,
      ),
    );
    const rows: string[][] = [['', q(r.from.label), '', q(r.to.label), '', 'vs base']];
    for (const b of r.benchmarks)
      for (const m of b.metrics)
        rows.push([
          `${q(b.name)}${b.procs > 1 ? `-${b.procs}` : ''} ${m.unit}`,
          fmtValue(m.from.center),
          m.from.text,
          fmtValue(m.to.center),
          m.to.text,
          m.regression ? c.red(`${m.comparison.text} regression`) : m.comparison.text,
        ]);
    const width = rows[0]!.map((_, i) => Math.max(...rows.map((row) => stripAnsi(row[i]!).length)));
    for (const row of rows)
      out.push(
        row
          .map((cell, i) => cell + ' '.repeat(width[i]! - stripAnsi(cell).length))
          .join('  ')
          .trimEnd(),
      );
    const reg = r.benchmarks.filter((b) => b.regression).length;
    out.push(reg ? c.red(`${reg} benchmark${reg === 1 ? '' : 's'} regressed`) : c.green('no benchmark regressed'));
  }
  if (r.matchedBy === 'position')
    out.push('', c.dim("(sites in the module's files matched by position: the compiler's names for them can differ between releases)"));
  yield out.join('\n') + '\n';
}

// eslint-disable-next-line no-control-regex
const stripAnsi = (s: string): string => s.replace(/\x1b\[[0-9;]*m/g, '');

/** A figure in a table: four significant digits, as benchstat shows them. */
function fmtValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1000 ? v.toFixed(0) : Number(v.toPrecision(4)).toString();
}
