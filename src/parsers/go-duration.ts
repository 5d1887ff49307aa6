// Go's duration syntax (time.ParseDuration), as go test reads -timeout and -benchtime: a parser of its own, so
// the command line checks a flag without loading the benchmark runner.

/**
 * Parses a Go duration (`10m`, `90s`, `1h30m`, `500ms`, `.5s`) into milliseconds as time.ParseDuration reads it
 * (a sign, `0` without a unit, both micro signs); null if it is not one, as for a bare `1`, which go test rejects.
 */
export function parseGoDuration(s: string): number | null {
  if (/^[-+]?0$/.test(s)) return 0;
  const sign = s.startsWith('-') ? -1 : 1;
  if (s.startsWith('-') || s.startsWith('+')) s = s.slice(1);
  const re = /(\d+\.?\d*|\.\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)/gy;
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, '\u00b5s': 1e-3, '\u03bcs': 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };
  let total = 0;
  let m: RegExpExecArray | null;
  let end = 0;
  while ((m = re.exec(s))) {
    total += Number(m[1]) * unit[m[2]!]!;
    end = re.lastIndex;
  }
  return end === s.length && s.length > 0 ? sign * total : null;
}
