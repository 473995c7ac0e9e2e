/** Drawing the lanes on one canvas: only the rows and the instants on screen. */
import type { Marker, NodeLane, PodLane } from '../../src/report/model.js';
import { clockText, dateText, dayText, tickText, ticksOf, xOf, type View } from './axis.js';
import { conditionBands, containerBands, inferredSpans, podBands, taintsAt, type Band, type Interned } from './lanes.js';
import { badgeSpan, drawGroupBadge, drawGroupStrip, markerDrawings } from './marker-groups.js';
import { drawMarker } from './markers.js';
import { ROW_HEIGHT, rowAtY, type Row } from './rows.js';
import { conditionColor, STATES } from './states.js';
import { counted } from '../../src/text/counted.js';

export const AXIS_HEIGHT = 34;
/** The names' column left of the lanes: at least this wide, wider for longer names (`gutterFor`). */
const MIN_GUTTER = 270;

/** Each row's name: its font and where it starts in the gutter. */
const NAME_FONT = { node: '600 12.5px system-ui, sans-serif', pod: '12px system-ui, sans-serif', container: '11px system-ui, sans-serif' } as const;
const NAME_LEFT = { node: 8, pod: 14, container: 34 } as const;

const nodeName = (name: string): string => `node ${name}`;
const podName = (pod: PodLane, caret: string): string => `${caret} ${pod.namespace === 'default' ? '' : `${pod.namespace}/`}${pod.name}`;
const containerName = (kind: string, name: string): string => `${kind}: ${name}`;

/**
 * The gutter's width: room for the longest node, pod and container name (a node is told by its whole name,
 * `ip-10-0-1-23.eu-west-1.compute.internal`), within `MIN_GUTTER` and 40 % of `width`; a name longer than that is
 * cut, its tooltip whole.
 */
export const gutterFor = (g: CanvasRenderingContext2D, nodes: readonly string[], pods: readonly PodLane[], width: number): number => {
  const widest = (font: string, left: number, names: Iterable<string>): number => {
    g.font = font;
    let w = 0;
    for (const name of names) w = Math.max(w, g.measureText(name).width);
    return left + w;
  };
  const needed = Math.max(
    widest(NAME_FONT.node, NAME_LEFT.node, nodes.map(nodeName)),
    widest(NAME_FONT.pod, NAME_LEFT.pod, pods.map((p) => podName(p, '▾'))),
    widest(NAME_FONT.container, NAME_LEFT.container, pods.flatMap((p) => p.containers.map((c) => containerName(c.kind, c.name)))),
  );
  return Math.ceil(Math.min(Math.max(MIN_GUTTER, needed + 12), Math.max(MIN_GUTTER, width * 0.4)));
};

export interface Scene {
  readonly rows: readonly Row[];
  readonly tops: readonly number[];
  readonly scrollTop: number;
  readonly view: View;
  readonly height: number;
  readonly first: number;
  readonly cursor?: number;
  readonly second?: number;
  readonly selected?: string;
  readonly open: ReadonlySet<string>;
}

/** Bands per pod and per container, computed once each. */
export class BandCache {
  private readonly cache = new Map<string, Band[]>();
  constructor(
    /** Where the last bands stop: past the report's end, since their states hold after it. */
    readonly end: number,
    private readonly strings: Interned,
  ) {}

  pod(pod: PodLane): Band[] {
    return this.get(pod.uid, () => podBands(pod, this.end, this.strings));
  }

  container(pod: PodLane, name: string): Band[] {
    return this.get(`${pod.uid}/${name}`, () => containerBands(pod, name, this.end, this.strings));
  }

  private get(key: string, make: () => Band[]): Band[] {
    let bands = this.cache.get(key);
    if (bands === undefined) {
      bands = make();
      this.cache.set(key, bands);
    }
    return bands;
  }
}

/** `text`, or as much of it as fits `width` pixels, with `…`. */
export const fitText = (g: CanvasRenderingContext2D, text: string, width: number): string => {
  if (g.measureText(text).width <= width) return text;
  let t = text;
  while (t.length > 1 && g.measureText(`${t}…`).width > width) t = t.slice(0, -1);
  return `${t}…`;
};

