// The data with the indices the views need, each built the first time it is asked for: a report of the standard
// library has 64,000 sites, and the first paint needs none of these.

import type { PageData, PagePos, PageSite } from '../../src/reporters/html/page-data.js';

export class Model {
  private byId: Map<string, number> | null = null;
  private byFile: Map<number, Map<number, number[]>> | null = null;
  private groups: Map<number, number[]> | null = null;
  private filesByPath: Map<string, number> | null = null;
  readonly heapCount: number;

  constructor(readonly data: PageData) {
    let n = 0;
    // Heap sites come first, so the count is where they end.
    while (n < data.sites.length && data.sites[n]!.heap) n++;
    this.heapCount = n;
  }

  /** Nothing analysed yet (the playground before its first run): no package, no command. */
  get blank(): boolean {
    return this.data.packages.length === 0 && this.data.command === '';
  }

  s(i: number | undefined): string {
    return i === undefined ? '' : (this.data.strings[i] ?? '');
  }

  site(i: number): PageSite | undefined {
    return this.data.sites[i];
  }

  siteId(i: number): string {
    return this.s(this.data.sites[i]?.id);
  }

  siteIndexById(id: string): number {
    if (!this.byId) {
      this.byId = new Map();
      this.data.sites.forEach((x, i) => {
        const k = this.s(x.id);
        if (k && !this.byId!.has(k)) this.byId!.set(k, i);
      });
    }
    return this.byId.get(id) ?? -1;
  }

  filePath(f: number): string {
    const file = this.data.files[f];
    return file ? this.s(file.path) : '';
  }

  fileIndexByPath(path: string): number {
    if (!this.filesByPath) {
      this.filesByPath = new Map();
      this.data.files.forEach((f, i) => this.filesByPath!.set(this.s(f.path), i));
    }
    return this.filesByPath.get(path) ?? -1;
  }

  packagePath(p: number): string {
    const pkg = this.data.packages[p];
    return pkg ? this.s(pkg.path) : '';
  }

  /** Sites by line of one file. */
  linesOf(file: number): Map<number, number[]> {
    if (!this.byFile) {
      this.byFile = new Map();
      this.data.sites.forEach((x, i) => {
        let lines = this.byFile!.get(x.pos[0]);
        if (!lines) this.byFile!.set(x.pos[0], (lines = new Map()));
        const l = lines.get(x.pos[1]);
        if (l) l.push(i);
        else lines.set(x.pos[1], [i]);
      });
    }
    return this.byFile.get(file) ?? new Map();
  }

  groupOf(site: number): number[] {
    if (!this.groups) {
      this.groups = new Map();
      this.data.sites.forEach((x, i) => {
        const g = this.groups!.get(x.group);
        if (g) g.push(i);
        else this.groups!.set(x.group, [i]);
      });
    }
    const x = this.data.sites[site];
    return x ? (this.groups.get(x.group) ?? [site]) : [];
  }

  /** A file outside the module root is named by its absolute path (`/usr/local/go/src/internal/dag/parse.go`):
   *  in a narrow list, its package's import path and the rest (`internal/dag/parse.go`) say as much. */
  shortPosText(p: PagePos, pkg: number): string {
    const path = this.filePath(p[0]);
    const dir = this.s(this.data.packages[pkg]?.dir);
    if (!path.startsWith('/') || !dir || !path.startsWith(`${dir}/`)) return this.posText(p, false);
    return `${this.packagePath(pkg)}${path.slice(dir.length)}:${p[1]}`;
  }

  posText(p: PagePos, column = true): string {
    const path = this.filePath(p[0]);
    if (!path) return '(no position)';
    return column && p[2] ? `${path}:${p[1]}:${p[2]}` : `${path}:${p[1]}`;
  }

  /** A site's cost as one number: measured sites above estimated ones, then by allocs/op and B/op or the score. */
  weight(i: number): number {
    const c = this.data.sites[i]?.cost;
    return c ? (c.source === 'measured' ? 1e12 + (c.allocsPerOp ?? 0) * 1e6 + (c.bytesPerOp ?? 0) : c.score) : 0;
  }

  /**
   * The summary: data.ranking, or (bench data ranks nothing) the heap decisions that allocate, costliest first,
   * one per group.
   */
  ranking(): { site: number; more: number }[] {
    if (this.data.ranking.length) return this.data.ranking;
    const seen = new Set<number>();
    const list: number[] = [];
    for (let i = 0; i < this.heapCount; i++) {
      const x = this.data.sites[i]!;
      if (x.allocates === 'never' || seen.has(x.group)) continue;
      seen.add(x.group);
      list.push(i);
    }
    list.sort((a, b) => this.weight(b) - this.weight(a) || a - b);
    return list.slice(0, 50).map((site) => ({ site, more: 0 }));
  }
}
