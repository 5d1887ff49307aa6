// A Go file whose name is not UTF-8 (`caf\xe9.go`): go list and the compiler hand heapscope the name with U+FFFD
// for the bad byte. The model keeps that name (relative to the module, like any other), the html report still
// embeds the file's source, and SARIF's URI carries the real bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers/cli.js';
import { pageParts } from '../helpers/page.js';
import type { AnalysisModel } from '../../src/model/types.js';

const SOURCE = 'package nonutf\n\ntype T struct{ s string }\n\nfunc Keep(s string) *T {\n\treturn &T{s: s}\n}\n';

test('a file name that is not UTF-8: its sites at the module-relative name, its source in the page, its bytes in SARIF', () => {
  const dir = join(tempDir('heapscope-nonutf-'), 'm');
  mkdirSync(dir);
  writeFileSync(join(dir, 'go.mod'), 'module example.com/nonutf\n\ngo 1.21\n');
  writeFileSync(Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9]), Buffer.from('.go')]), SOURCE);

  const json = runCli(['analyze', '--format', 'json', '-C', dir]);
  assert.equal(json.code, 0, json.stderr);
  const model = JSON.parse(json.stdout) as AnalysisModel;
  const site = model.sites.find((s) => s.heap);
  assert.equal(site?.file, 'caf\uFFFD.go');
  assert.deepEqual([site.line, site.column], [6, 9]);

  const out = join(tempDir('heapscope-nonutf-html-'), 'r.html');
  assert.equal(runCli(['analyze', '--format', 'html', '-o', out, '-C', dir]).code, 0);
  const { data, sources } = pageParts(readFileSync(out, 'utf8'));
  const i = data.files.findIndex((f) => data.strings[f.path] === 'caf\uFFFD.go');
  assert.ok(i >= 0 && data.files[i]!.source);
  assert.equal(sources[i], SOURCE);

  const sarif = JSON.parse(runCli(['analyze', '--format', 'sarif', '-C', dir]).stdout) as {
    runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[] }[];
  };
  const loc = sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation;
  assert.deepEqual(loc, { uri: 'caf%E9.go', uriBaseId: 'SRCROOT' });
});
