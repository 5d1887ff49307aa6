// heapscope check in the terminal: one `file:line:col:` line per violation or stale directive, as go vet prints
// its findings (an allocation at the site's position, a directive's own problem at the directive), each
// allocation followed by the compiler's reasons and the fix, then one summary line.

import pc from 'picocolors';
import type { CheckReport, Violation } from '../model/directives.js';
import { safeText as q } from '../model/safe-text.js';
import { display, flowLines, headline } from './text.js';
import type { ReportOptions } from './registry.js';

export function* renderCheckText(r: CheckReport, opts: ReportOptions): Generator<string> {
  const c = pc.createColors(opts.color);
  const out: string[] = [];
  const at = (p: { file: string; line: number; column: number }): string => `${display(r, p.file, opts.cwd)}:${p.line}:${p.column}`;
  for (const p of r.packages) for (const e of p.errors) out.push(`${c.red('error')}: ${q(p.importPath)}: ${q(e)}`);
  const line = (v: Violation): void => {
    const tag = v.directive ? `//heapscope:${v.directive.kind}` : v.fromConfig ? 'noalloc (heapscope.json)' : 'baseline';
    const s = v.site;
    if (!s) {
      out.push(`${at(v.directive!)}: ${c.yellow(tag)}: ${q(v.message)}`);
      return;
    }
    const fn = s.goName?.function ?? s.function;
    out.push(
      `${at(s)}: ${c.yellow(tag)}: ${q(headline(s))}${fn ? ` in ${q(fn)}` : ''}: ${q(s.cause?.summary ?? 'no explanation printed by the compiler')}${c.dim(s.cause ? ` [${s.cause.id}]` : '')}`,
    );
    if (v.measured) out.push(`    ${c.cyan('measured:')} ${q(v.message)}`);
    if (v.ignored !== undefined) out.push(`    ${c.dim(`ignored: ${q(v.ignored)}`)}`);
    if (v.directive) out.push(`    ${c.dim(`directive at ${at(v.directive)}`)}`);
    if (s.detail) out.push(`    ${c.cyan('because:')} ${q(s.detail)}`);
    out.push(...flowLines(r, s, opts.cwd, c));
    if (s.chain?.length) {
      const root = s.chain[s.chain.length - 1]!;
      out.push(`    ${c.cyan('root:')} ${q(root.goName?.expr ?? root.expr)} at ${at(root)}: ${q(s.rootCause?.summary ?? '')}`);
    }
    for (const n of s.notes ?? []) out.push(`    ${c.magenta('note:')} ${q(n)}`);
    const fix = s.rootCause ?? s.cause;
    if (fix) out.push(`    ${c.green('fix:')} ${q(fix.fix)}`);
  };
  const failing = r.violations.filter((v) => v.ignored === undefined);
  for (const v of failing) line(v);
  for (const st of r.stale) out.push(`${at(st.directive)}: ${c.yellow(`//heapscope:${q(st.directive.text)}`)}: ${q(st.why)}`);
  const ignored = r.violations.filter((v) => v.ignored !== undefined);
  if (ignored.length) {
    out.push(c.dim(`ignored (${ignored.length}):`));
    for (const v of ignored) line(v);
  }
  const n = (k: number, w: string): string => `${k} ${w}${k === 1 ? '' : 's'}`;
  const parts = [n(r.directives, 'directive'), n(failing.length, 'violation')];
  if (ignored.length) parts.push(`${ignored.length} ignored`);
  if (r.stale.length) parts.push(n(r.stale.length, 'stale directive'));
  if (r.baseline) parts.push(`${n(r.baseline.new, 'heap site')} new against ${q(r.baseline.file)} (it holds ${r.baseline.sites})`);
  // A package that does not compile leaves its directives unchecked: the run cannot say ok (check exits 2).
  const broken = r.packages.filter((p) => p.errors.length).length;
  if (broken) parts.unshift(`${n(broken, 'package')} did not compile`);
  const ok = failing.length === 0 && r.stale.length === 0;
  const verdict = broken ? c.red('heapscope check: not checked') : ok ? c.green('heapscope check: ok') : c.red('heapscope check: failed');
  out.push(`${verdict}: ${parts.join(', ')}`);
  yield out.join('\n') + '\n';
}
