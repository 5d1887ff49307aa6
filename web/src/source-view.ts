// The centre: the open file in a read-only editor, each line's escape decisions in a gutter, the selected line
// marked and scrolled to, and under it the decisions of the line last clicked.

import { EditorState, RangeSet, StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, GutterMarker, gutter, lineNumbers, type DecorationSet } from '@codemirror/view';
import { syntaxHighlighting } from '@codemirror/language';
import { go } from '@codemirror/lang-go';
import { codeHighlight } from './cm-styles.js';
import { el } from './dom.js';
import { headline } from './format.js';
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
    if (this.heap) return el('span', { class: 'gutter-heap', testid: 'gutter-heap', title: `${this.heap} heap` }, String(this.heap));
    return el('span', { class: 'gutter-stack', testid: 'gutter-stack', title: `${this.stack} stack only` }, '●');
  }
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
  const element = el('div', { class: 'source-view', testid: 'source-view' }, title, host, lineSites);
  let view: EditorView | null = null;
  let shownFile = -1;
  let shownModel = app.model;
  let token = 0;
  let listedLine = 0;

  function extensions(file: number): Extension[] {
    const lines = app.model.linesOf(file);
    const markers = (state: EditorState) => {
      const ranges = [];
      for (const [line, sites] of [...lines].sort((a, b) => a[0] - b[0])) {
        if (line < 1 || line > state.doc.lines) continue;
        let heap = 0;
        for (const i of sites) if (app.model.data.sites[i]!.heap) heap++;
        ranges.push(new DecisionMarker(heap, sites.length - heap).range(state.doc.line(line).from));
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
      EditorView.contentAttributes.of({ 'aria-label': `Source of ${app.model.filePath(file)}`, tabindex: '0' }),
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
      el('div', { class: 'line-sites-title' }, `Line ${line}: ${sites.length} decision${sites.length > 1 ? 's' : ''}`),
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
          el('span', { class: 'fn' }, ` in ${m.s(x.function)}`),
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
    if (file === shownFile && shownModel === m && view) {
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
    if (text === null) {
      view?.destroy();
      view = null;
      host.replaceChildren(
        el(
          'p',
          { class: 'empty' },
          path ? `The source of ${path} is not in this report.` : 'This decision has no position in a source file.',
        ),
      );
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
        title.textContent = 'Select a heap allocation in the summary, a file, or a search result.';
        return;
      }
      if (file === shownFile && line === Number(element.dataset.line) && shownModel === app.model && listedLine === line) {
        listSites(file, line);
        return;
      }
      void open(file, line);
    },
  };
}
