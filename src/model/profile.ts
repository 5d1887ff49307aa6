// A memory profile as heapscope uses it: stacks of source frames with allocation counts and bytes.

export interface Frame {
  function: string;
  file: string;
  line: number;
  /** The program counter of the location this frame belongs to (a return address; the frames inlined at one
   *  location share it), when the profile records it. */
  address?: number;
  /** The location's outermost frame: the function whose machine code holds the address (the others were inlined into it). */
  physical?: boolean;
}

export interface MemSample {
  /** Innermost frame first. */
  stack: Frame[];
  allocObjects: number;
  allocBytes: number;
}

export interface Mapping {
  start: number;
  limit: number;
  offset: number;
  file: string;
}

export interface MemProfile {
  samples: MemSample[];
  /** The profiled program's memory mappings (the binary first), to relate addresses to the binary's symbols. */
  mappings?: Mapping[];
  /** Sampling rate the runtime used (MemProfileRate); 1 means every allocation was recorded. */
  rate: number;
}
