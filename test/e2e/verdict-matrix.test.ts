// heapscope's verdicts against what benchmarks measure, on modules nobody here wrote (one of each kind, pinned on
// the module proxy, test/helpers/verdict-matrix.ts), on the installed Go and on go1.27.4. For each module:
// heapscope bench on a few of its own benchmarks, heapscope analyze on the same package, and no bench line may
//   a. allocate in its own code (a runtime call, ≥ 0.5 allocs/op) while every heap decision on it says `never`;
//   b. take the cause of a static site on it while every allocation it made ran inside another package's function
//      (one not inlined into the line: an inlined callee's allocation is decided on the line, and is its own);
//   c. say interface-conversion / interface-stored while it boxed nothing (its own allocations, none a convT* call:
//      a pointer's pointee, a map or slice made; converting a pointer to an interface allocates nothing).
// A failure lists the offending lines: file:line, cause, allocations, static sites.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli, tempDir, TOOLCHAINS } from '../helpers/cli.js';
import { moduleCopy } from '../helpers/module-copy.js';
import { MATRIX, measureModule, type Heapscope, type Violation } from '../helpers/verdict-matrix.js';

// Each module downloaded and copied once; both toolchains run in the same copies.
const parent = tempDir('heapscope-matrix-');
const copies = new Map(MATRIX.map((m) => [m.module, moduleCopy(m.module, parent)]));
const heapscope: Heapscope = (args, cwd, env) => runCli(args, { cwd, env });

const listed = (vs: Violation[]): string =>
  vs
    .map((v) => `  ${v.invariant}: ${v.at} (${v.benchmark}) cause ${v.cause}; ran: ${v.allocations}; sites: ${v.sites || 'none'}`)
    .join('\n');

for (const tc of TOOLCHAINS) {
  for (const m of MATRIX) {
    test(`${tc.name}: ${m.kind} ${m.module}: bench lines agree with the static verdicts`, () => {
      const r = measureModule(heapscope, copies.get(m.module)!, m, tc.env);
      if (tc.env['GOTOOLCHAIN']) assert.equal(r.go, tc.env['GOTOOLCHAIN']);
      // The benchmarks chosen allocate, and their lines were attributed: the invariants are not checked on nothing.
      assert.ok(r.allocating > 0 && r.lines > 0, `${m.bench}: ${r.allocating} allocating benchmarks, ${r.lines} lines`);
      assert.ok(r.counts.heap > 0, `analyze found ${r.counts.heap} heap sites`);
      assert.deepEqual(
        r.violations,
        [],
        `${r.violations.length} bench line(s) of ${m.module} contradict a verdict:\n${listed(r.violations)}`,
      );
    });
  }
}
