// The terminal report: heap sites as `file:line:col: message` lines like go vet, grouped by package and file,
// each followed by the compiler's reasons and the fix, then a summary with counts.

import { isAbsolute, join, relative } from 'node:path';
import pc from 'picocolors';
import type { AnalysisModel, Site } from '../model/types.js';
import { groupBy } from '../model/group.js';
import { safeText as q } from '../model/safe-text.js';
import type { ReportOptions } from './registry.js';

/** A file as the user sees it; escaped, since a `//line` directive can name any file. */
function display(model: AnalysisModel, file: string, cwd: string): string {
  if (file === '' || file.startsWith('<') || file.startsWith('$')) return q(file) || '<no position>';
  const abs = isAbsolute(file) ? file : join(model.root, file);
  const rel = relative(cwd, abs);
  return q(rel.startsWith('..') && isAbsolute(file) ? abs : rel || abs);
}

function headline(s: Site): string {
  if (s.kind === 'moved-to-heap') return `${q(s.expr)} moved to heap`;
  return `${q(s.expr)} escapes to heap`;
}

/** The compiler's explanation of one site: each flow edge once, then the notes under it. */
function flowLines(model: AnalysisModel, s: Site, cwd: string, c: ReturnType<typeof pc.createColors>): string[] {
  const out: string[] = [];
  let edge = '';
  let first = true;
  for (const f of s.flow) {
    const e = `${q(f.dst)} ← ${q(f.src)}`;
    if (e !== edge) {
      out.push(`    ${first ? c.cyan('why:') : '    '} ${c.dim('flow')} ${e}`);
      edge = e;
      first = false;
    }
    // An edge printed without notes has no step text of its own.
    if (f.text !== '')
      out.push(`           ${q(f.text)} ${c.dim(`(${q(f.reason) || '?'})`)} at ${display(model, f.file, cwd)}:${f.line}:${f.column}`);
  }
  if (s.truncated) out.push(`           ${c.dim('(the compiler cut this explanation short: assignment cycle)')}`);
  return out;
}

/** The whole report as one string (tests, small models). */
export function renderText(model: AnalysisModel, opts: ReportOptions): string {
  return [...renderTextChunks(model, opts)].join('');
}

/** Lines held before they are handed on: the report of std is hundreds of MB as one string. */
const CHUNK_LINES = 4096;

