// heapscope serve's playground: Go code in an editor, sent to the server to analyse (and benchmark), the result
// shown with the report's views.

import { EditorState } from '@codemirror/state';
import { EditorView, lineNumbers, drawSelection, highlightActiveLine, keymap } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { syntaxHighlighting, indentOnInput } from '@codemirror/language';
import { go } from '@codemirror/lang-go';
import type { PageData } from '../../src/reporters/html/page-data.js';
import { codeHighlight } from './cm-styles.js';
import { el } from './dom.js';
import { t } from './i18n.js';
import { checkVersion, fetchJson } from './data.js';
import { splitSnippet } from '../../src/serve/snippet-text.js';

interface Example {
  name: string;
  files: Record<string, string>;
}

export function joinFiles(files: Record<string, string>): string {
  const names = Object.keys(files);
  if (names.length === 1 && names[0] === 'main.go') return files['main.go']!;
  return names.map((n) => `-- ${n} --\n${files[n]!.endsWith('\n') ? files[n] : `${files[n]}\n`}`).join('');
}

export function emptyData(): PageData {
  return {
    version: 1,
    kind: 'analyze',
    tool: 'heapscope',
    go: { version: '', goos: '', goarch: '' },
    root: '',
    command: '',
    strings: [''],
    packages: [],
    files: [],
    causes: [],
    sites: [],
    ranking: [],
    functions: [],
    inlined: [],
    instantiations: [],
    notAnalysed: [],
  };
}

export function playgroundPane(onResult: (data: PageData, files: Record<string, string>) => void): HTMLElement {
  const picker = el('select', { class: 'examples', testid: 'playground-examples', 'aria-label': t('web.play.example') });
  const run = el('button', { type: 'button', class: 'run', testid: 'playground-run' }, t('web.play.run'));
  const bench = el('input', { type: 'checkbox', testid: 'playground-bench' });
  const output = el('pre', { class: 'playground-output', testid: 'playground-output' });
  const host = el('div', { class: 'playground-editor', testid: 'playground-editor' });
  const view = new EditorView({
    parent: host,
    state: EditorState.create({
      doc: 'package main\n\nfunc main() {\n}\n',
      // @codemirror/commands (undo history, key bindings) is not installed: the editor has the browser's own editing.
      extensions: [
        lineNumbers(),
        drawSelection(),
        highlightActiveLine(),
        history(),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        indentOnInput(),
        go(),
        syntaxHighlighting(codeHighlight),
        EditorView.contentAttributes.of({ 'aria-label': t('web.play.editor'), tabindex: '0' }),
      ],
    }),
  });
  const setText = (s: string) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: s } });
  let examples: Example[] = [];

  fetchJson<{ examples: Example[] }>('/api/examples')
    .then((r) => {
      examples = r.examples ?? [];
      picker.replaceChildren(...examples.map((e, i) => el('option', { value: i }, e.name)));
      if (examples[0]) setText(joinFiles(examples[0].files));
    })
    .catch((e: Error) => {
      output.textContent = t('web.play.examplesFailed', { error: e.message });
    });
  picker.addEventListener('change', () => {
    const e = examples[Number(picker.value)];
    if (e) setText(joinFiles(e.files));
  });

  run.addEventListener('click', async () => {
    const text = view.state.doc.toString();
    run.disabled = true;
    output.textContent = bench.checked ? t('web.play.analysingBench') : t('web.play.analysing');
    try {
      const r = await fetchJson<{ data: PageData; output: string }>('/api/playground', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        // The server splits the text into files the way the page does, and says what it does not take.
        body: JSON.stringify({ text, bench: bench.checked }),
      });
      output.textContent = r.output || t('web.play.done');
      onResult(checkVersion(r.data), Object.fromEntries(splitSnippet(text)));
    } catch (e) {
      output.textContent = (e as Error).message;
      output.classList.add('error');
    } finally {
      run.disabled = false;
    }
  });
  run.addEventListener('click', () => output.classList.remove('error'), { capture: true });

  return el(
    'section',
    { class: 'playground', 'aria-label': t('web.play.label') },
    el('div', { class: 'playground-bar' }, picker, run, el('label', null, bench, t('web.play.withBench'))),
    host,
    output,
  );
}
