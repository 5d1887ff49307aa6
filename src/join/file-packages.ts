// Which analysed package a file of the module belongs to. A directory can hold two: p, and its external test
// package p_test (`*_test.go` files in `package p_test`), compiled as two units of one test binary. Keying
// packages by directory alone gives p's files to whichever of the two comes last.

import { dirname, resolve } from 'node:path';
import type { AnalysisModel } from '../model/types.js';

/** The package of a file named relative to the module root (or absolute), or undefined outside the analysed ones. */
export function filePackages(model: Pick<AnalysisModel, 'root' | 'packages' | 'functions'>): (file: string) => string | undefined {
  const byDir = new Map<string, string[]>();
  for (const p of model.packages) byDir.set(p.dir, [...(byDir.get(p.dir) ?? []), p.importPath]);
  // A test file's package is the one that declares its functions (the compiler reports each in its own package).
  const declared = new Map<string, string>();
  for (const f of model.functions) {
    const abs = resolve(model.root, f.file);
    if (abs.endsWith('_test.go') && !declared.has(abs)) declared.set(abs, f.package);
  }
  return (file) => {
    const abs = resolve(model.root, file);
    const here = byDir.get(dirname(abs));
    if (!here) return undefined;
    if (here.length === 1) return here[0];
    const known = declared.get(abs);
    if (known && here.includes(known)) return known;
    // Files other than tests are all the package's own, never p_test's (nor is a test file known to declare nothing).
    return here.find((p) => !here.some((q) => p === `${q}_test`)) ?? here[0];
  };
}
