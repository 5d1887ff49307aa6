// The server's settings: initializationOptions at start, then the client's `heapscope` section of
// workspace/configuration (pulled at start and on each didChangeConfiguration).

import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { langOf, type Lang } from '../i18n/lang.js';

export interface LspSettings {
  /** Diagnostics less severe than this are not sent: error, warning, information or hint. */
  minSeverity: DiagnosticSeverity;
  /** An estimated site's score (docs/ranking.md) from which it counts as hot (a Warning): 2 is inside a loop. */
  hotScore: number;
  /** Severity of a hot site, another allocating site, and a cold or never-allocating one. */
  severity: { hot: DiagnosticSeverity; other: DiagnosticSeverity; cold: DiagnosticSeverity };
  tests: boolean;
  tags: string;
  /** The URL `heapscope serve` printed, for "open in the report"; empty when none. */
  serveUrl: string;
  /** The language of the messages and hovers (heapscope.lang); '' when not set (server.ts: the order of the others). */
  lang: Lang | '';
}

export const DEFAULT_SETTINGS: LspSettings = {
  minSeverity: DiagnosticSeverity.Hint,
  hotScore: 2,
  tests: false,
  tags: '',
  serveUrl: '',
  lang: '',
  severity: { hot: DiagnosticSeverity.Warning, other: DiagnosticSeverity.Information, cold: DiagnosticSeverity.Hint },
};

const SEVERITIES: Record<string, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Settings from what a client sent; unknown or mistyped values keep the current ones. */
export function readSettings(raw: unknown, base: LspSettings): LspSettings {
  if (!raw || typeof raw !== 'object') return base;
  const r = raw as Record<string, unknown>;
  const out = { ...base };
  if (typeof r.minSeverity === 'string' && SEVERITIES[r.minSeverity.toLowerCase()])
    out.minSeverity = SEVERITIES[r.minSeverity.toLowerCase()]!;
  if (typeof r.hotScore === 'number' && r.hotScore > 0) out.hotScore = r.hotScore;
  if (typeof r.tests === 'boolean') out.tests = r.tests;
  if (typeof r.tags === 'string') out.tags = r.tags;
  if (typeof r.serveUrl === 'string') out.serveUrl = r.serveUrl;
  if (typeof r.lang === 'string') {
    const l = r.lang.trim() === '' ? '' : langOf(r.lang);
    if (l !== null) out.lang = l;
  }
  // The severities by cost (the VS Code extension's heapscope.severity.*): hot, other, cold.
  if (r.severity && typeof r.severity === 'object') {
    const v = r.severity as Record<string, unknown>;
    const pick = (k: string): DiagnosticSeverity | undefined =>
      typeof v[k] === 'string' ? SEVERITIES[(v[k] as string).toLowerCase()] : undefined;
    out.severity = {
      hot: pick('hot') ?? out.severity.hot,
      other: pick('other') ?? out.severity.other,
      cold: pick('cold') ?? out.severity.cold,
    };
  }
  return out;
}