/** The report in chunks of whole lines, made as they are written. */
export function* renderTextChunks(model: AnalysisModel, opts: ReportOptions): Generator<string> {
  const c = pc.createColors(opts.color);
  let out: string[] = [];
  const flush = (): string => {
    const text = out.join('\n') + '\n';
    out = [];
    return text;
  };
  // Decisions the runtime never allocates for (constants, zero-size values, static closures) are listed apart
  // and left out of the heap counts.
  const heap = model.sites.filter((s) => s.heap && s.allocates !== 'never');
  const never = model.sites.filter((s) => s.heap && s.allocates === 'never');
  const byPkg = groupBy(heap, (s) => s.package);
  const neverByPkg = groupBy(never, (s) => s.package);
  for (const p of model.packages) {
    for (const e of p.errors) out.push(`${c.red('error')}: ${q(p.importPath)}: ${q(e)}`);
  }
  if (out.length) out.push('');
  for (const p of model.packages) {
    const list = byPkg.get(p.importPath) ?? [];
    const free = neverByPkg.get(p.importPath) ?? [];
    if (!list.length && !free.length) continue;
    out.push(c.bold(`# ${q(p.importPath)}`) + c.dim(` (${list.length} heap site${list.length === 1 ? '' : 's'})`));
    // The instances of one decision (a generic function's shapes, a callee inlined twice) share a heading.
    for (const group of groupBy(list, (s) => `${s.file}:${s.line}:${s.column}|${s.kind}|${s.expr}`).values()) {
      const s = group[0]!;
      const pos = `${display(model, s.file, opts.cwd)}:${s.line}:${s.column}`;
      const fns = [...new Set(group.map((g) => g.function).filter((f): f is string => !!f))].map(q);
      const fn =
        group.length > 1
          ? c.dim(` in ${group.length} instances${fns.length ? ': ' + fns.join(', ') : ''}`)
          : s.function
            ? c.dim(` in ${q(s.function)}`)
            : '';
      out.push(
        `${pos}: ${c.yellow(headline(s))}${fn}: ${q(s.cause?.summary ?? 'no explanation printed by the compiler')}${c.dim(s.cause ? ` [${s.cause.id}]` : '')}`,
      );
      if (s.detail) out.push(`    ${c.cyan('because:')} ${q(s.detail)}`);
      if (s.allocates === 'sometimes') out.push(`    ${c.dim(`allocates sometimes: ${q(s.allocatesReason ?? '')}`)}`);
      const shown = new Set<string>();
      for (const inst of group) {
        const chain = flowLines(model, inst, opts.cwd, c);
        const k = chain.join('\n');
        if (shown.has(k)) continue;
        if (shown.size > 0) out.push(`    ${c.dim(`in ${q(inst.function ?? 'another instance')}:`)}`);
        shown.add(k);
        out.push(...chain);
      }
      // An escape that follows from another one: the chain to the root, whose fix removes both.
      if (s.chain?.length) {
        const root = s.chain[s.chain.length - 1]!;
        if (s.chain.length > 1)
          out.push(
            `    ${c.cyan('chain:')} ${s.chain.map((l) => `${q(l.expr)} (${display(model, l.file, opts.cwd)}:${l.line}:${l.column})`).join(' → ')}`,
          );
        out.push(
          `    ${c.cyan('root:')} ${q(root.expr)} at ${display(model, root.file, opts.cwd)}:${root.line}:${root.column}${root.function ? ` in ${q(root.function)}` : ''}: ${q(s.rootCause?.summary ?? '')}${c.dim(s.rootCause ? ` [${s.rootCause.id}]` : '')}`,
        );
      }
      const notes = [...new Set(group.flatMap((g) => g.notes ?? []))];
      for (const n of notes) out.push(`    ${c.magenta('note:')} ${q(n)}`);
      const fix = s.rootCause ?? s.cause;
      if (fix) out.push(`    ${c.green('fix:')} ${q(fix.fix)}`);
      if (out.length >= CHUNK_LINES) yield flush();
    }
    if (free.length) {
      out.push(c.dim(`escapes in the compiler's words, but the runtime never allocates for it (${free.length}):`));
      for (const s of free) {
        out.push(
          `${display(model, s.file, opts.cwd)}:${s.line}:${s.column}: ${headline(s)}${s.function ? ` in ${q(s.function)}` : ''}: ${c.dim(`${q(s.allocatesReason ?? '')} [${s.allocatesRule ?? ''}]`)}`,
        );
      }
    }
    out.push('');
  }

  const count = (k: Site['kind']): number => model.sites.filter((s) => s.kind === k).length;
  const causes = new Map<string, number>();
  for (const s of heap) if (s.cause) causes.set(s.cause.id, (causes.get(s.cause.id) ?? 0) + 1);
  const failed = model.packages.filter((p) => p.errors.length).length;
  const inl = model.functions.filter((f) => f.inlinable).length;
  out.push(c.bold('Summary'));
  out.push(
    `  ${model.packages.length} package${model.packages.length === 1 ? '' : 's'} analysed with ${q(model.go.version)} ${q(model.go.goos)}/${q(model.go.goarch)}` +
      (failed ? c.red(`, ${failed} with errors`) : ''),
  );
  const countHeap = (k: Site['kind']): number => heap.filter((s) => s.kind === k).length;
  out.push(
    `  ${heap.length} heap sites: ${countHeap('moved-to-heap')} moved to heap, ${countHeap('escapes')} escaping expressions` +
      (never.length ? `; ${never.length} more escape but never allocate (listed apart)` : ''),
  );
  out.push(
    `  ${count('does-not-escape')} stack decisions, ${count('leaking-param') + count('leaking-param-content') + count('leaking-param-to-result')} leaking parameters`,
  );
  out.push(`  ${model.functions.length} functions (${inl} inlinable), ${model.inlinedCalls.length} inlined calls`);
  if (causes.size) {
    const parts = [...causes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id, n]) => `${id} ${n}`);
    out.push(`  by cause: ${parts.join(', ')}`);
  }
  if (model.unrecognised.length) {
    out.push(
      `  ${model.unrecognised.length} compiler line${model.unrecognised.length === 1 ? '' : 's'} not recognised${opts.verbose ? ':' : ' (--verbose lists them)'}`,
    );
    if (opts.verbose) for (const u of model.unrecognised) out.push(`    ${q(u.package)}: ${q(u.text)}`);
  }
  yield flush();
}
