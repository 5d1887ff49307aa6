// The verdict matrix as a table, for a before/after comparison of any build of heapscope:
//   npm run build && node dist/bench/verdict-matrix.js [path/to/bin/heapscope.js] [--list]
// For each module of test/helpers/verdict-matrix.ts and each Go release (the installed one, go1.27.4): the heap
// sites analyze reports, how many say `never`, interface-conversion, interface-stored, and how many bench lines
// break each invariant of test/e2e/verdict-matrix.test.ts (a: never on a real allocation, b: a cause from a site
// that made none of the line's allocations, c: a boxing cause where nothing was boxed). --list prints those lines.
// The entry point defaults to this checkout's; another checkout's bin/heapscope.js measures that build. Every run
// has its own empty heapscope cache, so builds never read each other's results.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { moduleCopy } from '../test/helpers/module-copy.js';
import { INVARIANTS, MATRIX, measureModule, type Heapscope } from '../test/helpers/verdict-matrix.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const list = args.includes('--list');
const cli = resolve(args.find((a) => !a.startsWith('--')) ?? join(root, 'bin', 'heapscope.js'));
const toolchains: { name: string; env: NodeJS.ProcessEnv }[] = [
  { name: 'installed', env: {} },
  { name: 'go1.27.4', env: { GOTOOLCHAIN: 'go1.27.4' } },
];

const scratch = mkdtempSync(join(tmpdir(), 'heapscope-verdict-matrix-'));
const cache = join(scratch, 'cache');
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

const heapscope: Heapscope = (argv, cwd, env) => {
  const r = spawnSync(process.execPath, [cli, ...argv], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', HEAPSCOPE_CACHE: cache, ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const rows: string[][] = [['module', 'go', 'heap', 'never', 'iface-conv', 'iface-stored', 'lines', ...INVARIANTS.map((_, i) => 'abc'[i]!)]];
const details: string[] = [];
console.error(`heapscope: ${cli}`);
for (const m of MATRIX) {
  const dir = moduleCopy(m.module, scratch);
  for (const tc of toolchains) {
    const name = m.module.replace(/@.*/, '');
    try {
      const r = measureModule(heapscope, dir, m, tc.env);
      const c = r.counts;
      const per = INVARIANTS.map((inv) => String(r.violations.filter((v) => v.invariant === inv).length));
      rows.push([
        name,
        r.go,
        String(c.heap),
        String(c.never),
        String(c.interfaceConversion),
        String(c.interfaceStored),
        String(r.lines),
        ...per,
      ]);
      for (const v of r.violations) {
        details.push(
          `${name} ${r.go} ${v.invariant}: ${v.at} (${v.benchmark}) cause ${v.cause}; ran: ${v.allocations}; sites: ${v.sites || 'none'}`,
        );
      }
    } catch (e) {
      rows.push([name, tc.name, ...rows[0]!.slice(2).map(() => '-')]);
      details.push(`${name} ${tc.name}: ${(e as Error).message}`);
    }
    console.error(`  ${name} on ${tc.name} done`);
  }
}

// A Markdown table: pastes into a report or a pull request as it is.
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
const fmt = (r: string[]): string => `| ${r.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
console.log(fmt(rows[0]!));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows.slice(1)) console.log(fmt(r));
if (details.length && (list || rows.some((r) => r[2] === '-'))) console.log(`\n${details.join('\n')}`);
