// The centre: the open file in a read-only editor, the selected line marked and scrolled to, and under it the
// decisions of the line last clicked. The gutter shows, as pprof's weblist does, each line's measured allocs/op and
// B/op in a bench report, and the compiler's heap decisions on the line (each decision once) in an analyze report;
// a legend above the code says which.

import { EditorState, RangeSet, StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, GutterMarker, gutter, lineNumbers, type DecorationSet } from '@codemirror/view';
import { syntaxHighlighting } from '@codemirror/language';
import { go } from '@codemirror/lang-go';
import { codeHighlight } from './cm-styles.js';
import { el } from './dom.js';
import { headline, num, tinyLegend, tinyMark } from './format.js';
import { t } from './i18n.js';
import type { App } from './state.js';

class DecisionMarker extends GutterMarker {
  constructor(
    readonly heap: number,
    readonly stack: number,
  ) {
    super();
  }
  override eq(o: DecisionMarker): boolean {
    return o.heap === this.heap && o.stack === this.stack;
  }
  override toDOM(): Node {
    if (this.heap)
      return el(
        'span',
        {
          class: 'gutter-heap',
          testid: 'gutter-heap',
          title: t('web.source.heapTitle', { n: this.heap }),
        },
        String(this.heap),
      );
    return el('span', { class: 'gutter-stack', testid: 'gutter-stack', title: t('web.source.stackTitle', { n: this.stack }) }, '●');
  }
}

/** A line's measured figures per op (one benchmark's, or the sum of every benchmark's); profiled is the memory
 *  profile's own allocs/op where the figure estimates tiny objects sharing blocks. */
class MeasuredMarker extends GutterMarker {
  constructor(
    readonly allocs: number,
    readonly bytes: number,
    readonly of: string,
    readonly profiled: number | null,
  ) {
    super();
  }
  override eq(o: MeasuredMarker): boolean {
    return o.allocs === this.allocs && o.bytes === this.bytes && o.of === this.of && o.profiled === this.profiled;
  }
  override toDOM(): Node {
    const figures = { allocs: num(this.allocs), bytes: num(this.bytes), of: this.of };
    return el(
      'span',
      {
        class: 'gutter-bench',
        testid: 'gutter-bench',
        'data-allocs': this.allocs,
        'data-bytes': this.bytes,
        title:
          this.profiled !== null
            ? t('web.source.measuredTitleTiny', { ...figures, profiled: num(this.profiled) })
            : t('web.source.measuredTitle', figures),
      },
      this.profiled !== null ? tinyMark(this.profiled, this.allocs) : null,
      `${short(this.allocs)} · ${short(this.bytes)} B`,
    );
  }
}

/** 81920 → 80K, 0.0067 → .007: a gutter is narrow. */
function short(x: number): string {
  if (x >= 1e6) return `${Math.round(x / 1e5) / 10}M`;
  if (x >= 1e4) return `${Math.round(x / 1024)}K`;
  if (x >= 10) return String(Math.round(x));
  if (x >= 1) return String(Math.round(x * 10) / 10);
  return String(Number(x.toPrecision(1))).replace(/^0\./, '.');
}

interface LineFigures {
  allocs: number;
  bytes: number;
  /** The profile's own allocs/op, and whether allocs includes a tiny-object estimate. */
  profiled: number;
  estimated: boolean;
}

const selectLine = StateEffect.define<number>();
const selectedLine = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(selectLine)) continue;
      if (e.value < 1 || e.value > tr.state.doc.lines) return Decoration.none;
      const line = tr.state.doc.line(e.value);
      deco = Decoration.set([Decoration.line({ class: 'cm-selected-line' }).range(line.from)]);
    }
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

