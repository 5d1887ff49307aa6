// What one allocation call of the compiled code allocates, in words a Go programmer reads: the type, a slice as a
// slice of its element with its capacity where the listing has it as a constant, the size of one object.

import { allocEntryPoint, type AsmAllocCall } from '../model/alloc-types.js';
import type { Allocates } from '../model/allocation-rules.js';
import type { Site } from '../model/types.js';
import { allocatesItself, isConcatenation, selectorName } from '../model/expressions.js';
import { t } from '../i18n/t.js';

export interface CallDescription {
  type: string | null;
  size: number | null;
  /** `sometimes` for the boxing helpers that take small integers, empty strings and nil slices from static data. */
  allocates: Allocates;
}

/** Boxing helpers with a fast path that allocates nothing (runtime/iface.go). */
const FAST_PATH = new Set(['convT16', 'convT32', 'convT64', 'convTstring', 'convTslice']);

export function describeCall(c: AsmAllocCall): CallDescription {
  // A map insert allocates when the map needs room, and what it allocated has no one size: the line's measured
  // bytes tell it.
  if (c.kind === 'map-insert') {
    return {
      type: c.display ? t('prose.alloc.typedMapStorage', { type: c.display }) : t('prose.alloc.mapStorage'),
      size: null,
      allocates: 'sometimes',
    };
  }
  const allocates: Allocates = FAST_PATH.has(c.runtime) ? 'sometimes' : 'always';
  const base = c.display ?? c.type;
  switch (c.typeRole) {
    case 'element': {
      // The capacity argument when the entry point takes one: `make([]byte, 0, n)` loads len 0 as a constant and n
      // from a register, and its len says nothing of the size. Without a cap argument, the length is the capacity.
      const takesCap = allocEntryPoint(c.runtime)?.slots.includes('cap') ?? false;
      const cap = takesCap ? (c.constants['cap'] ?? null) : (c.constants['len'] ?? c.constants['tolen'] ?? null);
      if (!base) return { type: null, size: null, allocates };
      if (c.kind === 'slice-growth') return { type: t('prose.alloc.grownArray', { type: base }), size: null, allocates };
      const size = cap !== null && c.typeSize !== null ? cap * c.typeSize : null;
      const type = cap !== null ? t('prose.alloc.arrayCap', { type: base, cap: String(cap) }) : t('prose.alloc.array', { type: base });
      return { type, size, allocates };
    }
    case 'object':
    case 'value':
      if (base) return { type: base, size: c.typeSize ?? c.constants['size'] ?? null, allocates };
      // The compiler allocates several small variables moved to the heap as one object, with no type.
      if (c.runtime.startsWith('mallocgc') && c.constants['size'] !== undefined) {
        return { type: t('prose.alloc.smallVariables', { n: String(c.constants['size']) }), size: c.constants['size'], allocates };
      }
      return { type: null, size: null, allocates };
    case 'map':
    case 'chan':
      return { type: base, size: null, allocates };
    default:
      if (c.kind === 'string') return { type: t('prose.alloc.stringBytes'), size: null, allocates };
      if (c.kind === 'bytes') return { type: t('prose.alloc.array', { type: 'byte' }), size: null, allocates };
      if (c.kind === 'runes') return { type: t('prose.alloc.array', { type: 'rune' }), size: null, allocates };
      return { type: base, size: null, allocates };
  }
}

/** Whether a static decision is the operation an allocation call performs (make for makeslice, append for growslice...). */
export function decidesCall(site: Site, c: AsmAllocCall): boolean {
  const e = site.expr;
  switch (c.kind) {
    case 'slice':
      return e.startsWith('make([]') || e.startsWith('[]') || e === '... argument';
    case 'slice-growth':
    case 'slice-move':
      return e.startsWith('append(');
    case 'map':
      return e.startsWith('make(map') || e.startsWith('map[') || /^[\w.]+\{/.test(e);
    case 'chan':
      return e.startsWith('make(chan');
    case 'object':
      // A closure's context is the func literal; a method value's, the selector; any other object a variable
      // moved to the heap, &T{...} or new(T).
      if (c.captures) return e === 'func literal';
      if (c.methodValueReceiver) return selectorName(e) !== null;
      // make+copy of pointer-free elements is mallocgc(n, nil, false) (walk/builtin.go walkMakeSliceCopy).
      if (c.typeSymbol === null && c.runtime.startsWith('mallocgc') && e.startsWith('make([]')) return true;
      return site.kind === 'moved-to-heap' || e.startsWith('&') || e.startsWith('new(');
    case 'interface-box':
      return !allocatesItself(e);
    case 'string':
      return isConcatenation(e) || e.startsWith('string(');
    case 'bytes':
    case 'runes':
      return /^\(?\[\](?:byte|rune)\)?\(/.test(e);
    default:
      return false;
  }
}
