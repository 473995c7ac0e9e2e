/** Plots for the selected pod, on the timeline's time scale: memory against request and limit, restarts with back-off. */
import type { PodLane } from '../../src/report/model.js';
import { tickText, ticksOf, xOf, type View } from './axis.js';
import { diagonalStripes, fitText } from './draw.js';
import { inferredSpans, type Band, type Interned } from './lanes.js';
import { formatBytes } from '../../src/k8s/quantity.js';

const HEIGHT = 120;
const PAD = { top: 18, bottom: 18 };

/** A request or limit as kubectl describe prints a quantity (`64Mi`, `1Gi`: the largest binary suffix that divides it). */
const quantity = (bytes: number): string => formatBytes(BigInt(Math.round(bytes)));

/** A working set as kubectl top prints one: whole mebibytes (`top_pod.go`'s `%vMi`). */
const topMebibytes = (bytes: number): string => `${Math.floor(bytes / 1024 / 1024)}Mi`;

/**
 * The plot's canvas, cleared, with its title, ticks and box. `titles`: the title, then shorter ones (without the pod's
 * name, which the panel's heading gives) for a panel too narrow for it; the first that fits is written, else the
 * last, cut.
 */
const frame = (canvas: HTMLCanvasElement, width: number, titles: readonly [string, ...string[]], v: View): CanvasRenderingContext2D | undefined => {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = width * ratio;
  canvas.height = HEIGHT * ratio;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${HEIGHT}px`;
  const g = canvas.getContext('2d');
  if (g === null) return undefined;
  g.scale(ratio, ratio);
  g.clearRect(0, 0, width, HEIGHT);
  g.font = '600 11.5px system-ui, sans-serif';
  g.fillStyle = '#3b4550';
  g.textBaseline = 'middle';
  const room = width - 8;
  const title = titles.find((t) => g.measureText(t).width <= room) ?? titles[titles.length - 1] ?? '';
  g.fillText(fitText(g, title, room), 4, 8);
  g.font = '10px ui-monospace, monospace';
  g.fillStyle = '#8a939c';
  for (const t of ticksOf(v, 120).ticks) {
    const text = tickText(t);
    // Centred on its tick, and inside the plot's canvas at its right edge.
    g.fillText(text, Math.min(width - 2 - g.measureText(text).width, xOf(v, t) - g.measureText(text).width / 2), HEIGHT - 7);
  }
  g.strokeStyle = '#d8dde3';
  g.strokeRect(v.left, PAD.top, v.width, HEIGHT - PAD.top - PAD.bottom);
  return g;
};

const yScale = (max: number) => (value: number): number => HEIGHT - PAD.bottom - (value / max) * (HEIGHT - PAD.top - PAD.bottom - 4);

/** Memory working set of each container with samples, with its request (dashed) and limit (red). */
export const drawMemory = (canvas: HTMLCanvasElement, pod: PodLane, v: View, width: number): void => {
  const what = 'working set, request (dashed), limit (red)';
  const g = frame(canvas, width, [`memory of ${pod.name}: ${what}`, `memory: ${what}`], v);
  if (g === undefined) return;
  const max = Math.max(1, ...pod.memory.flatMap((m) => [...m.samples.map((s) => s[1]), m.request ?? 0, m.limit ?? 0])) * 1.08;
  const y = yScale(max);
  const hline = (value: number, color: string, dash: number[], label: string): void => {
    g.strokeStyle = color;
    g.setLineDash(dash);
    g.beginPath();
    g.moveTo(v.left, y(value));
    g.lineTo(v.left + v.width, y(value));
    g.stroke();
    g.setLineDash([]);
    g.fillStyle = color;
    g.fillText(label, 4, y(value));
  };
  g.fillStyle = '#8a939c';
  g.fillText('0', 4, y(0));
  if (!pod.memory.some((m) => m.limit !== undefined || m.request !== undefined)) g.fillText(topMebibytes(max / 1.08), 4, y(max / 1.08));
  for (const m of pod.memory) {
    if (m.limit !== undefined) hline(m.limit, '#c0161d', [], quantity(m.limit));
    if (m.request !== undefined && m.request !== m.limit) hline(m.request, '#2f6fd6', [4, 3], quantity(m.request));
    g.strokeStyle = '#8e3fb0';
    g.lineWidth = 1.6;
    g.beginPath();
    m.samples.forEach(([t, bytes], i) => {
      const x = Math.min(v.left + v.width, Math.max(v.left, xOf(v, t)));
      if (i === 0) g.moveTo(x, y(bytes));
      else g.lineTo(x, y(bytes));
    });
    g.stroke();
    g.lineWidth = 1;
    g.fillStyle = '#8e3fb0';
    for (const [t, bytes] of m.samples) g.fillRect(xOf(v, t) - 1.5, y(bytes) - 1.5, 3, 3);
  }
};

/** A stretch of the RESTARTS column at one value, inferred where `get pods --at` notes the pod's row as inferred. */
export interface RestartSegment {
  readonly from: number;
  readonly to: number;
  readonly restarts: number;
  readonly inferred: boolean;
}

/** The pod's RESTARTS column over its life (`bands`, its STATUS bands), cut where its row starts or stops being inferred. */
export const restartSegments = (pod: PodLane, interned: Interned, bands: readonly Band[]): RestartSegment[] => {
  const end = bands.at(-1)?.to ?? 0;
  const runs: { from: number; to: number; restarts: number }[] = [];
  let open: { from: number; restarts: number } | undefined;
  for (const step of pod.steps) {
    const row = interned.row(step.row);
    if (open !== undefined && row?.restarts === open.restarts) continue;
    if (open !== undefined && step.at > open.from) runs.push({ ...open, to: step.at });
    open = row === undefined ? undefined : { from: step.at, restarts: row.restarts };
  }
  if (open !== undefined) runs.push({ ...open, to: Math.max(end, open.from) });
  const spans = inferredSpans(pod, bands);
  const cuts = spans.flatMap((s) => [s.from, s.to]);
  return runs.flatMap((run) => {
    const points = [...new Set([run.from, ...cuts.filter((c) => c > run.from && c < run.to), run.to])].sort((a, b) => a - b);
    return points.slice(1).map((to, i) => {
      const from = points[i] ?? run.from;
      return { from, to, restarts: run.restarts, inferred: spans.some((s) => s.from <= from && from < s.to) };
    });
  });
};

/**
 * The windows a container waited to be restarted (CrashLoopBackOff; an image pull's back-off restarts nothing),
 * recorded or inferred, each stretch once: the kubelet records BackOff again at each sync of one wait, and
 * windows shaded one over another would darken where nothing more happened.
 */
export const restartBackOffs = (pod: PodLane, inferred: boolean): { from: number; until: number }[] => {
  const windows = pod.backoffs.filter((b) => !b.image && (b.inferred === true) === inferred).sort((a, b) => a.from - b.from);
  const merged: { from: number; until: number }[] = [];
  for (const { from, until } of windows) {
    const last = merged[merged.length - 1];
    if (last !== undefined && from <= last.until) last.until = Math.max(last.until, until);
    else merged.push({ from, until });
  }
  return merged;
};

/** Whether the pod has a restarts plot: it restarted, or waited to. */
export const restarted = (pod: PodLane, interned: Interned): boolean =>
  pod.backoffs.some((b) => !b.image) || pod.steps.some((s) => (interned.row(s.row)?.restarts ?? 0) > 0);

/** The pod's total restarts (kubectl's RESTARTS) as a step line, dashed where inferred, over shaded restart back-off windows (hatched where inferred). */
export const drawRestarts = (canvas: HTMLCanvasElement, pod: PodLane, v: View, width: number, segments: readonly RestartSegment[]): void => {
  const inferred = segments.some((s) => s.inferred) || pod.backoffs.some((b) => !b.image && b.inferred === true);
  const what = `CrashLoopBackOff waits shaded${inferred ? '; dashed, hatched: inferred on import' : ''}`;
  const g = frame(canvas, width, [`restarts of ${pod.name}, ${what}`, `restarts, ${what}`], v);
  if (g === undefined) return;
  const max = Math.max(1, ...segments.map((s) => s.restarts)) * 1.1;
  const y = yScale(max);
  const hatch = backOffHatch(g);
  for (const inferredOnes of [false, true]) {
    g.fillStyle = inferredOnes && hatch !== null ? hatch : 'rgba(224, 65, 58, 0.18)';
    for (const b of restartBackOffs(pod, inferredOnes)) {
      const [x0, x1] = [Math.max(v.left, xOf(v, b.from)), Math.min(v.left + v.width, xOf(v, b.until))];
      if (x1 > x0) g.fillRect(x0, PAD.top, x1 - x0, HEIGHT - PAD.top - PAD.bottom);
    }
  }
  g.strokeStyle = '#c0161d';
  g.lineWidth = 1.6;
  const clip = (t: number): number => Math.min(v.left + v.width, Math.max(v.left, xOf(v, t)));
  segments.forEach((s, i) => {
    const before = segments[i - 1];
    g.setLineDash(s.inferred ? [4, 3] : []);
    g.beginPath();
    g.moveTo(clip(s.from), y(before !== undefined && before.to === s.from ? before.restarts : s.restarts));
    g.lineTo(clip(s.from), y(s.restarts));
    g.lineTo(clip(s.to), y(s.restarts));
    g.stroke();
  });
  g.setLineDash([]);
  g.lineWidth = 1;
  const last = segments.at(-1)?.restarts ?? 0;
  g.fillStyle = '#3b4550';
  g.fillText(`${last}`, 4, y(last));
  g.fillText('0', 4, y(0));
};

/** Red diagonal stripes: a back-off window an import inferred. */
const backOffHatch = (g: CanvasRenderingContext2D): CanvasPattern | null => diagonalStripes(g, 6, 'rgba(224, 65, 58, 0.45)', 1);
