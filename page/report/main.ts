/** The report page: decodes the inline data, builds the controls, and wires the timeline, cursors and panels. */
import * as E from 'fp-ts/lib/Either.js';
import { formatErrors } from '../../src/events/report.js';
import { nodesDrawn, ReportData, type Marker, type PodLane } from '../../src/report/model.js';
import { parseSelector, type Requirement } from '../../src/selectors/index.js';
import { offsetText, timeOf, xOf, type View } from './axis.js';
import { causesTable, diffBetween, getPodsAt, inScopeAt, iso, type Scope } from './cursor.js';
import { AXIS_HEIGHT, BandCache, drawScene, gutterFor, MARKER_RADIUS, markersOnScreen } from './draw.js';
import { markerDrawings } from './marker-groups.js';
import { helpHtml, legendHtml } from './legend.js';
import { drawMemory, drawRestarts, restarted, restartSegments } from './plots.js';
import { offsetsOf, rowAtY, rowsOf, type Row } from './rows.js';
import { STYLE } from './style.js';
import { inferredSpans, Interned, taintsAt } from './lanes.js';
import { tooltipAt } from './tooltip.js';
import { counted } from '../../src/text/counted.js';

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, html = ''): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.innerHTML = html;
  return e;
};

const escape = (s: string): string => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c);

const fail = (message: string): void => {
  document.body.textContent = `This report could not be read: ${message}`;
};

