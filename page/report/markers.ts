/** Marker shapes: one per cause kind; inferred events are drawn hollow and dashed. */
import type { MarkerKind } from '../../src/report/model.js';

export const MARKERS: Readonly<Record<MarkerKind, { readonly label: string; readonly color: string; readonly shape: 'down' | 'up' | 'x' | 'circle' | 'diamond' | 'square' | 'bar' }>> = {
  probe: { label: 'probe failed', color: '#d88a00', shape: 'down' },
  kill: { label: 'container killed', color: '#c0161d', shape: 'x' },
  exit: { label: 'exited non-zero', color: '#3d1f5c', shape: 'circle' },
  backoff: { label: 'back-off', color: '#e0413a', shape: 'bar' },
  image: { label: 'image pull failed', color: '#c76b00', shape: 'diamond' },
  eviction: { label: 'evicted', color: '#111111', shape: 'diamond' },
  node: { label: 'node lost', color: '#555555', shape: 'square' },
  deletion: { label: 'deletion', color: '#7b5a44', shape: 'square' },
  scheduling: { label: 'scheduling failed', color: '#59636e', shape: 'up' },
};

export const drawMarker = (g: CanvasRenderingContext2D, kind: MarkerKind, x: number, y: number, r: number, inferred: boolean): void => {
  const { color, shape } = MARKERS[kind];
  g.save();
  g.strokeStyle = color;
  g.fillStyle = inferred ? '#ffffff' : color;
  g.lineWidth = shape === 'x' ? 2 : 1.4;
  if (inferred) g.setLineDash([2, 1.5]);
  g.beginPath();
  switch (shape) {
    case 'down':
      g.moveTo(x - r, y - r);
      g.lineTo(x + r, y - r);
      g.lineTo(x, y + r);
      g.closePath();
      break;
    case 'up':
      g.moveTo(x - r, y + r);
      g.lineTo(x + r, y + r);
      g.lineTo(x, y - r);
      g.closePath();
      break;
    case 'x':
      g.moveTo(x - r, y - r);
      g.lineTo(x + r, y + r);
      g.moveTo(x + r, y - r);
      g.lineTo(x - r, y + r);
      break;
    case 'circle':
      g.arc(x, y, r * 0.8, 0, Math.PI * 2);
      break;
    case 'diamond':
      g.moveTo(x, y - r);
      g.lineTo(x + r, y);
      g.lineTo(x, y + r);
      g.lineTo(x - r, y);
      g.closePath();
      break;
    case 'square':
      g.rect(x - r * 0.75, y - r * 0.75, r * 1.5, r * 1.5);
      break;
    case 'bar':
      g.rect(x - 1, y - r, 2, r * 2);
      break;
  }
  if (shape !== 'x') g.fill();
  g.stroke();
  g.restore();
};
