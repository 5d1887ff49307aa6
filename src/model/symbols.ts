// The text symbols of a linked binary, to find which function an address of a profile falls in.

export interface TextSymbol {
  name: string;
  start: number;
  size: number;
}

/** Text symbols sorted by start address, searched by address. */
export class SymbolTable {
  private readonly syms: TextSymbol[];

  /**
   * @param data type descriptors and itabs by address (`type:string`, `go:itab.*os.File,io.Writer`): what an
   *   instruction that loads one names
   */
  constructor(
    symbols: TextSymbol[],
    readonly data: ReadonlyMap<number, string> = new Map(),
  ) {
    this.syms = symbols.filter((s) => s.size > 0).sort((a, b) => a.start - b.start);
  }

  get size(): number {
    return this.syms.length;
  }

  /** The function whose code holds the address, or null. */
  at(address: number): TextSymbol | null {
    let lo = 0;
    let hi = this.syms.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.syms[mid]!;
      if (address < s.start) hi = mid - 1;
      else if (address >= s.start + s.size) lo = mid + 1;
      else return s;
    }
    return null;
  }
}
