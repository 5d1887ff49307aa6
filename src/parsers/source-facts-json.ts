// Reads one line of go/srcfacts output (one JSON object per source file). A line that is not what srcfacts
// prints is refused as a whole, with the reason: heapscope then goes on without that file's structure.

import { COLD_WHY, type ColdWhy, type SourceFileFacts, type Span } from '../model/source-facts.js';

type Result = { ok: true; facts: SourceFileFacts } | { ok: false; error: string };

const isSpan = (v: unknown): v is Span => Array.isArray(v) && v.length === 4 && v.every((n) => Number.isInteger(n) && n >= 0);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseSourceFacts(line: string): Result {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return { ok: false, error: 'not JSON' };
  }
  if (!isObj(v) || typeof v.file !== 'string') return { ok: false, error: 'no file named' };
  const f = v;
  const facts: SourceFileFacts = {
    file: f.file as string,
    funcs: [],
    cold: [],
    loops: [],
    inits: [],
    loopCalls: [],
    calls: [],
    benchmarks: [],
    directives: [],
  };
  if (typeof f.error === 'string') return { ok: true, facts: { ...facts, error: f.error } };
  const bad = (what: string): Result => ({ ok: false, error: `${facts.file}: ${what}` });
  if (!Array.isArray(f.funcs)) return bad('funcs');
  for (const x of f.funcs) {
    if (!isObj(x) || typeof x.name !== 'string' || !isSpan(x.at) || !isStrings(x.results)) return bad('a func');
    facts.funcs.push({ name: x.name, at: x.at, results: x.results, generic: x.generic === true });
  }
  if (!Array.isArray(f.cold)) return bad('cold');
  for (const x of f.cold) {
    if (!isObj(x) || !isSpan(x.at) || typeof x.why !== 'string' || !(x.why in COLD_WHY)) return bad('a cold region');
    facts.cold.push({ at: x.at, why: x.why as ColdWhy });
  }
  if (!Array.isArray(f.loops) || !f.loops.every(isSpan)) return bad('loops');
  facts.loops = f.loops;
  if (!Array.isArray(f.inits)) return bad('inits');
  for (const x of f.inits) {
    if (!isObj(x) || !isStrings(x.names) || !isSpan(x.at)) return bad('an initialiser');
    facts.inits.push({ names: x.names, at: x.at });
  }
  if (!isStrings(f.loopCalls) || !isStrings(f.benchmarks)) return bad('loopCalls or benchmarks');
  facts.loopCalls = f.loopCalls;
  facts.benchmarks = f.benchmarks;
  if (f.callNames !== undefined) {
    if (!isObj(f.callNames) || !Object.values(f.callNames).every((n) => Number.isInteger(n) && (n as number) > 0)) return bad('callNames');
    facts.callNames = new Map(Object.entries(f.callNames as Record<string, number>));
  }
  if (!Array.isArray(f.calls)) return bad('calls');
  for (const x of f.calls) {
    if (!isObj(x) || typeof x.path !== 'string' || typeof x.name !== 'string' || !isSpan(x.at)) return bad('a call');
    facts.calls.push({ path: x.path, name: x.name, at: x.at });
  }
  // Older helpers (a cached binary of this source hash cannot be older, but a hand-run one can) print none.
  if (f.directives !== undefined) {
    if (!Array.isArray(f.directives)) return bad('directives');
    for (const x of f.directives) {
      if (!isObj(x) || typeof x.text !== 'string' || !isSpan(x.at) || !Number.isInteger(x.line)) return bad('a directive');
      const d: SourceFileFacts['directives'][number] = { text: x.text, at: x.at, line: x.line as number };
      if (x.func !== undefined) {
        if (typeof x.func !== 'string' || !isSpan(x.funcAt)) return bad('a directive');
        d.func = x.func;
        d.funcAt = x.funcAt;
      }
      facts.directives.push(d);
    }
  }
  return { ok: true, facts };
}
