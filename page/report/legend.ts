/** The legend (state colours, marker shapes, node stripes) and the keyboard help. */
import type { MarkerKind } from '../../src/report/model.js';
import { inferredHatch } from './draw.js';
import { drawMarker, MARKERS } from './markers.js';
import { STATES } from './states.js';

const markerIcon = (kind: MarkerKind, inferred: boolean): string => {
  const c = document.createElement('canvas');
  const ratio = window.devicePixelRatio || 1;
  c.width = 14 * ratio;
  c.height = 14 * ratio;
  const g = c.getContext('2d');
  if (g !== null) {
    g.scale(ratio, ratio);
    drawMarker(g, kind, 7, 7, 5, inferred);
  }
  return `<img alt="" width="14" height="14" src="${c.toDataURL()}">`;
};

/** A swatch of a state colour under the inferred hatch, as a lane draws it. */
const hatchIcon = (): string => {
  const c = document.createElement('canvas');
  c.width = 20;
  c.height = 12;
  const g = c.getContext('2d');
  const hatch = g === null ? null : inferredHatch(g);
  if (g !== null && hatch !== null) {
    g.fillStyle = STATES.crashLoop.color;
    g.fillRect(0, 0, 20, 12);
    g.fillStyle = hatch;
    g.fillRect(0, 0, 20, 12);
  }
  return `<img alt="" width="20" height="12" src="${c.toDataURL()}">`;
};

export const legendHtml = (): string =>
  [
    '<b>states</b>',
    ...Object.values(STATES).map((s) => `<span><i style="background:${s.color}"></i>${s.label}</span>`),
    `<span title="the row is not what the cluster showed (the pod known only from its Events, or its row resting on facts an import inferred since its last capture): get pods --at notes it">${hatchIcon()}hatched: inferred on import</span>`,
    '<b>&nbsp;causes</b>',
    ...(Object.keys(MARKERS) as MarkerKind[]).map((k) => `<span>${markerIcon(k, false)}${MARKERS[k].label}</span>`),
    `<span>${markerIcon('exit', true)}inferred (not recorded)</span>`,
    '<b>&nbsp;nodes</b>',
    '<span><i style="background:#9ccf9f"></i>Ready / no pressure</span>',
    '<span><i style="background:#e0413a"></i>NotReady / MemoryPressure</span>',
  ].join('');

const KEYS: readonly [string, string][] = [
  ['click, drag', 'cursor A: the pods as <code>podj get pods --at T</code> prints them'],
  ['shift-click', 'cursor B: what changed between A and B, and the causes'],
  ['click a pod name', 'open its containers; plot its memory and restarts'],
  ['hover', 'a band or a marker: the state or the event, with its time'],
  ['hover a name', 'the whole name; a node’s pods and the taints at cursor A'],
  ['<kbd>+</kbd> <kbd>-</kbd>, ctrl + wheel', 'zoom in, out'],
  ['<kbd>←</kbd> <kbd>→</kbd>, shift + wheel', 'pan'],
  ['<kbd>0</kbd>', 'whole incident'],
  ['<kbd>[</kbd> <kbd>]</kbd>', 'cursor A to the previous / next change (of the selected pod)'],
  ['<kbd>e</kbd>', 'open every pod shown; when all are open, close them'],
  ['<kbd>/</kbd>', 'filter by name'],
  ['<kbd>Esc</kbd>', 'drop cursor B'],
  ['<kbd>?</kbd>', 'this help'],
];

export const helpHtml = (): string =>
  `<div><h2 style="margin-top:0">Keys and mouse</h2><table>${KEYS.map(([k, v]) => `<tr><td>${k}</td><td>${v}</td></tr>`).join('')}</table>
<p class="hint">Lanes are grouped by node; the node lane shows Ready and MemoryPressure and the taints they imply at cursor A. Times are UTC.</p></div>`;