/** The bands on screen, each `[x0, x1)` clipped to the view. */
const onScreen = (bands: readonly Band[], v: View): { readonly band: Band; readonly x0: number; readonly x1: number }[] =>
  bands
    .filter((b) => b.to >= v.start && b.from <= v.end)
    .map((band) => ({ band, x0: Math.max(v.left, xOf(v, band.from)), x1: Math.min(v.left + v.width, xOf(v, band.to)) }));

const drawBandFills = (g: CanvasRenderingContext2D, bands: readonly Band[], v: View, y: number, h: number): void => {
  for (const { band, x0, x1 } of onScreen(bands, v)) {
    g.fillStyle = STATES[band.category].color;
    g.fillRect(x0, y, x1 - x0 < 0.5 ? 1 : x1 - x0, h);
  }
};

/** The narrowest stretch a band's label is written in. */
const MIN_LABEL_ROOM = 40;

/** A stretch of a lane a label must leave clear, pixels. */
interface Span {
  readonly from: number;
  readonly to: number;
}

/**
 * Where a band's label goes: the first stretch of `[x0, x1)` clear of what is drawn over the lane (`taken`: each
 * marker, and 2 pixels either side) wide enough for a label, so no marker covers its letters; none when they leave
 * no such stretch. A marker sits where its state began, so a label usually starts right after it.
 */
const labelRoom = (x0: number, x1: number, taken: readonly Span[]): Span | undefined => {
  let from = x0;
  for (const span of [...taken].sort((a, b) => a.from - b.from)) {
    if (span.from >= x1) break;
    if (span.to <= from) continue;
    if (span.from - from > MIN_LABEL_ROOM) return { from, to: span.from };
    from = span.to;
  }
  return x1 - from > MIN_LABEL_ROOM ? { from, to: x1 } : undefined;
};

/** Each band's label in the room what is drawn over its lane (`taken`) leaves it. */
const drawBandLabels = (g: CanvasRenderingContext2D, bands: readonly Band[], v: View, y: number, h: number, taken: readonly Span[]): void => {
  for (const { band, x0, x1 } of onScreen(bands, v)) {
    const room = labelRoom(x0, x1, taken);
    if (room === undefined) continue;
    g.fillStyle = ['ready', 'crashLoop', 'oom', 'error', 'completed', 'terminating', 'evicted'].includes(band.category) ? '#fff' : '#1d232a';
    g.fillText(fitText(g, band.label, room.to - room.from - 6), room.from + 3, y + h / 2 + 0.5);
  }
};

/**
 * A lane's labels and markers (`markers`: those on screen, in time order, of radius `r`), its band `h` high from `y`:
 * groups' strips first, under the labels; the labels where the markers and badges leave room; then the markers
 * and the groups' badges.
 */
const drawLaneMarkers = (g: CanvasRenderingContext2D, bands: readonly Band[], v: View, y: number, h: number, markers: readonly Marker[], r: number): void => {
  const drawings = markerDrawings(markers, (t) => xOf(v, t), r);
  for (const d of drawings) if (d.kind === 'group') drawGroupStrip(g, d, y, h, r);
  const taken = drawings.map((d) => (d.kind === 'one' ? { from: d.x - r, to: d.x + r } : badgeSpan(g, d, r))).map(({ from, to }) => ({ from: from - 2, to: to + 2 }));
  drawBandLabels(g, bands, v, y, h, taken);
  for (const d of drawings) {
    if (d.kind === 'one') drawMarker(g, d.marker.kind, d.x, y + h / 2, r, d.marker.cause.inferred === true);
    else drawGroupBadge(g, d, y + h / 2, r);
  }
};

