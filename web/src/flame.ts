// A benchmark's allocations as a flame graph (d3-flame-graph): width is bytes per op, or allocs per op.

import { select } from 'd3-selection';
import flamegraph from 'd3-flame-graph';
import type { PageFlameNode } from '../../src/reporters/html/page-data.js';
import { el } from './dom.js';
import type { App } from './state.js';

interface Frame {
  name: string;
  file: number;
  line: number;
  allocs: number;
  bytes: number;
  children: Frame[];
}

function toFrames(app: App, n: PageFlameNode): Frame {
  const m = app.model;
  const where = n.file >= 0 ? ` ${m.filePath(n.file)}:${n.line}` : '';
  return {
    name: `${m.s(n.name)}${where}`,
    file: n.file,
    line: n.line,
    allocs: n.allocs,
    bytes: n.bytes,
    children: n.children.map((c) => toFrames(app, c)),
  };
}

export function flameView(app: App, root: PageFlameNode): HTMLElement {
  const byAllocs = el('input', { type: 'checkbox', testid: 'flame-allocs' });
  const chartHost = el('div', {
    class: 'flame-chart',
    role: 'figure',
    'aria-label': 'Flame graph of the allocations; frames open their line',
  });
  const container = el(
    'div',
    { class: 'flame', testid: 'flame' },
    el('label', { class: 'flame-toggle' }, byAllocs, ' width by allocs/op (else B/op)'),
    chartHost,
  );
  const draw = () => {
    const data = toFrames(app, root);
    const width = Math.max(
      300,
      Math.floor(chartHost.getBoundingClientRect().width || container.parentElement?.getBoundingClientRect().width || 600),
    );
    const chart = flamegraph<Frame>()
      .width(width)
      .cellHeight(18)
      .minHeight(60)
      .transitionDuration(0)
      .inverted(true)
      .selfValue(false)
      .getValue((d) => (byAllocs.checked ? d.allocs : d.bytes))
      .getChildren((d) => d.children)
      .getName((d) => d.data.name)
      .setLabelHandler((d) => `${d.data.name}: ${byAllocs.checked ? `${d.data.allocs} allocs/op` : `${d.data.bytes} B/op`}`)
      .setColorHue('warm')
      .onClick((d) => {
        container.dataset.selectedFrame = d.data.name;
        if (d.data.file >= 0) app.go({ file: d.data.file, line: d.data.line });
      });
    chartHost.replaceChildren();
    select(chartHost as HTMLElement)
      .datum(data)
      .call(chart);
  };
  byAllocs.addEventListener('change', draw);
  // Drawn once it is in the document, where it has a width.
  requestAnimationFrame(draw);
  return container;
}
