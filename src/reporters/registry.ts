// Reporters by --format name, for every command: each format renders the analysis, the benchmark report and the
// explanation of a line. A reporter yields chunks the CLI writes in order as they are made (the JSON report of std
// is about 70 MB: it is never one string). This file only maps names to the modules that render.

import type { AnalysisModel } from '../model/types.js';
import type { BenchReport } from '../model/bench-report.js';
import type { Explanation } from '../model/explain-report.js';
import { renderBenchJson, renderExplainJson, renderJson, writer } from './json.js';
import { renderTextChunks } from './text.js';
import { renderBenchText } from './bench-text.js';
import { renderExplainText } from './explain-text.js';
import { renderAnalysisPage, renderBenchPage } from './html/render.js';
import type { PageAssets } from './html/page.js';
import type { CheckReport } from '../model/directives.js';
import { renderCheckText } from './check-text.js';
import { renderDiffText } from './diff-text.js';
import type { DiffReport } from '../model/diff.js';
import { renderCheckSarif, renderSarif } from './sarif.js';
import { renderCheckGithub, renderDiffGithub, renderGithub } from './github.js';
import type { AsmListing } from '../model/alloc-types.js';

/** What the HTML report may embed: only files this says it has; null bytes: the page says the source is not included. */
export interface PageSource {
  has(file: string): boolean;
  read(file: string): Buffer | null;
}

export interface ReportOptions {
  color: boolean;
  verbose: boolean;
  /** Directory paths are shown relative to in text output (the user's working directory). */
  cwd: string;
  /** Sites the summary at the top ranks (0: none); the order of the listing. */
  top?: number;
  sort?: 'cost' | 'allocs' | 'position';
  /** The command line, shown in the HTML report. */
  command?: string;
  /** The files the HTML report may show, and their bytes (runners/source-access.ts decides which). */
  source?: PageSource;
  /** The bytes of a model path (same form) whose name is not UTF-8 and lost bytes in the model, for SARIF's URIs. */
  diskName?: (file: string) => Buffer | null;
  /** The assembly of the functions that allocate, for the html format's assembly pane (analyze --asm). */
  listings?: AsmListing[];
  /** The built page, for the html format. */
  page?: PageAssets;
}

export interface Reporter {
  analyze(model: AnalysisModel, opts: ReportOptions): Iterable<string>;
  bench?(report: BenchReport, opts: ReportOptions): Iterable<string>;
  check?(report: CheckReport, opts: ReportOptions): Iterable<string>;
  diff?(report: DiffReport, opts: ReportOptions): Iterable<string>;
  /** Not every format explains one line (html does not). */
  explain?(ex: Explanation, opts: ReportOptions): Iterable<string>;
}

export const REPORTERS: Record<string, Reporter> = {
  text: {
    analyze: renderTextChunks,
    bench: (r, o) => [renderBenchText(r, o)],
    explain: (e, o) => [renderExplainText(e, o)],
    check: renderCheckText,
    diff: renderDiffText,
  },
  json: {
    analyze: renderJson,
    bench: (r) => [renderBenchJson(r)],
    explain: (e) => [renderExplainJson(e)],
    check: (r) => [JSON.stringify({ ...r, ...writer() }) + '\n'],
    diff: (r) => [JSON.stringify({ ...r, ...writer() }) + '\n'],
  },
  html: {
    analyze: renderAnalysisPage,
    bench: renderBenchPage,
  },
  sarif: {
    analyze: renderSarif,
    check: renderCheckSarif,
  },
  github: {
    analyze: renderGithub,
    check: renderCheckGithub,
    diff: renderDiffGithub,
  },
};

export const FORMATS = Object.keys(REPORTERS);

/** The formats one command can write: those whose reporter renders what the command makes (its --format choices). */
export function formatsFor(command: keyof Reporter): string[] {
  return FORMATS.filter((f) => typeof REPORTERS[f]?.[command] === 'function');
}

/** The reporter of a format; the command line only offers FORMATS, so an unknown name is a heapscope bug. */
export function reporter(format: string): Reporter {
  const r = REPORTERS[format];
  if (!r) throw new Error(`no reporter for --format ${format}`);
  return r;
}