/** A pattern of diagonal stripes, one a `size`-pixel tile, continued across the tiles' edges. */
export const diagonalStripes = (g: CanvasRenderingContext2D, size: number, color: string, lineWidth: number): CanvasPattern | null => {
  const tile = document.createElement('canvas');
  tile.width = size;
  tile.height = size;
  const t = tile.getContext('2d');
  if (t === null) return null;
  t.strokeStyle = color;
  t.lineWidth = lineWidth;
  t.beginPath();
  t.moveTo(-2, size + 2);
  t.lineTo(size + 2, -2);
  t.moveTo(size - 2, size + 2);
  t.lineTo(size + 2, size - 2);
  t.moveTo(-2, 2);
  t.lineTo(2, -2);
  t.stroke();
  return g.createPattern(tile, 'repeat');
};

/** Diagonal white stripes: the hatch over a lane's spans that rest on facts an import inferred (the legend names it). */
export const inferredHatch = (g: CanvasRenderingContext2D): CanvasPattern | null => diagonalStripes(g, 8, 'rgba(255, 255, 255, 0.4)', 1.5);

/** The hatch over the spans of `bands` where the row rests on inferred facts. */
const drawInferred = (g: CanvasRenderingContext2D, pod: PodLane, bands: readonly Band[], v: View, y: number, h: number): void => {
  const hatch = inferredHatch(g);
  if (hatch === null) return;
  g.fillStyle = hatch;
  for (const span of inferredSpans(pod, bands)) {
    if (span.to < v.start || span.from > v.end) continue;
    const x0 = Math.max(v.left, xOf(v, span.from));
    const x1 = Math.min(v.left + v.width, xOf(v, span.to));
    if (x1 > x0) g.fillRect(x0, y, x1 - x0, h);
  }
};

/** A cursor's label on the axis: its text and the box it fills. */
interface CursorLabel {
  readonly text: string;
  readonly left: number;
  readonly width: number;
}

const CURSOR_FONT = '600 11px ui-monospace, monospace';
const TICK_FONT = '11.5px ui-monospace, monospace';

/**
 * `A 08:05:30.250`; on a view across midnight (UTC) `A 2026-02-03 08:05:30.250`, since the date at the axis's left
 * is the view's first day, not necessarily the cursor's.
 */
const cursorLabel = (g: CanvasRenderingContext2D, s: Scene, t: number, label: string): CursorLabel | undefined => {
  if (t < s.view.start || t > s.view.end) return undefined;
  const x = Math.round(xOf(s.view, t)) + 0.5;
  g.font = CURSOR_FONT;
  const date = dayText(s.view.start) === dayText(s.view.end) ? '' : `${dayText(t)} `;
  const text = `${label} ${date}${clockText(t)}.${String(t % 1000).padStart(3, '0')}`;
  const width = g.measureText(text).width + 8;
  return { text, width, left: Math.min(s.view.left + s.view.width + 12 - width, Math.max(s.view.left, x - width / 2)) };
};

/** Where a tick's time is written: centred on the tick. */
const tickLabel = (g: CanvasRenderingContext2D, x: number, t: number): { text: string; left: number; width: number } => {
  const text = tickText(t);
  const width = g.measureText(text).width;
  return { text, left: x - width / 2, width };
};

/** The ticks' times, but none a cursor's label would cover: the label tells the time there. */
const drawAxis = (g: CanvasRenderingContext2D, s: Scene, width: number, labels: readonly CursorLabel[]): void => {
  const v = s.view;
  g.fillStyle = '#fff';
  g.fillRect(0, 0, width, AXIS_HEIGHT);
  g.strokeStyle = '#c3cad2';
  g.beginPath();
  g.moveTo(0, AXIS_HEIGHT - 0.5);
  g.lineTo(width, AXIS_HEIGHT - 0.5);
  g.stroke();
  g.fillStyle = '#3b4550';
  g.font = '600 12px system-ui, sans-serif';
  g.fillText(dateText(v.start), 10, 12);
  g.font = '11px system-ui, sans-serif';
  g.fillStyle = '#6b7580';
  g.fillText('time (UTC) →', 10, 27);
  const { ticks } = ticksOf(v);
  g.fillStyle = '#3b4550';
  g.font = TICK_FONT;
  for (const t of ticks) {
    const x = xOf(v, t);
    g.fillRect(x, AXIS_HEIGHT - 7, 1, 7);
    const tick = tickLabel(g, x, t);
    const covered = labels.some((l) => tick.left < l.left + l.width + 4 && l.left - 4 < tick.left + tick.width);
    if (!covered) g.fillText(tick.text, tick.left, 20);
  }
};

