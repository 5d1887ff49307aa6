// The facts cache's stored form: a package's facts as the parser made them, with every record an array and
// every file name an index into one table. For std the object form is 52 MB of JSON, mostly keys and
// repeated paths; this form is about half that, and the cold run writes all of it while the compiler works.
//
// Only what the parser and addFunctionEnds set is stored: the join fills in the rest (causes, callers,
// notes) afresh on every run, and a record already joined is refused rather than stored half.

import type { Capture, FlowStep, FunctionInfo, InlinedCall, PackageFacts, Site, SiteKind, StaticValue } from '../model/types.js';

type Row = unknown[];

interface StoredPackage {
  p: string;
  v: string | null;
  s: Row[];
  f: Row[];
  i: Row[];
  c: Row[];
  x: Row[];
  u: string[];
  o: string[];
}

export interface StoredFacts {
  files: string[];
  packages: StoredPackage[];
}

const KINDS: readonly SiteKind[] = [
  'moved-to-heap',
  'escapes',
  'does-not-escape',
  'leaking-param',
  'leaking-param-content',
  'leaking-param-to-result',
];

const HOWS: readonly StaticValue['how'][] = ['static', 'zero-size', 'single-byte', 'zero-value', 'stack', 'global-closure'];

export function encodeFacts(facts: PackageFacts[]): StoredFacts {
  const files: string[] = [];
  const index = new Map<string, number>();
  const file = (f: string): number => {
    let i = index.get(f);
    if (i === undefined) {
      i = files.length;
      files.push(f);
      index.set(f, i);
    }
    return i;
  };
  const step = (s: FlowStep): Row => [file(s.file), s.line, s.column, s.reason, s.text, s.dst, s.src];
  const packages = facts.map((pf): StoredPackage => ({
    p: pf.importPath,
    v: pf.variant,
    s: pf.sites.map((s) => {
      if (s.cause || s.notes || s.inlinedFrom || s.package !== pf.importPath)
        throw new Error('facts cache: a joined site cannot be stored');
      return [
        file(s.file),
        s.line,
        s.column,
        s.function,
        KINDS.indexOf(s.kind),
        s.expr,
        s.flow.map(step),
        s.leak ? [s.leak.to, s.leak.derefs] : 0,
        s.truncated ? 1 : 0,
      ];
    }),
    f: pf.functions.map((f) => [
      f.name,
      file(f.file),
      f.line,
      f.column,
      f.inlinable ? 1 : 0,
      f.cost,
      f.budget,
      f.reason,
      f.endLine ?? null,
      f.endColumn ?? null,
    ]),
    i: pf.inlinedCalls.map((c) => {
      if (c.caller !== null) throw new Error('facts cache: a joined call cannot be stored');
      return [file(c.file), c.line, c.column, c.callee];
    }),
    c: pf.captures.map((c) => [file(c.file), c.line, c.column, c.function, c.variable, c.byRef ? 1 : 0, c.width]),
    x: pf.staticValues.map((x) => [file(x.file), x.line, x.column, HOWS.indexOf(x.how), x.name]),
    u: pf.unknown,
    o: pf.other,
  }));
  return { files, packages };
}

/** A line and column as stored: whole numbers, never negative. */
function position(line: unknown, column: unknown): boolean {
  return Number.isInteger(line) && (line as number) >= 0 && Number.isInteger(column) && (column as number) >= 0;
}

/** The facts back, with the parser's objects in the parser's key order; null when the data is not well formed. */
export function decodeFacts(v: unknown): PackageFacts[] | null {
  try {
    const { files, packages } = v as StoredFacts;
    if (!Array.isArray(files) || !Array.isArray(packages)) return null;
    const file = (i: unknown): string => {
      const f = files[i as number];
      if (typeof f !== 'string') throw new Error('bad file index');
      return f;
    };
    return packages.map((sp) => {
      const pkg = sp.p;
      if (typeof pkg !== 'string') throw new Error('bad package');
      const sites = sp.s.map((r): Site => {
        const kind = KINDS[r[4] as number];
        if (!kind) throw new Error('bad kind');
        if (!position(r[1], r[2]) || typeof r[5] !== 'string' || !Array.isArray(r[6])) throw new Error('bad site');
        const site: Site = {
          file: file(r[0]),
          line: r[1] as number,
          column: r[2] as number,
          package: pkg,
          function: r[3] as string | null,
          heap: kind === 'moved-to-heap' || kind === 'escapes',
          kind,
          expr: r[5] as string,
          cause: null,
          flow: (r[6] as Row[]).map((f): FlowStep => {
            if (!position(f[1], f[2])) throw new Error('bad flow step');
            return {
              file: file(f[0]),
              line: f[1] as number,
              column: f[2] as number,
              reason: f[3] as string,
              text: f[4] as string,
              dst: f[5] as string,
              src: f[6] as string,
            };
          }),
        };
        const leak = r[7] as [string, number] | 0;
        if (leak) site.leak = { to: leak[0], derefs: leak[1] };
        if (r[8]) site.truncated = true;
        return site;
      });
      const functions = sp.f.map((r): FunctionInfo => {
        const f: FunctionInfo = {
          name: r[0] as string,
          package: pkg,
          file: file(r[1]),
          line: r[2] as number,
          column: r[3] as number,
          inlinable: r[4] === 1,
          cost: r[5] as number | null,
          budget: r[6] as number | null,
          reason: r[7] as string | null,
        };
        if (r[8] !== null) f.endLine = r[8] as number;
        if (r[9] !== null) f.endColumn = r[9] as number;
        return f;
      });
      const inlinedCalls = sp.i.map((r): InlinedCall => ({
        file: file(r[0]),
        line: r[1] as number,
        column: r[2] as number,
        package: pkg,
        callee: r[3] as string,
        caller: null,
      }));
      const captures = sp.c.map((r): Capture => ({
        file: file(r[0]),
        line: r[1] as number,
        column: r[2] as number,
        package: pkg,
        function: r[3] as string,
        variable: r[4] as string,
        byRef: r[5] === 1,
        width: r[6] as number,
      }));
      const staticValues = sp.x.map((r): StaticValue => {
        const how = HOWS[r[3] as number];
        if (!how) throw new Error('bad static value');
        return { file: file(r[0]), line: r[1] as number, column: r[2] as number, package: pkg, how, name: r[4] as string };
      });
      if (!Array.isArray(sp.u) || !Array.isArray(sp.o)) throw new Error('bad lines');
      return { importPath: pkg, variant: sp.v, sites, functions, inlinedCalls, captures, staticValues, unknown: sp.u, other: sp.o };
    });
  } catch {
    return null;
  }
}
