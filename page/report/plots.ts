/** Plots for the selected pod, on the timeline's time scale: memory against request and limit, restarts with back-off. */
import type { PodLane } from '../../src/report/model.js';
import { clockText, ticksOf, xOf, type View } from './axis.js';
import type { Interned } from './lanes.js';

const HEIGHT = 120;
const PAD = { top: 18, bottom: 18 };

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} Mi`;

const frame = (canvas: HTMLCanvasElement, width: number, title: string, v: View): CanvasRenderingContext2D | undefined => {
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
  g.fillText(title, 4, 8);
  g.font = '10px ui-monospace, monospace';
  g.fillStyle = '#8a939c';
  for (const t of ticksOf(v, 120).ticks) g.fillText(clockText(t), xOf(v, t) - 22, HEIGHT - 7);
  g.strokeStyle = '#d8dde3';
  g.strokeRect(v.left, PAD.top, v.width, HEIGHT - PAD.top - PAD.bottom);
  return g;
};

const yScale = (max: number) => (value: number): number => HEIGHT - PAD.bottom - (value / max) * (HEIGHT - PAD.top - PAD.bottom - 4);

/** Memory working set of each container with samples, with its request (dashed) and limit (red). */
export const drawMemory = (canvas: HTMLCanvasElement, pod: PodLane, v: View, width: number): void => {
  const g = frame(canvas, width, `memory of ${pod.name}: working set, request (dashed), limit (red)`, v);
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
  if (!pod.memory.some((m) => m.limit !== undefined || m.request !== undefined)) g.fillText(mib(max / 1.08), 4, y(max / 1.08));
  for (const m of pod.memory) {
    if (m.limit !== undefined) hline(m.limit, '#c0161d', [], `limit ${mib(m.limit)}`);
    if (m.request !== undefined && m.request !== m.limit) hline(m.request, '#2f6fd6', [4, 3], `request ${mib(m.request)}`);
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

/** The pod's total restarts (kubectl's RESTARTS) as a step line, over shaded back-off windows. */
export const drawRestarts = (canvas: HTMLCanvasElement, pod: PodLane, v: View, width: number, interned: Interned): void => {
  const g = frame(canvas, width, `restarts of ${pod.name} (RESTARTS column), back-off windows shaded`, v);
  if (g === undefined) return;
  const points = pod.steps.flatMap((s) => {
    const row = interned.row(s.row);
    return row === undefined ? [] : [[s.at, row.restarts] as const];
  });
  const max = Math.max(1, ...points.map((p) => p[1])) * 1.1;
  const y = yScale(max);
  g.fillStyle = 'rgba(224, 65, 58, 0.18)';
  for (const b of pod.backoffs) {
    const [x0, x1] = [Math.max(v.left, xOf(v, b.from)), Math.min(v.left + v.width, xOf(v, b.until))];
    if (x1 > x0) g.fillRect(x0, PAD.top, x1 - x0, HEIGHT - PAD.top - PAD.bottom);
  }
  g.strokeStyle = '#c0161d';
  g.lineWidth = 1.6;
  g.beginPath();
  let last = 0;
  points.forEach(([t, n], i) => {
    const x = Math.min(v.left + v.width, Math.max(v.left, xOf(v, t)));
    if (i === 0) g.moveTo(x, y(n));
    else {
      g.lineTo(x, y(last));
      g.lineTo(x, y(n));
    }
    last = n;
  });
  g.lineTo(v.left + v.width, y(last));
  g.stroke();
  g.fillStyle = '#3b4550';
  g.fillText(`${last}`, 4, y(last));
  g.fillText('0', 4, y(0));
};
