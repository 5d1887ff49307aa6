// Reads a Go heap profile (`go test -memprofile F`, written by runtime/pprof's protobuf writer,
// src/runtime/pprof/protomem.go) with the pprof-format package, and returns its samples as stacks of
// source frames with alloc_objects / alloc_space. Inlined calls are separate frames, innermost first, as
// a Location's lines are. A corrupt or unexpected profile is reported as an error value, never thrown.
// A CPU profile (parseCpuProfile) is read the same way.

import { gunzipSync } from 'node:zlib';
import { Profile } from 'pprof-format';
import type { AnyProfile, Frame, MemProfile, MemSample } from '../model/profile.js';
import type { CpuProfile, CpuSample } from '../model/cpu-classes.js';
import { t as say } from '../i18n/t.js';

export type { AnyProfile, Frame, MemProfile, MemSample };

export type PprofResult = { ok: true; profile: MemProfile } | { ok: false; error: string };

/** A pprof protobuf profile, gzipped or not, decoded; or why it is not one. */
function decode(data: Uint8Array): { ok: true; p: Profile } | { ok: false; error: string } {
  let raw: Uint8Array = data;
  try {
    if (data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b) raw = gunzipSync(data);
  } catch (e) {
    return { ok: false, error: say('sweep.pprof.notGzip', { error: (e as Error).message }) };
  }
  try {
    return { ok: true, p: Profile.decode(raw) };
  } catch (e) {
    return { ok: false, error: say('sweep.pprof.notPprof', { error: (e as Error).message }) };
  }
}

/**
 * The profile's stacks: a sample's frames, innermost first, each Location's lines in order (inlined calls first).
 * With `addresses`, a frame carries its Location's address and the physical (outermost) line is marked, which the
 * memory attribution matches against the assembly listing.
 */
function stacksOf(
  p: Profile,
  str: (i: number | bigint) => string,
  addresses: boolean,
): (s: { locationId: (number | bigint)[] }) => Frame[] {
  const funcs = new Map<number, { name: string; file: string }>();
  for (const f of p.function) funcs.set(Number(f.id), { name: str(f.name), file: str(f.filename) });
  const locs = new Map<number, Frame[]>();
  for (const l of p.location) {
    const address = Number(l.address);
    locs.set(
      Number(l.id),
      l.line.map((ln, i) => {
        const f = funcs.get(Number(ln.functionId));
        const frame: Frame = { function: f?.name ?? '?', file: f?.file ?? '', line: Number(ln.line) };
        if (addresses && address > 0 && Number.isSafeInteger(address)) {
          frame.address = address;
          if (i === l.line.length - 1) frame.physical = true;
        }
        return frame;
      }),
    );
  }
  return (s) => {
    const stack: Frame[] = [];
    for (const id of s.locationId) stack.push(...(locs.get(Number(id)) ?? []));
    return stack;
  };
}

export function parseMemProfile(data: Uint8Array): PprofResult {
  const d = decode(data);
  if (!d.ok) return d;
  const p = d.p;
  const strings = p.stringTable.strings;
  const str = (i: number | bigint): string => strings[Number(i)] ?? '';
  const types = p.sampleType.map((t) => str(t.type));
  const iObj = types.indexOf('alloc_objects');
  const iBytes = types.indexOf('alloc_space');
  if (iObj < 0 || iBytes < 0) {
    return {
      ok: false,
      error: types.length ? say('sweep.pprof.notMemory', { types: types.join(', ') }) : say('sweep.pprof.notMemoryNone'),
    };
  }
  const stackOf = stacksOf(p, str, true);
  const samples: MemSample[] = [];
  for (const s of p.sample) {
    samples.push({ stack: stackOf(s), allocObjects: Number(s.value[iObj] ?? 0), allocBytes: Number(s.value[iBytes] ?? 0) });
  }
  const mappings = p.mapping.map((m) => ({
    start: Number(m.memoryStart),
    limit: Number(m.memoryLimit),
    offset: Number(m.fileOffset),
    file: str(m.filename),
  }));
  return { ok: true, profile: { samples, mappings, rate: Number(p.period) || 0 } };
}

export type AnyProfileResult = { ok: true; profile: AnyProfile } | { ok: false; error: string };

/** Reads any pprof protobuf profile (gzipped or not): what `--profile FILE` accepts. */
export function parseAnyProfile(data: Uint8Array): AnyProfileResult {
  const d = decode(data);
  if (!d.ok) return d;
  const p = d.p;
  const strings = p.stringTable.strings;
  const str = (i: number | bigint): string => strings[Number(i)] ?? '';
  const sampleTypes = p.sampleType.map((t) => `${str(t.type)}/${str(t.unit)}`);
  if (sampleTypes.length === 0) return { ok: false, error: say('sweep.pprof.noSampleTypes') };
  const stackOf = stacksOf(p, str, false);
  const samples = p.sample.map((s) => ({ stack: stackOf(s), values: s.value.map((v) => Number(v)) }));
  return { ok: true, profile: { sampleTypes, samples } };
}

export type CpuProfileResult = { ok: true; profile: CpuProfile } | { ok: false; error: string };

/**
 * Reads a CPU profile (`-test.cpuprofile F`, written by runtime/pprof's protobuf writer, src/runtime/pprof/proto.go:
 * sample types samples/count and cpu/nanoseconds, one sample per SIGPROF tick of 10 ms at the default rate).
 * Inlined calls are separate frames, innermost first, as in parseMemProfile.
 */
export function parseCpuProfile(data: Uint8Array): CpuProfileResult {
  const d = decode(data);
  if (!d.ok) return d;
  const p = d.p;
  const strings = p.stringTable.strings;
  const str = (i: number | bigint): string => strings[Number(i)] ?? '';
  const types = p.sampleType.map((t) => `${str(t.type)}/${str(t.unit)}`);
  const iCount = types.indexOf('samples/count');
  const iNanos = types.indexOf('cpu/nanoseconds');
  if (iCount < 0 || iNanos < 0)
    return { ok: false, error: types.length ? say('sweep.pprof.notCpu', { types: types.join(', ') }) : say('sweep.pprof.notCpuNone') };
  const stackOf = stacksOf(p, str, false);
  const samples: CpuSample[] = p.sample.map((s) => ({
    stack: stackOf(s),
    count: Number(s.value[iCount] ?? 0),
    nanos: Number(s.value[iNanos] ?? 0),
  }));
  return { ok: true, profile: { samples, periodNs: Number(p.period) || 0, durationNs: Number(p.durationNanos) || 0 } };
}
