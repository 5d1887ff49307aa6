// heapscope check in the terminal: one `file:line:col:` line per violation or stale directive, as go vet prints
// its findings (an allocation at the site's position, a directive's own problem at the directive), each
// allocation followed by the compiler's reasons and the fix, then one summary line.

import pc from 'picocolors';
import type { CheckReport, Violation } from '../model/directives.js';
import { safeText as q } from '../model/safe-text.js';
import { display, flowLines, headline } from './text.js';
import type { ReportOptions } from './registry.js';
import { labelled, say } from './words.js';

export function* renderCheckText(r: CheckReport, opts: ReportOptions): Generator<string> {
  const c = pc.createColors(opts.color);
  const out: string[] = [];
  const at = (p: { file: string; line: number; column: number }): string => `${display(r, p.file, opts.cwd)}:${p.line}:${p.column}`;
  for (const p of r.packages) for (const e of p.errors) out.push(`${c.red(say('report.label.error'))}: ${q(p.importPath)}: ${q(e)}`);
  const line = (v: Violation): void => {
    const tag = v.directive
      ? `//heapscope:${v.directive.kind}`
      : v.fromConfig
        ? 'noalloc (heapscope.json)'
        : say('report.check.baselineTag');
    const s = v.site;
    if (!s) {
      out.push(`${at(v.directive!)}: ${c.yellow(tag)}: ${q(v.message)}`);
      return;
    }
    const fn = s.goName?.function ?? s.function;
    out.push(
      say('report.check.line', {
        where: at(s),
        tag: c.yellow(tag),
        headline: q(headline(s)),
        fn: fn ? say('report.inFunction', { fn: q(fn) }) : '',
        summary: s.cause ? q(s.cause.summary) : say('report.site.noExplanation'),
        id: c.dim(s.cause ? ` [${s.cause.id}]` : ''),
      }),
    );
    if (v.measured) out.push(`    ${labelled(c.cyan(say('report.label.measured')), q(v.message))}`);
    if (v.ignored !== undefined) out.push(`    ${c.dim(say('report.check.ignoredWhy', { reason: q(v.ignored) }))}`);
    if (v.directive) out.push(`    ${c.dim(say('report.check.directiveAt', { where: at(v.directive) }))}`);
    if (s.detail) out.push(`    ${labelled(c.cyan(say('report.label.because')), q(s.detail))}`);
    out.push(...flowLines(r, s, opts.cwd, c));
    if (s.chain?.length) {
      const root = s.chain[s.chain.length - 1]!;
      const text = say('report.site.root', {
        expr: q(root.goName?.expr ?? root.expr),
        where: at(root),
        fn: '',
        summary: q(s.rootCause?.summary ?? ''),
        id: '',
      });
      out.push(`    ${labelled(c.cyan(say('report.label.root')), text)}`);
    }
    for (const n of s.notes ?? []) out.push(`    ${labelled(c.magenta(say('report.label.note')), q(n))}`);
    const fix = s.rootCause ?? s.cause;
    if (fix) out.push(`    ${labelled(c.green(say('report.label.fix')), q(fix.fix))}`);
  };
  const failing = r.violations.filter((v) => v.ignored === undefined);
  for (const v of failing) line(v);
  for (const st of r.stale) out.push(`${at(st.directive)}: ${c.yellow(`//heapscope:${q(st.directive.text)}`)}: ${q(st.why)}`);
  const ignored = r.violations.filter((v) => v.ignored !== undefined);
  if (ignored.length) {
    out.push(c.dim(say('report.check.ignoredHeading', { n: ignored.length })));
    for (const v of ignored) line(v);
  }
  const n = (k: number): { count: number; n: number } => ({ count: k, n: k });
  const parts = [say('report.check.directives', n(r.directives)), say('report.check.violations', n(failing.length))];
  if (ignored.length) parts.push(say('report.check.ignored', { n: ignored.length }));
  if (r.stale.length) parts.push(say('report.check.stale', n(r.stale.length)));
  if (r.baseline) parts.push(say('report.check.baseline', { ...n(r.baseline.new), file: q(r.baseline.file), held: r.baseline.sites }));
  // A package that does not compile leaves its directives unchecked: the run cannot say ok (check exits 2).
  const broken = r.packages.filter((p) => p.errors.length).length;
  if (broken) parts.unshift(say('report.check.broken', n(broken)));
  const ok = failing.length === 0 && r.stale.length === 0;
  const verdict = broken ? c.red(say('report.check.notChecked')) : ok ? c.green(say('report.check.ok')) : c.red(say('report.check.failed'));
  out.push(say('report.check.summary', { verdict, parts: parts.join(say('report.list.sep')) }));
  yield out.join('\n') + '\n';
}
