// Tests run from dist/test/...; fixtures and examples stay in the source tree.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const fixturesDir = join(repoRoot, 'test', 'fixtures');
export const examplesDir = join(repoRoot, 'examples');
export const cliPath = join(repoRoot, 'bin', 'heapscope.js');