const drawGrid = (g: CanvasRenderingContext2D, s: Scene): void => {
  g.fillStyle = '#eceff2';
  for (const t of ticksOf(s.view).ticks) g.fillRect(xOf(s.view, t), AXIS_HEIGHT, 1, s.height - AXIS_HEIGHT);
};

const drawNodeRow = (g: CanvasRenderingContext2D, row: Extract<Row, { kind: 'node' }>, s: Scene, y: number, width: number): void => {
  const h = ROW_HEIGHT.node;
  g.fillStyle = '#eef1f5';
  g.fillRect(0, y, width, h);
  g.fillStyle = '#1d232a';
  const gutter = s.view.left;
  g.font = NAME_FONT.node;
  const name = fitText(g, nodeName(row.name), gutter - NAME_LEFT.node - 8);
  g.fillText(name, NAME_LEFT.node, y + 10);
  const after = NAME_LEFT.node + g.measureText(name).width + 8;
  g.font = '11px system-ui, sans-serif';
  g.fillStyle = '#5b6672';
  // Its pods after the name where they fit, else under it before the taints its conditions imply at cursor A, or
  // that the journal holds none of its conditions (an import that knows the node from its pods' spec.nodeName).
  const pods = counted(row.pods, 'pod');
  const besideName = after + g.measureText(pods).width <= gutter - 8;
  if (besideName) g.fillText(pods, after, y + 10);
  const node = row.node;
  const under = [...(besideName ? [] : [pods]), node === undefined ? NO_CONDITIONS : taintsText(node, s.cursor ?? s.view.end)].join(' · ');
  g.fillText(fitText(g, under, gutter - NAME_LEFT.node - 8), NAME_LEFT.node, y + 24);
  if (node === undefined) return;
  const shown = node.conditions.filter((c) => c.type === 'Ready' || c.type === 'MemoryPressure');
  const stripe = 10;
  shown.forEach((c, i) => {
    const top = y + 4 + i * (stripe + 2);
    for (const b of conditionBands(c, s.view.end)) {
      if (b.to < s.view.start || b.from > s.view.end) continue;
      const x0 = Math.max(s.view.left, xOf(s.view, b.from));
      const x1 = Math.min(s.view.left + s.view.width, xOf(s.view, b.to));
      g.fillStyle = conditionColor(c.type, b.status);
      g.fillRect(x0, top, Math.max(1, x1 - x0), stripe);
      if (x1 - x0 > 90) {
        g.fillStyle = '#1d232a';
        g.font = '10px system-ui, sans-serif';
        g.fillText(fitText(g, `${c.type}=${b.status}`, x1 - x0 - 6), x0 + 3, top + stripe / 2 + 0.5);
      }
    }
  });
};

/** What a node's lane and tooltip say of a node the journal has no condition of: no taint can be told. */
export const NO_CONDITIONS = 'no node conditions recorded';

/** The taints a node's conditions imply at `t`, as its lane's second line and its tooltip say them. */
export const taintsText = (node: NodeLane, t: number): string => {
  const taints = taintsAt(node, t);
  return taints.length === 0 ? 'no condition taints' : `taints: ${taints.join(', ')}`;
};

/** Markers' radii, pixels, on a pod's lane and on a container's. */
export const MARKER_RADIUS = { pod: 5, container: 4 } as const;

/** The markers within the view's instants. */
export const markersOnScreen = (markers: readonly Marker[], v: View): Marker[] => markers.filter((m) => m.at >= v.start && m.at <= v.end);

