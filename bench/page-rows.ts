// The page part of npm run bench (BENCH_ONLY=page; not in the default run): the HTML report of the examples and
// of std in headless Chromium (bench/page-timings.ts): its size, writing it against --format json, the time to
// its summary, and to a site's detail after a click; the medians of BENCH_PAGE_RUNS page loads each. It prints
// a table of its own, whose columns are not the main table's.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { hsOpts, type Bench } from './context.js';
import { median, rounds, timed } from './measure.js';
import { timePage, withBrowser, type PageTiming } from './page-timings.js';
import type { Row } from './table.js';

export async function pageRows(b: Bench): Promise<Row[]> {
  const pageRuns = rounds('BENCH_PAGE_RUNS', 5);
  const lines = [
    `| html report (${pageRuns} loads, medians) | file size | writing it (warm go cache, no replay) against --format json | first paint (summary shown) | Chromium's first contentful paint | whole data decoded | click on a site to its detail |`,
    '|---|---|---|---|---|---|---|',
  ];
  const targets: [string, string[]][] = [
    ['examples', ['-C', join(b.root, 'examples'), '--tests']],
    ['std', ['std']],
  ];
  await withBrowser(async (browser) => {
    for (const [name, args] of targets) {
      const file = join(b.scratch, `${name}.html`);
      const cmd = (format: string, ...out: string[]): string[] => [
        process.execPath,
        b.cli,
        'analyze',
        '--no-cache',
        '--format',
        format,
        ...out,
        '--no-progress',
        ...args,
      ];
      const html = cmd('html', '-o', file);
      const json = cmd('json');
      timed(`page ${name}: html (untimed, fills the go command's cache)`, html, hsOpts(b, b.root));
      const writes = [0, 1, 2].map(
        () =>
          [timed(`page ${name}: html`, html, hsOpts(b, b.root)).wall, timed(`page ${name}: json`, json, hsOpts(b, b.root)).wall] as const,
      );
      const write = { html: median(writes.map((w) => w[0])), json: median(writes.map((w) => w[1])) };
      const runs: PageTiming[] = [];
      for (let i = 0; i < pageRuns; i++) runs.push(await timePage(browser, `file://${file}`));
      const mib = statSync(file).size / (1 << 20);
      const fcps = runs.map((r) => r.fcpMs).filter((x): x is number => x !== null);
      lines.push(
        `| ${name} | ${mib.toFixed(2)} MiB | ${write.html.toFixed(2)} s against ${write.json.toFixed(2)} s (${(write.html / write.json).toFixed(2)}) | ${median(runs.map((r) => r.firstPaintMs)).toFixed(0)} ms | ${fcps.length ? `${median(fcps).toFixed(0)} ms` : '?'} | ${median(runs.map((r) => r.completeMs)).toFixed(0)} ms | ${median(runs.map((r) => r.selectMs)).toFixed(0)} ms |`,
      );
    }
  });
  console.log(lines.join('\n'));
  return [];
}
