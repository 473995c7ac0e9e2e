/** What is under the mouse: a marker (its event) or a band (its state and when). */
import type { Marker } from '../../src/report/model.js';
import { timeOf, xOf, type View } from './axis.js';
import { iso } from './cursor.js';
import { MARKER_RADIUS, markersOnScreen, NO_CONDITIONS, taintsText, type BandCache } from './draw.js';
import { markerDrawings, withGroup } from './marker-groups.js';
import { counted } from '../../src/text/counted.js';
import { conditionBands, type Interned } from './lanes.js';
import { MARKERS } from './markers.js';
import { humanDuration } from '../../src/printers/duration.js';
import type { Row } from './rows.js';

const NEAR = 6;

const markersOf = (row: Row | undefined): readonly Marker[] =>
  row === undefined || row.kind === 'node' ? [] : row.kind === 'pod' ? row.pod.markers : row.pod.markers.filter((m) => m.container === row.name);

/** The text of a marker under the mouse, after its group's when the lane draws it in one. */
const hitText = (row: Row | undefined, v: View, m: Marker, strings: Interned): string =>
  row === undefined || row.kind === 'node' ? markerText(m, strings) : withGroup(markerDrawings(markersOnScreen(markersOf(row), v), (t) => xOf(v, t), MARKER_RADIUS[row.kind]), m, markerText(m, strings));

const marker = (row: Row | undefined, v: View, x: number): Marker | undefined => {
  let best: Marker | undefined;
  let distance = NEAR;
  for (const m of markersOf(row)) {
    const d = Math.abs(xOf(v, m.at) - x);
    if (d <= distance) [best, distance] = [m, d];
  }
  return best;
};

const markerText = (m: Marker, strings: Interned): string =>
  `${MARKERS[m.kind].label}${m.cause.inferred === true ? ' (inferred on import, not recorded)' : ''}\n${iso(m.at)}\n#${m.cause.seq} ${strings.text(m.cause.type) ?? ''} (${strings.text(m.cause.source) ?? ''})\n${strings.text(m.cause.summary) ?? ''}`;

/**
 * When a band held, its length as kubectl prints ages. A band still open at the report's end (`last`) is drawn to
 * the margin past it, an instant nothing happened at: it reads "since", counted to `last`.
 */
const span = (from: number, to: number, bands: BandCache, last: number): string =>
  to >= bands.end ? `since ${iso(from)} (${humanDuration(last - from)} at ${iso(last)}, the report's end)` : `${iso(from)} → ${iso(to)} (${humanDuration(to - from)})`;

const text = (row: Row | undefined, v: View, x: number, bands: BandCache, strings: Interned, last: number): string | undefined => {
  const m = marker(row, v, x);
  if (m !== undefined) return hitText(row, v, m, strings);
  if (row === undefined) return undefined;
  const t = timeOf(v, x);
  if (row.kind === 'node') {
    const lines = (row.node?.conditions ?? []).flatMap((c) => {
      const b = conditionBands(c, v.end).find((band) => band.from <= t && t < band.to);
      return b === undefined ? [] : [`${c.type}=${b.status}${b.reason === undefined ? '' : ` (${b.reason})`} since ${iso(b.from)}`];
    });
    return lines.length === 0 ? undefined : `node ${row.name}\n${lines.join('\n')}`;
  }
  const list = row.kind === 'pod' ? bands.pod(row.pod) : bands.container(row.pod, row.name);
  const b = list.find((band) => band.from <= t && t < band.to);
  if (b === undefined) return undefined;
  const what = row.kind === 'pod' ? `pod ${row.pod.namespace}/${row.pod.name}: STATUS READY ${b.label}` : `container ${row.name}: ${b.label}`;
  return `${what}\n${span(b.from, b.to, bands, last)}`;
};

/** A row's whole name, for the gutter, where a long one is cut; a node's with its pods and its taints at `t` (cursor A). */
const name = (row: Row | undefined, t: number): string | undefined => {
  if (row === undefined) return undefined;
  if (row.kind === 'pod') return `pod ${row.pod.namespace}/${row.pod.name}`;
  if (row.kind === 'container') return `${row.containerKind} ${row.pod.name}/${row.name}`;
  return [`node ${row.name}`, counted(row.pods, 'pod'), row.node === undefined ? NO_CONDITIONS : `${taintsText(row.node, t)} at ${iso(t)}`].join('\n');
};

export const tooltipAt = { marker, markerText, text, name };
