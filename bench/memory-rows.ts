// The memory rows of npm run bench: heapscope's own peak resident set on all of std (its process alone, read by
// bench/self-rss.ts with getrusage in the process, so the compiler's memory is not counted), with Go's build cache
// warm: heapscope's cache empty (it parses the go command's replay of 150 MB of -m=2 text) and its finished report
// replayed, for the JSON, text and HTML reports.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, hsOpts, warmUp, type Bench } from './context.js';
import { BenchError, timed } from './measure.js';
import { verdict, type Row } from './table.js';

const LIMIT_MIB = 256;

export function memoryRows(b: Bench): Row[] {
  warmUp(b, b.root, ['std'], b.env, false);
  const selfRss = join(b.root, 'dist', 'bench', 'self-rss.js');
  const hcache = b.env['HEAPSCOPE_CACHE']!;
  const peak = { empty: new Map<string, number>(), replayed: new Map<string, number>() };
  for (const format of ['json', 'text', 'html']) {
    const cmd = analyze(b, 'std');
    cmd.splice(1, 0, '--import', selfRss);
    cmd[cmd.indexOf('json')] = format;
    rmSync(hcache, { recursive: true, force: true });
    for (const state of ['empty', 'replayed'] as const) {
      timed(`memory: heapscope analyze --format ${format} std, its cache ${state}`, cmd, hsOpts(b, b.root));
      const m = /heapscope-self-max-rss-kib (\d+)/.exec(readFileSync(join(b.scratch, 'stderr'), 'utf8'));
      if (!m) throw new BenchError(`heapscope analyze --format ${format} std printed no peak resident set (bench/self-rss.ts)`);
      peak[state].set(format, Number(m[1]) / 1024);
    }
  }
  return (['empty', 'replayed'] as const).map((state) => {
    const cells = [...peak[state]].map(([f, mib]) => `${f} ${mib.toFixed(0)} MiB`);
    return {
      path: `heapscope's own peak RSS, \`analyze std\`, ${state === 'empty' ? "heapscope's cache empty (Go's warm)" : 'the report replayed'}`,
      against: "heapscope's own (bench/self-rss.ts)",
      target: `<${LIMIT_MIB} MiB`,
      heapscope: cells.join(', '),
      base: '–',
      wall: '–',
      cpu: '–',
      met: verdict([...peak[state].values()].every((x) => x < LIMIT_MIB)),
    };
  });
}
