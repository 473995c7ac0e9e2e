/**
 * Markers too dense to tell apart at the view's scale, drawn as one group: a month's crash loop marks an exit and a
 * back-off every five minutes, thousands of shapes on top of each other that would hide the lane's states and
 * their labels. A run of markers each closer than a marker's radius to the one before is a group when it holds
 * more than a few; the group is drawn as a thin strip with a count badge (`drawMarkerGroup`), the tooltip over it
 * names its causes by kind and the nearest one in full, and zooming in splits it again into single markers.
 */
import type { Marker, MarkerKind } from '../../src/report/model.js';
import { MARKERS } from './markers.js';

/** A run of at most this many overlapping markers stays drawn one by one (an exit and its back-off at one instant). */
const MOST_SHOWN_ONE_BY_ONE = 3;

export type MarkerDrawing =
  | { readonly kind: 'one'; readonly marker: Marker; readonly x: number }
  | { readonly kind: 'group'; readonly markers: readonly Marker[]; readonly x0: number; readonly x1: number };

/** `markers` (in time order) at `x` of their instants, single or grouped where closer than `r` pixels. */
export const markerDrawings = (markers: readonly Marker[], xAt: (t: number) => number, r: number): MarkerDrawing[] => {
  const out: MarkerDrawing[] = [];
  let run: { markers: Marker[]; xs: number[] } = { markers: [], xs: [] };
  const close = (): void => {
    const { markers: ms, xs } = run;
    if (ms.length > MOST_SHOWN_ONE_BY_ONE) out.push({ kind: 'group', markers: ms, x0: xs[0] ?? 0, x1: xs[xs.length - 1] ?? 0 });
    else ms.forEach((marker, i) => out.push({ kind: 'one', marker, x: xs[i] ?? 0 }));
    run = { markers: [], xs: [] };
  };
  for (const m of markers) {
    const x = xAt(m.at);
    const last = run.xs[run.xs.length - 1];
    if (last !== undefined && x - last >= r) close();
    run.markers.push(m);
    run.xs.push(x);
  }
  close();
  return out;
};

/** How many of each kind a group holds, the most first (ties in the legend's order). */
export const kindsOf = (markers: readonly Marker[]): [MarkerKind, number][] => {
  const counts = new Map<MarkerKind, number>();
  for (const m of markers) counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
  const order = Object.keys(MARKERS);
  return [...counts].sort((a, b) => b[1] - a[1] || order.indexOf(a[0]) - order.indexOf(b[0]));
};

/** `15,053`: a group's badge. */
export const countText = (n: number): string => n.toLocaleString('en-US');

/** The first line of a group's tooltip: how many causes, of which kinds. */
export const groupText = (markers: readonly Marker[]): string =>
  `${countText(markers.length)} causes drawn as one strip: ${kindsOf(markers)
    .map(([kind, n]) => `${countText(n)} × ${MARKERS[kind].label}`)
    .join(', ')}; zoom in (ctrl + wheel) to tell them apart`;

type Group = Extract<MarkerDrawing, { kind: 'group' }>;

const BADGE_FONT = '600 10px system-ui, sans-serif';

const colorOf = (group: Group): string => MARKERS[kindsOf(group.markers)[0]?.[0] ?? 'exit'].color;

/** A group's strip along the bottom of the lane's band (`y`, `h`), under its labels, in its most frequent kind's colour. */
export const drawGroupStrip = (g: CanvasRenderingContext2D, group: Group, y: number, h: number, r: number): void => {
  const thick = h > 12 ? 3 : 2;
  g.save();
  g.fillStyle = colorOf(group);
  g.fillRect(group.x0 - r, y + h - thick, group.x1 - group.x0 + 2 * r, thick);
  g.restore();
};

/** Where a group's count badge goes: from its first marker's left edge, as wide as its count. */
export const badgeSpan = (g: CanvasRenderingContext2D, group: Group, r: number): { readonly from: number; readonly to: number } => {
  g.save();
  g.font = BADGE_FONT;
  const width = g.measureText(countText(group.markers.length)).width + 8;
  g.restore();
  return { from: group.x0 - r, to: group.x0 - r + width };
};

/** A group's count badge, centred on the lane at `y`, the height of a marker. */
export const drawGroupBadge = (g: CanvasRenderingContext2D, group: Group, y: number, r: number): void => {
  const { from, to } = badgeSpan(g, group, r);
  g.save();
  g.fillStyle = colorOf(group);
  g.beginPath();
  g.roundRect(from, y - r - 1, to - from, 2 * r + 2, 3);
  g.fill();
  g.font = BADGE_FONT;
  g.fillStyle = '#fff';
  g.textBaseline = 'middle';
  g.fillText(countText(group.markers.length), from + 4, y + 0.5);
  g.restore();
};

/** A marker's tooltip, after its group's line when it is drawn in one. */
export const withGroup = (drawings: readonly MarkerDrawing[], hit: Marker, text: string): string => {
  const group = drawings.find((d): d is Group => d.kind === 'group' && d.markers.includes(hit));
  return group === undefined ? text : `${groupText(group.markers)}
the nearest:
${text}`;
};
