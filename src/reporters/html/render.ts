// The html format of the reporter registry: the model encoded for the page, written as one self-contained file.

import { basename } from 'node:path';
import type { AnalysisModel } from '../../model/types.js';
import type { BenchReport } from '../../model/bench-report.js';
import type { ReportOptions } from '../registry.js';
import { encodeAnalysis, encodeBench, type EncodeContext } from './encode.js';
import { renderPage, type PageAssets } from './page.js';

function context(opts: ReportOptions): EncodeContext {
  return { command: opts.command ?? '', hasSource: (f) => !!opts.source?.has(f), preview: true };
}

function assets(opts: ReportOptions): PageAssets {
  // The CLI reads them for --format html; without them the page cannot be written at all.
  if (!opts.page) throw new Error('the html reporter needs the built page (ReportOptions.page)');
  return opts.page;
}

export function renderAnalysisPage(model: AnalysisModel, opts: ReportOptions): Iterable<string> {
  return renderPage(
    encodeAnalysis(model, context(opts), undefined, opts.listings),
    assets(opts),
    `heapscope: ${basename(model.root)}`,
    (f) => opts.source?.read(f) ?? null,
  );
}

export function renderBenchPage(report: BenchReport, opts: ReportOptions): Iterable<string> {
  return renderPage(
    encodeBench(report, context(opts), report.listings ?? []),
    assets(opts),
    `heapscope bench: ${basename(report.root)}`,
    (f) => opts.source?.read(f) ?? null,
  );
}
