// d3-flame-graph 5 ships no types: only the part of its chart API the page calls.
declare module 'd3-flame-graph' {
  import type { Selection } from 'd3-selection';

  export interface FlameHierarchyNode<T> {
    data: T;
    value: number;
    depth: number;
    parent: FlameHierarchyNode<T> | null;
  }

  export interface FlameGraph<T> {
    (selection: Selection<HTMLElement, T, null, undefined>): void;
    width(w: number): FlameGraph<T>;
    height(h: number): FlameGraph<T>;
    minHeight(h: number): FlameGraph<T>;
    cellHeight(h: number): FlameGraph<T>;
    tooltip(t: boolean): FlameGraph<T>;
    title(t: string): FlameGraph<T>;
    transitionDuration(ms: number): FlameGraph<T>;
    sort(s: boolean | ((a: FlameHierarchyNode<T>, b: FlameHierarchyNode<T>) => number)): FlameGraph<T>;
    inverted(i: boolean): FlameGraph<T>;
    minFrameSize(px: number): FlameGraph<T>;
    selfValue(b: boolean): FlameGraph<T>;
    getName(f: (d: FlameHierarchyNode<T>) => string): FlameGraph<T>;
    getValue(f: (d: T) => number): FlameGraph<T>;
    getChildren(f: (d: T) => T[]): FlameGraph<T>;
    setLabelHandler(f: (d: FlameHierarchyNode<T>) => string): FlameGraph<T>;
    setColorHue(hue: string): FlameGraph<T>;
    onClick(f: (d: FlameHierarchyNode<T>) => void): FlameGraph<T>;
    update(data?: T): void;
    resetZoom(): void;
    destroy(): void;
  }

  export default function flamegraph<T = unknown>(): FlameGraph<T>;
}
