// GitHub Actions workflow commands: one annotation per finding (`::error file=F,line=L,col=C,title=T::message`),
// escaped as the runner's toolkit escapes them, so a message with a newline or a property with a comma stays one
// annotation. Paths are relative to the working directory, as the runner resolves them.

import { relative, isAbsolute, join } from 'node:path';
import type { AnalysisModel, Site } from '../model/types.js';
import type { CheckReport } from '../model/directives.js';
import type { DiffReport } from '../model/diff.js';
import type { ReportOptions } from './registry.js';

const data = (s: string): string => s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const prop = (s: string): string => data(s).replaceAll(':', '%3A').replaceAll(',', '%2C');

function command(
  kind: 'error' | 'warning' | 'notice',
  root: string,
  cwd: string,
  p: { file: string; line: number; column: number },
  title: string,
  message: string,
): string {
  const file = relative(cwd, isAbsolute(p.file) ? p.file : join(root, p.file));
  return `::${kind} file=${prop(file)},line=${p.line},col=${p.column},title=${prop(title)}::${data(message)}`;
}

function text(s: Site): string {
  const fn = s.goName?.function ?? s.function;
  const fix = (s.rootCause ?? s.cause)?.fix;
  return `${s.goName?.expr ?? s.expr} ${s.kind === 'moved-to-heap' ? 'moved to heap' : 'escapes to heap'}${fn ? ` in ${fn}` : ''}: ${s.cause?.summary ?? 'no explanation printed by the compiler'}${fix ? `\nfix: ${fix}` : ''}`;
}

export function renderGithub(model: AnalysisModel, opts: ReportOptions): Iterable<string> {
  const lines = model.sites
    .filter((s) => s.heap && s.allocates !== 'never' && !s.cold)
    .map((s) => command('notice', model.root, opts.cwd, s, `heap allocation [${s.cause?.id ?? 'unexplained'}]`, text(s)));
  return [lines.length ? lines.join('\n') + '\n' : ''];
}

export function renderCheckGithub(r: CheckReport, opts: ReportOptions): Iterable<string> {
  const out: string[] = [];
  for (const v of r.violations) {
    if (v.ignored !== undefined) continue;
    const title = v.directive
      ? `//heapscope:${v.directive.kind}`
      : v.fromConfig
        ? 'noalloc (heapscope.json)'
        : 'new heap allocation (baseline)';
    if (v.site) out.push(command('error', r.root, opts.cwd, v.site, title, `${v.message}: ${text(v.site)}`));
    else out.push(command('error', r.root, opts.cwd, v.directive!, title, v.message));
  }
  for (const st of r.stale)
    out.push(
      command('warning', r.root, opts.cwd, st.directive, 'stale //heapscope: directive', `//heapscope:${st.directive.text}: ${st.why}`),
    );
  return [out.length ? out.join('\n') + '\n' : ''];
}

export function renderDiffGithub(r: DiffReport, opts: ReportOptions): Iterable<string> {
  // Positions of a revision's side are the same relative paths in the user's tree.
  const out = r.added.map((s) => command('error', r.root, opts.cwd, s, `new heap allocation (since ${r.from.label})`, text(s)));
  for (const c of r.changed)
    out.push(
      command('notice', r.root, opts.cwd, c.after, `heap site changed since ${r.from.label}`, `${c.what.join('; ')}\n${text(c.after)}`),
    );
  return [out.length ? out.join('\n') + '\n' : ''];
}
