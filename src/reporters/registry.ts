// Reporters by --format name. Each turns the model into text, as chunks the CLI writes in order as they are
// made (the JSON report of std is about 70 MB: it is never one string).

import type { AnalysisModel } from '../model/types.js';
import { renderJson } from './json.js';
import { renderText } from './text.js';

export interface ReportOptions {
  color: boolean;
  verbose: boolean;
  /** Directory paths are shown relative to in text output (the user's working directory). */
  cwd: string;
}

export type Reporter = (model: AnalysisModel, opts: ReportOptions) => Iterable<string>;

export const REPORTERS: Record<string, Reporter> = {
  text: (model, opts) => [renderText(model, opts)],
  json: renderJson,
};

export const FORMATS = Object.keys(REPORTERS);
