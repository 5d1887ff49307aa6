// The one table npm run bench prints, ready for the README: a row per path of issue 26, heapscope against the
// command it is measured against, with the target and whether the run met it. A ratio row is judged on the wall
// ratio of the medians; the CPU ratio beside it is what to read on a loaded machine, where wall times of pairs
// move by tenths.
import { median, type Sample } from './measure.js';

export interface Row {
  path: string;
  against: string;
  target: string;
  heapscope: string;
  base: string;
  wall: string;
  cpu: string;
  met: string;
}

const seconds = (xs: Sample[]): string => `${median(xs.map((x) => x.wall)).toFixed(2)} s, CPU ${median(xs.map((x) => x.cpu)).toFixed(2)} s`;

/** The ratio of the medians, then the pairs' own ratios: their median and range. */
export function ratioCell(hs: number[], base: number[]): string {
  const pairs = hs.map((h, i) => h / base[i]!);
  const range = `${Math.min(...pairs).toFixed(2)}–${Math.max(...pairs).toFixed(2)}`;
  return `${(median(hs) / median(base)).toFixed(2)} (pairs: median ${median(pairs).toFixed(2)}, ${range})`;
}

export const verdict = (met: boolean): string => (met ? 'met' : '**not met**');

/** A row of paired runs: heapscope's samples against the bare command's, round by round. */
export function ratioRow(path: string, against: string, target: number | null, hs: Sample[], base: Sample[]): Row {
  const wall = median(hs.map((x) => x.wall)) / median(base.map((x) => x.wall));
  return {
    path,
    against,
    target: target === null ? '(measured)' : `≤${target.toFixed(1)}`,
    heapscope: seconds(hs),
    base: seconds(base),
    wall: ratioCell(
      hs.map((x) => x.wall),
      base.map((x) => x.wall),
    ),
    cpu: ratioCell(
      hs.map((x) => x.cpu),
      base.map((x) => x.cpu),
    ).replace(/ \(.*/, ''),
    met: target === null ? '–' : verdict(wall <= target),
  };
}

export function renderTable(title: string, rows: Row[]): string {
  const head = [
    'path',
    'against',
    'target',
    'heapscope (median wall, CPU)',
    'against (median wall, CPU)',
    'wall ratio',
    'CPU ratio',
    'met',
  ];
  const lines = [`${title}`, '', `| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows) lines.push(`| ${[r.path, r.against, r.target, r.heapscope, r.base, r.wall, r.cpu, r.met].join(' | ')} |`);
  return lines.join('\n');
}
