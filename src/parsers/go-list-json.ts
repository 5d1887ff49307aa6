// Reads `go list -json=FIELDS` output: a stream of JSON objects, each printed by the go command
// (src/cmd/go/internal/list/list.go, json.MarshalIndent with a tab) from a "{" line to a "}" line at column 0.
// Splitting on those lines lets a caller parse package by package as they arrive.

export interface GoListModule {
  Path: string;
  Main?: boolean;
  Dir?: string;
  GoVersion?: string;
}

export interface GoListError {
  Pos?: string;
  Err: string;
  ImportStack?: string[];
}

/**
 * A listing error as the go command prints it (load.PackageError.Error): `Pos: Err`. The JSON holds the two apart,
 * and Err alone ("illegal UTF-8 encoding", "pattern x: no matching files found") does not say where.
 */
export function listErrorText(e: GoListError): string {
  const err = e.Err.trim();
  const pos = e.Pos?.trim();
  return pos && !err.startsWith(pos) ? `${pos}: ${err}` : err;
}

export interface GoListPackage {
  ImportPath: string;
  Dir?: string;
  Name?: string;
  Standard?: boolean;
  DepOnly?: boolean;
  ForTest?: string;
  GoFiles?: string[];
  CgoFiles?: string[];
  CFiles?: string[];
  HFiles?: string[];
  SFiles?: string[];
  CgoCFLAGS?: string[];
  CgoLDFLAGS?: string[];
  TestGoFiles?: string[];
  XTestGoFiles?: string[];
  Imports?: string[];
  Module?: GoListModule;
  Error?: GoListError;
  DepsErrors?: GoListError[];
}

/** Fields heapscope asks for; keep in step with GoListPackage. */
export const GO_LIST_FIELDS = [
  'ImportPath',
  'Dir',
  'Name',
  'Standard',
  'DepOnly',
  'ForTest',
  'GoFiles',
  'CgoFiles',
  'CFiles',
  'HFiles',
  'SFiles',
  'CgoCFLAGS',
  'CgoLDFLAGS',
  'TestGoFiles',
  'XTestGoFiles',
  'Imports',
  'Module',
  'Error',
  'DepsErrors',
].join(',');

export interface GoListParse {
  packages: GoListPackage[];
  /** Text that did not form a JSON object (go command messages on stdout, if any). */
  problems: string[];
}

export class GoListJsonParser {
  private buf: string[] = [];
  readonly result: GoListParse = { packages: [], problems: [] };

  push(line: string): void {
    if (this.buf.length === 0 && line !== '{') {
      if (line.trim() !== '') this.result.problems.push(line);
      return;
    }
    this.buf.push(line);
    if (line === '}') {
      const text = this.buf.join('\n');
      this.buf = [];
      try {
        const v = JSON.parse(text) as GoListPackage;
        if (typeof v?.ImportPath === 'string') this.result.packages.push(v);
        else this.result.problems.push('go list object without ImportPath');
      } catch (e) {
        this.result.problems.push(`unreadable go list object: ${(e as Error).message}`);
      }
    }
  }

  end(): GoListParse {
    if (this.buf.length) this.result.problems.push('go list output ended inside an object');
    this.buf = [];
    return this.result;
  }
}

export function parseGoListJson(lines: Iterable<string>): GoListParse {
  const p = new GoListJsonParser();
  for (const l of lines) p.push(l);
  return p.end();
}
