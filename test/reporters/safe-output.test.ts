/* eslint-disable no-control-regex -- these tests look for raw control characters in the output */
// The text reporters print what came from the code, the compiler or a test binary escaped: a file name, an
// expression, a benchmark name or a failure message holding terminal escapes never reaches the terminal raw, with
// colour on or off. heapscope's own colour codes stay.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderText } from '../../src/reporters/text.js';
import { renderBenchText } from '../../src/reporters/bench-text.js';
import { renderExplainText } from '../../src/reporters/explain-text.js';
import type { AnalysisModel, Site } from '../../src/model/types.js';
import type { BenchReport } from '../../src/model/bench-report.js';
import type { Explanation } from '../../src/model/explain-report.js';

const EVIL = '\x1b[2J\x1b]0;pwned\x07\u202e';
const SHOWN = '\\x1b[2J\\x1b]0;pwned\\a\\u202e';

/** Escapes that are not one of heapscope's own SGR colour codes (ESC [ digits m). */
const rawEscapes = (s: string): string[] =>
  [...s.replace(/\x1b\[[0-9;]*m/g, '').matchAll(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g)].map((m) => m[0]);

const site = {
  kind: 'moved-to-heap',
  expr: `p${EVIL}`,
  file: `evil${EVIL}.go`,
  line: 10,
  column: 2,
  package: 'example.com/hostile',
  function: `New${EVIL}`,
  heap: true,
  allocates: 'always',
  flow: [{ dst: '~r0', src: `&p${EVIL}`, text: `&p${EVIL}`, reason: 'address-of', file: `evil${EVIL}.go`, line: 11, column: 9 }],
  notes: [`note ${EVIL}`],
  cause: null,
} as unknown as Site;

for (const color of [false, true]) {
  test(`analyze, bench and explain text escape untrusted text (colour ${color ? 'on' : 'off'})`, () => {
    const model = {
      go: { version: 'go1.26.8', goos: 'linux', goarch: 'amd64' },
      root: '/m',
      packages: [{ importPath: 'example.com/hostile', errors: [`x.go:1:1: ${EVIL}`] }],
      sites: [site],
      functions: [],
      inlinedCalls: [],
      unrecognised: [{ package: 'example.com/hostile', text: EVIL }],
    } as unknown as AnalysisModel;
    const analyzed = renderText(model, { color, verbose: true, cwd: '/m' });

    const report: BenchReport = {
      schemaVersion: 1,
      go: model.go,
      root: '/m',
      packages: [{ importPath: 'example.com/hostile', dir: '/m', errors: [`BenchmarkFatal failed: ${EVIL}`], notes: [EVIL] }],
      benchmarks: [
        {
          name: `BenchmarkX/${EVIL}`,
          procs: 2,
          package: 'example.com/hostile',
          nsPerOp: 1,
          bytesPerOp: 8,
          allocsPerOp: 1,
          metrics: {},
          runs: 1,
          profiledIterations: null,
          setup: null,
          lines: [
            {
              file: `evil${EVIL}.go`,
              line: 10,
              function: `New${EVIL}`,
              innermost: null,
              allocsPerOp: 1,
              bytesPerOp: 8,
              types: [],
              typeDetails: [],
              allocations: [],
              sites: [site],
              cause: null,
              notes: [EVIL],
            },
          ],
          notes: [EVIL],
        },
      ],
    };
    const benched = renderBenchText(report, { color, verbose: false, cwd: '/m' });

    const ex: Explanation = {
      file: `evil${EVIL}.go`,
      line: 10,
      package: 'example.com/hostile',
      function: null,
      inlinedInto: [],
      sites: [site],
      allocations: [],
      benchmarks: [],
      errors: [`panic: ${EVIL}`],
    };
    const explained = renderExplainText(ex, { color, verbose: false, cwd: '/m' });

    for (const [name, out] of [
      ['analyze', analyzed],
      ['bench', benched],
      ['explain', explained],
    ] as const) {
      assert.deepEqual(rawEscapes(out), [], `${name}: ${JSON.stringify(out)}`);
      assert.ok(out.includes(SHOWN), `${name} shows the escapes: ${out}`);
      if (color) assert.match(out, /\x1b\[\d+m/, `${name} keeps its colours`);
    }
  });
}
