// A memory profile as heapscope uses it: stacks of source frames with allocation counts and bytes.

export interface Frame {
  function: string;
  file: string;
  line: number;
}

export interface MemSample {
  /** Innermost frame first. */
  stack: Frame[];
  allocObjects: number;
  allocBytes: number;
}

export interface MemProfile {
  samples: MemSample[];
  /** Sampling rate the runtime used (MemProfileRate); 1 means every allocation was recorded. */
  rate: number;
}