export function sourceView(app: App): { element: HTMLElement; render(): void } {
  const title = el('div', { class: 'source-title' });
  const host = el('div', { class: 'editor-host' });
  const lineSites = el('div', { class: 'line-sites', testid: 'line-sites' });
  const legend = el('div', { class: 'gutter-legend', testid: 'gutter-legend' });
  const element = el('div', { class: 'source-view', testid: 'source-view' }, title, legend, host, lineSites);
  let view: EditorView | null = null;
  let shownFile = -1;
  let shownBench = -2;
  let shownModel = app.model;
  let token = 0;
  let listedLine = 0;

  /** In a bench report, each line's figures: the selected benchmark's, or else every benchmark's summed. */
  function measured(file: number): { lines: Map<number, LineFigures>; of: string; one: boolean } | null {
    const m = app.model;
    const list = m.data.benchmarks ?? [];
    if (!list.length) return null;
    const one = list[app.sel.bench];
    const of = one ? m.s(one.name) : t('web.source.summed', { n: list.length });
    const lines = new Map<number, LineFigures>();
    for (const b of one ? [one] : list)
      for (const l of b.lines) {
        if (l.file !== file) continue;
        const x = lines.get(l.line) ?? { allocs: 0, bytes: 0, profiled: 0, estimated: false };
        x.allocs += l.allocsPerOp;
        x.bytes += l.bytesPerOp;
        x.profiled += l.profiledAllocsPerOp ?? l.allocsPerOp;
        x.estimated ||= l.profiledAllocsPerOp !== undefined;
        lines.set(l.line, x);
      }
    return { lines, of, one: !!one };
  }

  function extensions(file: number): Extension[] {
    const lines = app.model.linesOf(file);
    const bench = measured(file);
    const tiny = bench && [...bench.lines.values()].some((x) => x.estimated) ? ` ${tinyLegend()}` : '';
    legend.textContent = bench
      ? (bench.one ? t('web.source.legendOne', { of: bench.of }) : t('web.source.legendAll', { of: bench.of })) + tiny
      : t('web.source.legendAnalyze');
    const markers = (state: EditorState) => {
      const ranges = [];
      if (bench) {
        for (const [line, x] of [...bench.lines].sort((a, b) => a[0] - b[0])) {
          if (line < 1 || line > state.doc.lines) continue;
          ranges.push(
            new MeasuredMarker(
              Math.round(x.allocs * 1000) / 1000,
              Math.round(x.bytes * 100) / 100,
              bench.of,
              x.estimated ? Math.round(x.profiled * 1000) / 1000 : null,
            ).range(state.doc.line(line).from),
          );
        }
        return RangeSet.of(ranges);
      }
      for (const [line, sites] of [...lines].sort((a, b) => a[0] - b[0])) {
        if (line < 1 || line > state.doc.lines) continue;
        // A decision made once per instance (a generic function's shapes, a callee inlined at several calls) counts once.
        const heap = new Set<number>();
        const stack = new Set<number>();
        for (const i of sites) {
          const x = app.model.data.sites[i]!;
          (x.heap ? heap : stack).add(x.group);
        }
        ranges.push(new DecisionMarker(heap.size, stack.size).range(state.doc.line(line).from));
      }
      return RangeSet.of(ranges);
    };
    const clickLine = (view: EditorView, pos: number) => {
      const n = view.state.doc.lineAt(pos).number;
      app.go({ file, line: n });
    };
    return [
      EditorState.readOnly.of(true),
      EditorView.editable.of(false),
      lineNumbers(),
      gutter({
        class: 'cm-decisions',
        markers: (v) => markers(v.state),
        domEventHandlers: {
          mousedown(v, block) {
            clickLine(v, block.from);
            return true;
          },
        },
      }),
      go(),
      syntaxHighlighting(codeHighlight),
      EditorView.contentAttributes.of({ 'aria-label': t('web.source.label', { path: app.model.filePath(file) }), tabindex: '0' }),
      selectedLine,
      EditorView.domEventHandlers({
        click(e, v) {
          const pos = v.posAtCoords({ x: e.clientX, y: e.clientY });
          if (pos !== null) clickLine(v, pos);
        },
      }),
    ];
  }

  function showLine(line: number): void {
    if (!view) return;
    view.dispatch({ effects: selectLine.of(line) });
    if (line >= 1 && line <= view.state.doc.lines) {
      const pos = view.state.doc.line(line).from;
      view.dispatch({ effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
    }
  }

  function listSites(file: number, line: number): void {
    listedLine = line;
    const m = app.model;
    const sites = m.linesOf(file).get(line) ?? [];
    if (!sites.length) {
      lineSites.replaceChildren();
      return;
    }
    lineSites.replaceChildren(
      el('div', { class: 'line-sites-title' }, t('web.source.lineTitle', { line, n: sites.length })),
      ...sites.map((i) => {
        const x = m.data.sites[i]!;
        const b = el(
          'button',
          {
            type: 'button',
            class: `line-site ${x.heap ? 'heap' : 'stack'}${i === app.sel.site ? ' selected' : ''}`,
            testid: 'line-site',
            'data-site-id': m.siteId(i),
          },
          headline(m, x),
          el('span', { class: 'fn' }, t('web.source.inFunction', { function: m.s(x.function) })),
        );
        b.addEventListener('click', () => app.go({ site: i }));
        return b;
      }),
    );
  }

  async function open(file: number, line: number): Promise<void> {
    const m = app.model;
    const path = m.filePath(file);
    element.dataset.file = path;
    element.dataset.line = String(line);
    if (file === shownFile && shownModel === m && view && shownBench === app.sel.bench) {
      showLine(line);
      listSites(file, line);
      return;
    }
    const my = ++token;
    title.textContent = path;
    const text = m.data.files[file]?.source === false ? null : await app.sources(file);
    if (my !== token) return;
    shownFile = file;
    shownModel = m;
    shownBench = app.sel.bench;
    if (text === null) {
      view?.destroy();
      view = null;
      host.replaceChildren(el('p', { class: 'empty' }, path ? t('web.source.missing', { path }) : t('web.source.noPosition')));
    } else {
      const state = EditorState.create({ doc: text, extensions: extensions(file) });
      if (view) view.setState(state);
      else {
        host.replaceChildren();
        view = new EditorView({ state, parent: host });
      }
      showLine(line);
    }
    listSites(file, line);
  }

  return {
    element,
    render() {
      const { file, line } = app.sel;
      if (file < 0) {
        element.dataset.file = '';
        title.textContent = app.model.blank ? t('web.source.blank') : t('web.source.select');
        return;
      }
      if (
        file === shownFile &&
        line === Number(element.dataset.line) &&
        shownModel === app.model &&
        listedLine === line &&
        (shownBench === app.sel.bench || !app.model.data.benchmarks?.length)
      ) {
        listSites(file, line);
        return;
      }
      void open(file, line);
    },
  };
}
