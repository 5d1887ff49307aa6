// The estimate ranks by the source wherever the analysed code lives: std packages named for analysis and a
// dependency's own module get their loops and calls in loops read (go/srcfacts) as the module's code does, so the
// first ranked sites are in loops, ties between equal weights are broken by the sites sharing a loop and by the
// calls naming the function (never by the file's name alone), and a position-less site comes last.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers/cli.js';
import { examplesDir } from '../helpers/paths.js';
import type { AnalysisModel } from '../../src/model/types.js';
import { byCost, costOrder, groupCost, groupsOf, type Group } from '../../src/model/ranking.js';
import { isRealFile } from '../../src/model/paths.js';

const env = { HEAPSCOPE_CACHE: tempDir('heapscope-rank-cache-') };

function ranked(args: string[], cwd: string): { model: AnalysisModel; groups: Group[] } {
  const r = runCli(['analyze', '--format', 'json', ...args], { cwd, env });
  assert.equal(r.code, 0, r.stderr);
  const model = JSON.parse(r.stdout) as AnalysisModel;
  return { model, groups: byCost(groupsOf(model.sites.filter((s) => s.heap && s.cost))) };
}

const inLoop = (g: Group): boolean => /loop/.test(groupCost(g)!.basis);

/** The longest run of consecutive groups the cost does not order (only their position does). */
function longestTie(groups: Group[]): number {
  let longest = 1;
  let run = 1;
  for (let i = 1; i < groups.length; i++) {
    run = costOrder(groupCost(groups[i - 1]!), groupCost(groups[i]!)) === 0 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  return longest;
}

function positionlessLast(groups: Group[]): void {
  const positioned = groups.map((g) => isRealFile(g[0]!.file) && g[0]!.line > 0);
  const first = positioned.indexOf(false);
  if (first >= 0) assert.ok(!positioned.slice(first).includes(true), 'a site with a position after a position-less one');
}

test('std packages named for analysis: their loops weigh, the first ranked sites are in loops, ties are short', () => {
  const { model, groups } = ranked(['net/http', 'encoding/json', 'fmt'], examplesDir);
  assert.ok(groups.length > 1000, `${groups.length} groups`);
  // Their files are outside the module: read all the same, every estimated site in a function says how many
  // sites share its loop or function.
  const estimated = model.sites.filter((s) => s.heap && s.cost?.source === 'estimated');
  assert.ok(estimated.filter((s) => s.cost!.together).length > estimated.length * 0.9, 'sites without source structure');
  assert.ok(estimated.some((s) => s.file.endsWith('/net/http/server.go') && /in a loop/.test(s.cost!.basis)));
  for (const [i, g] of groups.slice(0, 10).entries()) assert.ok(inLoop(g), `#${i + 1} ${g[0]!.file}:${g[0]!.line}: ${groupCost(g)!.basis}`);
  // Before: 913 sites in a row at weight 0.5, in file order.
  const tie = longestTie(groups);
  assert.ok(tie <= 60, `${tie} groups in a row tie`);
  assert.ok(longestTie(groups.slice(0, 100)) <= 15);
  positionlessLast(groups);
  // Package initialisation runs once: never above a site in a loop.
  const init = groups.findIndex((g) => /^init(\.\d+)?$/.test(g[0]!.function ?? ''));
  assert.ok(init > 100, `package initialisation ranked #${init + 1}`);
});

test('go.uber.org/zap and the examples: sites in loops or called in loops first, ties broken by the source', () => {
  const dl = spawnSync('go', ['mod', 'download', '-json', 'go.uber.org/zap@v1.28.0'], { encoding: 'utf8' });
  assert.equal(dl.status, 0, dl.stderr + dl.stdout);
  const zap = join(tempDir('heapscope-rank-zap-'), 'zap');
  cpSync((JSON.parse(dl.stdout) as { Dir: string }).Dir, zap, { recursive: true, mode: 0 });
  spawnSync('chmod', ['-R', 'u+w', zap]);
  const z = ranked(['./...'], zap);
  for (const g of z.groups.slice(0, 5)) assert.ok(inLoop(g), `${g[0]!.file}:${g[0]!.line}: ${groupCost(g)!.basis}`);
  const tie = longestTie(z.groups);
  assert.ok(tie <= 60, `${tie} groups in a row tie`);
  positionlessLast(z.groups);

  // The examples' code has no loops: equal weights, ordered by the sites that share a function first.
  const ex = ranked(['./...'], examplesDir);
  const ones = ex.groups.filter((g) => groupCost(g)!.score === groupCost(ex.groups[0]!)!.score);
  assert.ok(ones.length > 2);
  for (let i = 1; i < ones.length; i++) assert.ok((groupCost(ones[i - 1]!)!.together ?? 0) >= (groupCost(ones[i]!)!.together ?? 0));
  assert.ok(new Set(ones.map((g) => groupCost(g)!.together)).size > 1, 'the examples tie on every criterion');
  positionlessLast(ex.groups);
});