const start = (data: ReportData): void => {
  document.head.appendChild(el('style', {}, STYLE));
  document.title = `podj report: ${data.title}`;
  const namespaces = [...new Set(data.pods.map((p) => p.namespace))].sort();
  const header = el(
    'header',
    {},
    `<h1>${escape(data.title)}</h1>
<div class="sub">${counted(data.pods.length, 'pod')} on ${counted(nodesDrawn(data), 'node')} · journal from ${iso(data.first)} to ${iso(data.last)} · click the lanes to place cursor A (a <code>podj get pods --at</code> table), shift-click for cursor B (what changed between), click a pod's name to open its containers and plots · <kbd>?</kbd> for keys</div>
<div class="controls">
${data.scope.namespace === undefined ? `<label>namespace <select id="f-ns"><option value="">all (-A)</option>${namespaces.map((n) => `<option>${escape(n)}</option>`).join('')}</select></label>` : `<label>namespace <b>${escape(data.scope.namespace)}</b></label>`}
<label>name <input id="f-name" placeholder="part of a pod name" size="18"></label>
<label>labels <input id="f-sel" placeholder="app=web,tier!=db" size="22" value="${escape(data.selector)}"></label>
<button id="b-open" type="button">open all</button><button id="b-reset" type="button">reset zoom</button><button id="b-help" type="button">? keys</button>
</div>`,
  );
  const legend = el('div', { class: 'legend', id: 'legend' }, legendHtml());
  const timeline = el('div', { id: 'timeline' });
  const spacer = el('div');
  const canvas = el('canvas');
  timeline.append(canvas, spacer);
  const bottom = el(
    'div',
    { id: 'bottom' },
    `<div class="panel"><h2 id="getpods-title">cursor A</h2><pre id="getpods"></pre><pre id="getpods-err" class="stderr"></pre></div>
<div class="panel" id="side"><h2 id="diff-title">pod</h2><div class="plots"><canvas id="p-mem"></canvas><canvas id="p-restarts"></canvas></div><pre id="diff"></pre></div>`,
  );
  const tooltip = el('div', { id: 'tooltip' });
  const help = el('div', { id: 'help' }, helpHtml());
  document.body.append(header, legend, timeline, bottom, tooltip, help);
  const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

  const span = Math.max(1000, data.to - data.from);
  // The last states hold after the last event: drawn to the window's right margin, not cut to nothing.
  const strings = new Interned(data.strings, data.rows);
  const bands = new BandCache(data.to + span * 0.02, strings);
  const state = {
    view: { start: data.from, end: data.to },
    cursor: undefined as number | undefined,
    second: undefined as number | undefined,
    selected: undefined as PodLane | undefined,
    pinned: undefined as Marker | undefined,
    open: new Set<string>(),
    namespace: data.scope.namespace,
    name: '',
    selector: [] as readonly Requirement[],
    rows: [] as Row[],
    tops: [0],
  };
  state.view = { start: data.from - span * 0.01, end: data.to + span * 0.02 };

  /** The report holds every pod of the journal: `-A`, no selector, no names, the whole journal. */
  const everyPod = data.scope.namespace === undefined && data.selector === '' && data.names.length === 0 && data.from === data.first && data.to === data.last;

  const scope = (): Scope => ({ ...(state.namespace === undefined ? {} : { namespace: state.namespace }), selector: state.selector, name: state.name });

  /** Pods whose lane is shown: in scope at some instant of their life (labels may change). */
  const shownPods = (): PodLane[] =>
    data.pods.filter((p) => {
      const s = scope();
      return p.labels.length === 0 ? inScopeAt(p, s, data.to) : p.labels.some((l) => inScopeAt(p, s, l.at));
    });

  const allOpen = (pods: readonly PodLane[]): boolean => pods.every((p) => state.open.has(p.uid));

  const relayout = (): void => {
    const shown = shownPods();
    $('b-open').textContent = allOpen(shown.slice(0, 500)) && state.open.size > 0 ? 'close all' : 'open all';
    state.rows = rowsOf(shown, data.nodes, state.open);
    state.tops = offsetsOf(state.rows);
    const content = (state.tops[state.tops.length - 1] ?? 0) + AXIS_HEIGHT + 16;
    // A short incident keeps the lanes compact and gives the panels the room; a long one scrolls.
    timeline.style.height = `${Math.max(180, Math.min(content, window.innerHeight * 0.6))}px`;
    spacer.style.height = `${Math.max(0, content - timeline.clientHeight)}px`;
  };

  // The names' column, as wide as the longest name needs (within bounds), set again when the window is resized.
  let gutter = 0;
  const fitGutter = (): void => {
    const g = canvas.getContext('2d');
    if (g !== null) gutter = gutterFor(g, data.nodes.map((n) => n.name).concat(data.pods.flatMap((p) => (p.node === undefined ? [] : [p.node]))), data.pods, timeline.clientWidth);
  };
  const viewOf = (): View => ({ start: state.view.start, end: state.view.end, left: gutter, width: Math.max(50, timeline.clientWidth - gutter - 12) });

  let frame = 0;
  const draw = (): void => {
    if (frame !== 0) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const ratio = window.devicePixelRatio || 1;
      const [w, h] = [timeline.clientWidth, timeline.clientHeight];
      if (canvas.width !== w * ratio || canvas.height !== h * ratio) {
        canvas.width = w * ratio;
        canvas.height = h * ratio;
        canvas.style.width = `${w}px`;
        canvas.style.height = `${h}px`;
        canvas.style.marginBottom = `${-h}px`;
      }
      const g = canvas.getContext('2d');
      if (g === null) return;
      g.setTransform(ratio, 0, 0, ratio, 0, 0);
      drawScene(
        g,
        {
          rows: state.rows,
          tops: state.tops,
          scrollTop: timeline.scrollTop,
          view: viewOf(),
          height: h,
          first: data.first,
          ...(state.cursor === undefined ? {} : { cursor: state.cursor }),
          ...(state.second === undefined ? {} : { second: state.second }),
          ...(state.selected === undefined ? {} : { selected: state.selected.uid }),
          open: state.open,
        },
        w,
        bands,
      );
      drawPlots();
      if (panelsDue) panels();
    });
  };
  let panelsDue = false;

  const drawPlots = (): void => {
    const pod = state.selected;
    const [mem, restarts] = [$<HTMLCanvasElement>('p-mem'), $<HTMLCanvasElement>('p-restarts')];
    const width = Math.max(200, $('side').clientWidth - 28);
    const v: View = { start: state.view.start, end: state.view.end, left: 70, width: width - 80 };
    mem.style.display = pod !== undefined && pod.memory.some((m) => m.samples.length > 0) ? 'block' : 'none';
    restarts.style.display = pod !== undefined && restarted(pod, strings) ? 'block' : 'none';
    if (pod === undefined) return;
    if (mem.style.display === 'block') drawMemory(mem, pod, v, width);
    if (restarts.style.display === 'block') drawRestarts(restarts, pod, v, width, restartSegments(pod, strings, bands.pod(pod)));
  };

  const panels = (): void => {
    panelsDue = false;
    const t = state.cursor;
    if (t === undefined) {
      $('getpods-title').innerHTML = 'cursor A: click anywhere on the lanes';
      $('getpods').textContent = '';
      $('getpods-err').textContent = '';
    } else {
      const flags = `${state.namespace === undefined ? ' -A' : state.namespace === 'default' ? '' : ` -n ${state.namespace}`}${state.selector.length === 0 ? '' : ` -l ${($<HTMLInputElement>('f-sel')).value.trim()}`}`;
      $('getpods-title').innerHTML = `cursor A <code>podj get pods${escape(data.names.map((n) => ` ${n}`).join(''))}${escape(flags)} --at ${iso(t)}</code> (${offsetText(t, data.first)})${state.name === '' ? '' : `, names containing “${escape(state.name)}”`}`;
      const printed = getPodsAt(data.pods, scope(), data.names, t, strings, everyPod);
      $('getpods').textContent = printed.stdout;
      $('getpods-err').textContent = printed.stderr;
    }
    const pod = state.selected;
    const [a, b] = [state.cursor, state.second];
    if (a !== undefined && b !== undefined) {
      $('diff-title').innerHTML = `between A and B <code>${iso(Math.min(a, b))}</code> → <code>${iso(Math.max(a, b))}</code>${pod === undefined ? '' : `, pod ${escape(pod.name)}`}`;
      $('diff').textContent = diffBetween(pod === undefined ? shownPods() : [pod], scope(), a, b, strings);
    } else if (state.pinned !== undefined) {
      $('diff-title').textContent = 'event';
      $('diff').textContent = tooltipAt.markerText(state.pinned, strings);
    } else {
      $('diff-title').innerHTML =
        pod === undefined ? 'click a pod name for its plots; shift-click the lanes for cursor B' : `pod ${escape(pod.namespace)}/${escape(pod.name)}: its causes`;
      $('diff').textContent = pod === undefined ? '' : causesTable(pod.markers, strings);
    }
  };

  const refresh = (): void => {
    panels();
    draw();
  };

  const clampView = (start: number, end: number): void => {
    const minSpan = 1000;
    if (end - start < minSpan) [start, end] = [(start + end) / 2 - minSpan / 2, (start + end) / 2 + minSpan / 2];
    state.view = { start, end };
  };

  const zoom = (factor: number, around: number): void => {
    const { start, end } = state.view;
    clampView(around - (around - start) * factor, around + (end - around) * factor);
    draw();
  };

  const pan = (fraction: number): void => {
    const d = (state.view.end - state.view.start) * fraction;
    clampView(state.view.start + d, state.view.end + d);
    draw();
  };

  const rowAtEvent = (ev: MouseEvent): { row: Row | undefined; x: number; y: number } => {
    const r = canvas.getBoundingClientRect();
    const [x, y] = [ev.clientX - r.left, ev.clientY - r.top];
    if (y < AXIS_HEIGHT) return { row: undefined, x, y };
    const i = rowAtY(state.tops, y - AXIS_HEIGHT + timeline.scrollTop);
    const inside = y - AXIS_HEIGHT + timeline.scrollTop < (state.tops[state.tops.length - 1] ?? 0);
    return { row: inside ? state.rows[i] : undefined, x, y };
  };

  const select = (pod: PodLane): void => {
    state.selected = pod;
    state.pinned = undefined;
  };

  let dragging = false;
  canvas.addEventListener('mousedown', (ev) => {
    const { row, x } = rowAtEvent(ev);
    if (x < gutter) {
      if (row !== undefined && row.kind !== 'node') {
        if (state.open.has(row.pod.uid) && state.selected === row.pod) state.open.delete(row.pod.uid);
        else state.open.add(row.pod.uid);
        select(row.pod);
        relayout();
      }
      refresh();
      return;
    }
    const t = Math.round(timeOf(viewOf(), x));
    const hit = tooltipAt.marker(row, viewOf(), x);
    if (hit !== undefined && !ev.shiftKey) state.pinned = hit;
    if (row !== undefined && row.kind !== 'node') state.selected = row.pod;
    if (ev.shiftKey) state.second = t;
    else {
      state.cursor = t;
      dragging = true;
    }
    refresh();
  });
  window.addEventListener('mouseup', () => {
    dragging = false;
  });
  canvas.addEventListener('mousemove', (ev) => {
    const { row, x } = rowAtEvent(ev);
    if (dragging && x >= gutter) {
      state.cursor = Math.round(timeOf(viewOf(), x));
      // While dragging, the panels follow once per frame, not once per mouse event.
      panelsDue = true;
      draw();
    }
    const text = x >= gutter ? tooltipAt.text(row, viewOf(), x, bands, strings, data.to) : tooltipAt.name(row, state.cursor ?? data.to);
    if (text === undefined) tooltip.style.display = 'none';
    else {
      tooltip.textContent = text;
      tooltip.style.display = 'block';
      tooltip.style.left = `${Math.min(window.innerWidth - 470, ev.clientX + 14)}px`;
      tooltip.style.top = `${ev.clientY + 16}px`;
    }
  });
  canvas.addEventListener('mouseleave', () => {
    tooltip.style.display = 'none';
  });
  timeline.addEventListener(
    'wheel',
    (ev) => {
      const r = canvas.getBoundingClientRect();
      const x = ev.clientX - r.left;
      if (ev.ctrlKey || ev.metaKey || ev.altKey) {
        ev.preventDefault();
        zoom(ev.deltaY > 0 ? 1.25 : 0.8, x >= gutter ? timeOf(viewOf(), x) : (state.view.start + state.view.end) / 2);
      } else if (ev.shiftKey || Math.abs(ev.deltaX) > Math.abs(ev.deltaY)) {
        ev.preventDefault();
        pan(((ev.deltaX || ev.deltaY) > 0 ? 1 : -1) * 0.08);
      }
    },
    { passive: false },
  );
  timeline.addEventListener('scroll', draw);
  window.addEventListener('resize', () => {
    relayout();
    fitGutter();
    draw();
  });

  const changeInstants = (): number[] => {
    const pods = state.selected === undefined ? shownPods() : [state.selected];
    return [...new Set(pods.flatMap((p) => p.steps.map((s) => s.at)))].sort((x, y) => x - y);
  };

  const keys: Record<string, () => void> = {
    '+': () => zoom(0.7, state.cursor ?? (state.view.start + state.view.end) / 2),
    '=': () => zoom(0.7, state.cursor ?? (state.view.start + state.view.end) / 2),
    '-': () => zoom(1 / 0.7, state.cursor ?? (state.view.start + state.view.end) / 2),
    '0': () => {
      state.view = { start: data.from - span * 0.01, end: data.to + span * 0.02 };
      draw();
    },
    ArrowLeft: () => pan(-0.1),
    ArrowRight: () => pan(0.1),
    ']': () => {
      const next = changeInstants().find((t) => t > (state.cursor ?? Number.NEGATIVE_INFINITY));
      if (next !== undefined) state.cursor = next;
      refresh();
    },
    '[': () => {
      const prev = changeInstants().filter((t) => t < (state.cursor ?? Number.POSITIVE_INFINITY)).pop();
      if (prev !== undefined) state.cursor = prev;
      refresh();
    },
    e: () => {
      // Opens every pod shown (the first 500) unless all are open already: the pod opened at the start must not
      // turn "open all" into "close all".
      const pods = shownPods().slice(0, 500);
      if (allOpen(pods)) state.open.clear();
      else for (const p of pods) state.open.add(p.uid);
      relayout();
      refresh();
    },
    '/': () => $<HTMLInputElement>('f-name').focus(),
    Escape: () => {
      state.second = undefined;
      state.pinned = undefined;
      help.style.display = 'none';
      refresh();
    },
    '?': () => {
      help.style.display = help.style.display === 'flex' ? 'none' : 'flex';
    },
  };
  document.addEventListener('keydown', (ev) => {
    // Ctrl, Cmd or Alt with a key is the browser's (ctrl + 0 resets its zoom, ctrl + - zooms out): not the page's keys.
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const typing = ev.target instanceof HTMLInputElement || ev.target instanceof HTMLSelectElement;
    if (typing && ev.key !== 'Escape') return;
    if (typing) (ev.target as HTMLElement).blur();
    const action = keys[ev.key];
    if (action === undefined) return;
    ev.preventDefault();
    action();
  });
  help.addEventListener('click', () => {
    help.style.display = 'none';
  });

  const applyFilters = (): void => {
    const ns = document.getElementById('f-ns') as HTMLSelectElement | null;
    if (ns !== null) state.namespace = ns.value === '' ? undefined : ns.value;
    state.name = $<HTMLInputElement>('f-name').value.trim();
    const sel = $<HTMLInputElement>('f-sel');
    const parsed = parseSelector(sel.value.trim());
    sel.classList.toggle('bad', E.isLeft(parsed));
    sel.title = E.isLeft(parsed) ? parsed.left : '';
    if (E.isRight(parsed)) state.selector = parsed.right;
    if (state.selected !== undefined && !shownPods().includes(state.selected)) state.selected = undefined;
    relayout();
    refresh();
  };
  for (const id of ['f-ns', 'f-name', 'f-sel']) document.getElementById(id)?.addEventListener('input', applyFilters);
  $('b-open').addEventListener('click', () => keys['e']?.());
  $('b-reset').addEventListener('click', () => keys['0']?.());
  $('b-help').addEventListener('click', () => keys['?']?.());

  // Open on the pod with the most to show, with cursor A where the incident is worst.
  const pods = shownPods();
  const interesting = [...pods].sort((a, b) => b.markers.length - a.markers.length)[0];
  if (interesting !== undefined) {
    state.selected = interesting;
    if (pods.length <= 20) state.open.add(interesting.uid);
  }
  applyFilters();
  fitGutter();
  state.cursor = data.to;

  /** What the browser tests read and drive: the same state a person sees. */
  const api = {
    lanes: () =>
      shownPods().map((p) => ({
        pod: `${p.namespace}/${p.name}`,
        uid: p.uid,
        bands: bands.pod(p).map((b) => ({ from: b.from, to: b.to, label: b.label, category: b.category })),
        inferred: inferredSpans(p, bands.pod(p)),
        restarts: restartSegments(p, strings, bands.pod(p)),
        backoffs: p.backoffs.map((b) => ({ from: b.from, until: b.until, image: b.image, inferred: b.inferred === true })),
        containers: p.containers.map((c) => ({ name: c.name, kind: c.kind, bands: bands.container(p, c.name).map((b) => ({ from: b.from, to: b.to, label: b.label })) })),
        markers: p.markers.map((m) => ({ at: m.at, kind: m.kind, seq: m.cause.seq, inferred: m.cause.inferred === true })),
        /** The pod lane's markers drawn as groups at the present view: each group's first and last instant and count. */
        groups: markerDrawings(markersOnScreen(p.markers, viewOf()), (t) => xOf(viewOf(), t), MARKER_RADIUS.pod).flatMap((d) =>
          d.kind === 'group' ? [{ from: d.markers[0]?.at, to: d.markers[d.markers.length - 1]?.at, count: d.markers.length }] : [],
        ),
      })),
    rows: () => state.rows.map((r) => (r.kind === 'node' ? `node ${r.name}` : r.kind === 'pod' ? `pod ${r.pod.namespace}/${r.pod.name}` : `container ${r.pod.name}/${r.name}`)),
    setCursor: (t: number) => {
      state.cursor = t;
      refresh();
    },
    setSecond: (t: number | undefined) => {
      state.second = t;
      refresh();
    },
    taints: (node: string) => {
      const lane = data.nodes.find((n) => n.name === node);
      return lane === undefined ? [] : taintsAt(lane, state.cursor ?? data.to);
    },
    select: (name: string) => {
      state.selected = data.pods.find((p) => p.name === name);
      refresh();
    },
    /** The names' column's width, pixels: where the lanes begin. */
    gutter: () => gutter,
    /** The instants the lanes show, left to right edge, and the pixels they are drawn between. */
    view: () => viewOf(),
    first: data.first,
    last: data.last,
  };
  Object.assign(window, { podjReport: api });
  refresh();
  document.body.dataset['ready'] = 'true';
};

const source = document.getElementById('podj-data')?.textContent ?? '';
try {
  const decoded = ReportData.decode(JSON.parse(source));
  if (E.isLeft(decoded)) fail(`the embedded data does not match the report format: ${formatErrors(decoded.left)}`);
  else start(decoded.right);
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