const drawPodRow = (g: CanvasRenderingContext2D, pod: PodLane, s: Scene, y: number, bands: BandCache): void => {
  const h = ROW_HEIGHT.pod;
  if (s.selected === pod.uid) {
    g.fillStyle = '#fff6d6';
    g.fillRect(0, y, s.view.left + s.view.width, h);
  }
  g.fillStyle = '#1d232a';
  g.font = NAME_FONT.pod;
  const caret = pod.containers.length === 0 ? ' ' : s.open.has(pod.uid) ? '▾' : '▸';
  g.fillText(fitText(g, podName(pod, caret), s.view.left - NAME_LEFT.pod - 4), NAME_LEFT.pod, y + h / 2 + 0.5);
  g.font = '11px system-ui, sans-serif';
  drawBandFills(g, bands.pod(pod), s.view, y + 2, h - 4);
  // The hatch under the labels, so they stay readable.
  drawInferred(g, pod, bands.pod(pod), s.view, y + 2, h - 4);
  drawLaneMarkers(g, bands.pod(pod), s.view, y + 2, h - 4, markersOnScreen(pod.markers, s.view), MARKER_RADIUS.pod);
};

const drawContainerRow = (g: CanvasRenderingContext2D, row: Extract<Row, { kind: 'container' }>, s: Scene, y: number, bands: BandCache): void => {
  const h = ROW_HEIGHT.container;
  g.fillStyle = '#5b6672';
  g.font = NAME_FONT.container;
  g.fillText(fitText(g, containerName(row.containerKind, row.name), s.view.left - NAME_LEFT.container - 4), NAME_LEFT.container, y + h / 2 + 0.5);
  g.font = '10px system-ui, sans-serif';
  drawBandFills(g, bands.container(row.pod, row.name), s.view, y + 2, h - 4);
  const markers = markersOnScreen(row.pod.markers, s.view).filter((m) => m.container === row.name);
  drawLaneMarkers(g, bands.container(row.pod, row.name), s.view, y + 2, h - 4, markers, MARKER_RADIUS.container);
};

const drawCursor = (g: CanvasRenderingContext2D, s: Scene, t: number, color: string, box: CursorLabel | undefined): void => {
  if (box === undefined) return;
  const x = Math.round(xOf(s.view, t)) + 0.5;
  g.strokeStyle = color;
  g.lineWidth = 1.5;
  g.beginPath();
  g.moveTo(x, AXIS_HEIGHT - 8);
  g.lineTo(x, s.height);
  g.stroke();
  g.fillStyle = color;
  g.font = CURSOR_FONT;
  g.fillRect(box.left, AXIS_HEIGHT - 20, box.width, 14);
  g.fillStyle = '#fff';
  g.fillText(box.text, box.left + 4, AXIS_HEIGHT - 13);
};

export const drawScene = (g: CanvasRenderingContext2D, s: Scene, width: number, bands: BandCache): void => {
  g.clearRect(0, 0, width, s.height);
  g.textBaseline = 'middle';
  drawGrid(g, s);
  const bottom = s.scrollTop + s.height - AXIS_HEIGHT;
  for (let i = rowAtY(s.tops, s.scrollTop); i < s.rows.length && (s.tops[i] ?? 0) < bottom; i++) {
    const row = s.rows[i];
    if (row === undefined) continue;
    const y = AXIS_HEIGHT + (s.tops[i] ?? 0) - s.scrollTop;
    g.save();
    g.beginPath();
    g.rect(0, AXIS_HEIGHT, width, s.height - AXIS_HEIGHT);
    g.clip();
    if (row.kind === 'node') drawNodeRow(g, row, s, y, width);
    else if (row.kind === 'pod') drawPodRow(g, row.pod, s, y, bands);
    else drawContainerRow(g, row, s, y, bands);
    g.restore();
  }
  g.fillStyle = '#d8dde3';
  g.fillRect(s.view.left - 1, AXIS_HEIGHT, 1, s.height - AXIS_HEIGHT);
  const second = s.second === undefined ? undefined : cursorLabel(g, s, s.second, 'B');
  const cursor = s.cursor === undefined ? undefined : cursorLabel(g, s, s.cursor, 'A');
  drawAxis(g, s, width, [second, cursor].filter((l): l is CursorLabel => l !== undefined));
  if (s.second !== undefined) drawCursor(g, s, s.second, '#7a3fc0', second);
  if (s.cursor !== undefined) drawCursor(g, s, s.cursor, '#0b63c5', cursor);
};
