/**
 * `podj report` in a real browser (Debian's Chromium): the page opened from disk draws what `podj timeline`
 * says, its cursor panel prints what `podj get pods --at` prints, its filters work, it asks the network for
 * nothing and logs no error. With PODJ_UPDATE_SCREENSHOT=1 it also writes docs/report.png, the README's
 * screenshot; otherwise the screenshot goes to the test's folder, so a test run never changes a tracked file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../cli/podj.js';
import { launchChromium, type Browser } from '../support/chromium.js';

const BIN = join(REPO, 'dist/podj/bin.js');

interface Opened {
  readonly page: Page;
  readonly podj: (...args: string[]) => { code: number | null; stdout: string; stderr: string };
  readonly requests: string[];
  readonly problems: string[];
  readonly url: string;
  /** The folder holding the journal and the report. */
  readonly dir: string;
}

interface PageLane {
  readonly pod: string;
  readonly bands: { from: number; to: number; label: string }[];
  /** The hatched spans: the row rests on facts an import inferred since the pod's last capture. */
  readonly inferred: { from: number; to: number }[];
  readonly containers: { name: string; bands: { from: number; to: number; label: string }[] }[];
  readonly markers: { at: number; kind: string; seq: number; inferred: boolean }[];
  /** The restarts plot's line: the RESTARTS column, each stretch inferred or recorded. */
  readonly restarts: { from: number; to: number; restarts: number; inferred: boolean }[];
  readonly backoffs: { from: number; until: number; image: boolean; inferred: boolean }[];
  /** The pod lane's markers drawn as groups at the present view: too dense to tell apart. */
  readonly groups: { from: number; to: number; count: number }[];
}

interface TimelineJson {
  readonly at: string;
  readonly seq: number;
  readonly changes: { field: string; from?: string; to?: string }[];
}

let browser: Browser;
const dirs: string[] = [];
const pages: Page[] = [];

/** A text the page drew on its timeline canvas: where (CSS pixels, left end and baseline) and how wide. */
interface Drawn {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
}

/**
 * Records each text drawn on a canvas, with its measured width, as `canvas.drawn`; the frame's first clearRect
 * of the whole canvas starts a new list. What a person sees on the canvas, which the DOM does not hold. (A
 * script's text: these tests are type-checked without the DOM's types.)
 */
const recordDrawnTexts = `(() => {
  const proto = CanvasRenderingContext2D.prototype;
  const [fillText, clearRect] = [proto.fillText, proto.clearRect];
  proto.fillText = function (text, x, y, ...rest) {
    (this.canvas.drawn ??= []).push({ text, x, y, width: this.measureText(text).width });
    return fillText.call(this, text, x, y, ...rest);
  };
  proto.clearRect = function (x, y, ...rest) {
    if (x === 0 && y === 0) this.canvas.drawn = [];
    return clearRect.call(this, x, y, ...rest);
  };
})()`;

beforeAll(async () => {
  browser = await launchChromium();
  await browser.context.addInitScript({ content: recordDrawnTexts });
});

afterAll(async () => {
  for (const p of pages) await p.close();
  await browser?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Fills a journal from a sample (replayed) or real files (imported), writes its report with `reportArgs`, opens it from disk. */
const open = async (sample: string | readonly string[], ...reportArgs: string[]): Promise<Opened> => {
  const dir = mkdtempSync(join(tmpdir(), 'podj-report-'));
  dirs.push(dir);
  const podj = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, '--journal', join(dir, 'journal'), ...args], { cwd: dir, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const filled = typeof sample === 'string' ? podj('replay', join(REPO, 'journal', `${sample}.yaml`)) : podj('import', ...sample.map((f) => resolve(REPO, f)));
  expect(filled.code).toBe(0);
  const made = podj('report', '--out', 'report.html', ...reportArgs);
  expect(made.stderr).toBe('');
  expect(made.code).toBe(0);
  const page = await browser.context.newPage();
  pages.push(page);
  const url = pathToFileURL(join(dir, 'report.html')).href;
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  await page.goto(url);
  await page.waitForSelector('body[data-ready=true]', { timeout: 20_000 });
  return { page, podj, requests, problems, url, dir };
};

/** The texts of a canvas's last frame (the timeline's, or a plot's: `#p-mem`), once it is drawn. */
const drawnTexts = async (page: Page, canvas = '#timeline canvas'): Promise<Drawn[]> => {
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
  return page.evaluate(`document.querySelector(${JSON.stringify(canvas)}).drawn ?? []`) as Promise<Drawn[]>;
};

const lanesOf = (page: Page): Promise<PageLane[]> => page.evaluate(() => (globalThis as unknown as { podjReport: { lanes: () => PageLane[] } }).podjReport.lanes());

const setCursor = (page: Page, t: number): Promise<void> =>
  page.evaluate((at) => (globalThis as unknown as { podjReport: { setCursor: (t: number) => void } }).podjReport.setCursor(at), t);

const panel = async (page: Page): Promise<{ stdout: string; stderr: string }> => ({
  stdout: (await page.textContent('#getpods')) ?? '',
  stderr: (await page.textContent('#getpods-err')) ?? '',
});

/** The STATUS/READY bands and each container's states as `podj timeline -o json` has them. */
const expectedFromTimeline = (entries: readonly TimelineJson[]) => {
  let [status, ready] = [undefined as string | undefined, undefined as string | undefined];
  const bands: { from: number; label: string }[] = [];
  const states = new Map<string, { at: number; state: string | undefined }[]>();
  for (const e of entries) {
    const at = Date.parse(e.at);
    for (const c of e.changes) {
      if (c.field === 'STATUS') status = c.to;
      if (c.field === 'READY') ready = c.to;
      const container = /^(.*)\.state$/.exec(c.field)?.[1];
      if (container !== undefined) {
        const list = states.get(container) ?? [];
        if (list[list.length - 1]?.at === at) list.pop();
        if (list[list.length - 1]?.state !== c.to) list.push({ at, state: c.to });
        states.set(container, list);
      }
    }
    const label = status === undefined ? undefined : `${status} ${ready}`;
    const open = bands[bands.length - 1];
    // A state replaced at the instant it began was never on screen: the page draws no band for it.
    if (open?.from === at) bands.pop();
    if (label !== undefined && bands[bands.length - 1]?.label !== label) bands.push({ from: at, label });
  }
  return { bands, states };
};

/** A page lane's container bands as states only (readiness split off), consecutive repeats merged. */
const pageStates = (bands: readonly { from: number; to: number; label: string }[]): { at: number; state: string | undefined }[] => {
  const out: { at: number; state: string | undefined }[] = [];
  bands.forEach((b, i) => {
    const state = b.label.replace(/, (not )?ready$/, '');
    if (out[out.length - 1]?.state !== state || (i > 0 && bands[i - 1]?.to !== b.from)) out.push({ at: b.from, state });
  });
  return out;
};

/** Instants worth checking: the start, every change and a millisecond before it, a moment in between, the end. */
const instantsOf = (lanes: readonly PageLane[], first: number, last: number): number[] => {
  const changes = [...new Set(lanes.flatMap((l) => l.bands.map((b) => b.from)))].sort((a, b) => a - b);
  const picked = changes.filter((_, i) => i % Math.max(1, Math.floor(changes.length / 3)) === 0);
  return [...new Set([first - 1000, ...picked.flatMap((t) => [t - 1, t + 7_500]), last])].sort((a, b) => a - b);
};

const iso = (t: number): string => new Date(t).toISOString();

// Each check runs the CLI a few times: on a busy two-core machine one run takes a second or two.
describe('podj report in Chromium', { timeout: 180_000 }, () => {
  it('draws crashloop-memleak as podj timeline says, its cursor prints podj get pods --at, and takes the README screenshot', async () => {
    const { page, podj, requests, problems, url, dir } = await open('crashloop-memleak');
    const lanes = await lanesOf(page);
    expect(lanes.map((l) => l.pod)).toEqual(['default/memleak-pod']);
    for (const lane of lanes) {
      const [namespace, name] = lane.pod.split('/') as [string, string];
      const timeline = podj('timeline', 'pod', name, '-n', namespace, '-o', 'json');
      expect(timeline.code).toBe(0);
      const expected = expectedFromTimeline(JSON.parse(timeline.stdout) as TimelineJson[]);
      expect(lane.bands.map((b) => ({ from: b.from, label: b.label }))).toEqual(expected.bands);
      expect(lane.bands.some((b) => b.label.startsWith('CrashLoopBackOff'))).toBe(true);
      for (const c of lane.containers) expect(pageStates(c.bands)).toEqual(expected.states.get(c.name) ?? []);
      expect(lane.markers.map((m) => m.kind)).toEqual(expect.arrayContaining(['exit', 'backoff']));
    }
    const { first, last } = await page.evaluate(() => (globalThis as unknown as { podjReport: { first: number; last: number } }).podjReport);
    for (const t of instantsOf(lanes, first, last)) {
      await setCursor(page, t);
      const cli = podj('get', 'pods', '--at', iso(t));
      // The CLI warns about an --at outside the journal (first - 1 s here); the panel answers the same table.
      const stderr = cli.stderr.replace(/^warning: --at .*\n/, '');
      expect({ at: iso(t), ...(await panel(page)) }).toEqual({ at: iso(t), stdout: cli.stdout, stderr });
    }
    // The selected pod's plots: memory against its limit (it sampled usage) and restarts with back-off.
    expect(await page.isVisible('#p-mem')).toBe(true);
    expect(await page.isVisible('#p-restarts')).toBe(true);
    await page.screenshot({ path: join(process.env.PODJ_UPDATE_SCREENSHOT === '1' ? join(REPO, 'docs') : dir, 'report.png') });
    expect(requests).toEqual([url]);
    expect(problems).toEqual([]);
  });

  it('tells in a tooltip how long a state held as kubectl prints ages, and a state held at the end since when, no instant past it', async () => {
    const { page, problems } = await open('crashloop-memleak');
    const box = await page.locator('#timeline canvas').boundingBox();
    if (box === null) throw new Error('no timeline canvas');
    const { last } = await page.evaluate(() => (globalThis as unknown as { podjReport: { last: number } }).podjReport);
    const tooltipAt = async (fraction: number, y: number): Promise<string> => {
      await page.mouse.move(box.x + box.width * fraction, box.y + y);
      return (await page.textContent('#tooltip')) ?? '';
    };
    // The pod's lane: the first height under the node's lane where the tooltip names the pod.
    let laneY = 40;
    while (laneY < 200 && !(await tooltipAt(0.5, laneY)).startsWith('pod ')) laneY += 4;
    const tooltip = (fraction: number): Promise<string> => tooltipAt(fraction, laneY);
    // Past the last event, in the margin the last state is drawn into.
    const held = await tooltip(1 - 20 / box.width);
    expect(held).toMatch(/^pod default\/memleak-pod: STATUS READY /);
    expect(held).toMatch(/\nsince \S+ \((\d+[smhd])+ at \S+, the report's end\)$/);
    for (const [instant] of held.matchAll(/\d{4}-\d\d-\d\dT[\d:.]+Z/g)) expect(Date.parse(instant)).toBeLessThanOrEqual(last);
    // A state that ended: from, to, and its length as kubectl's HumanDuration (2m30s, not 150 s).
    let ended = '';
    for (let f = 0.2; f < 0.9 && !(ended.startsWith('pod ') && ended.includes('→')); f += 0.01) ended = await tooltip(f);
    expect(ended).toMatch(/\n\S+ → \S+ \((\d+[smhd])+\)$/);
    expect(problems).toEqual([]);
  });

  it('places cursor A where the mouse clicks, and B with shift-click shows what changed between them', async () => {
    const { page, podj, problems } = await open('crashloop-memleak');
    const box = await page.locator('#timeline canvas').boundingBox();
    if (box === null) throw new Error('no timeline canvas');
    await page.mouse.click(box.x + box.width * 0.45, box.y + 60);
    const title = (await page.textContent('#getpods-title')) ?? '';
    const at = /--at (\S+)/.exec(title)?.[1];
    expect(at).toBeDefined();
    const cliA = podj('get', 'pods', '--at', at ?? '');
    expect(await panel(page)).toEqual({ stdout: cliA.stdout, stderr: cliA.stderr });
    await page.keyboard.down('Shift');
    await page.mouse.click(box.x + box.width * 0.95, box.y + 60);
    await page.keyboard.up('Shift');
    const diff = (await page.textContent('#diff')) ?? '';
    const b = /→ ([^\s,]+)/.exec((await page.textContent('#diff-title')) ?? '')?.[1] ?? '';
    const statusAt = (t: string): string => podj('get', 'pods', '--at', t).stdout.split('\n')[1]?.split(/\s+/)[2] ?? '';
    const [before, after] = [statusAt(at ?? ''), statusAt(b)];
    if (before !== after) expect(diff).toContain(`STATUS: ${before} → ${after}`);
    expect(diff).toContain(`pod/default/memleak-pod from ${at} to ${b}`);
    expect(diff).toMatch(/Causes:\n\s*SEQ\s+AT\s+EVENT\s+DETAILS\n/);

    // Dragging moves cursor A; `]` steps it to the next change; Esc drops B; `?` shows the keys.
    const cursorAt = async (): Promise<string> => /--at (\S+)/.exec((await page.textContent('#getpods-title')) ?? '')?.[1] ?? '';
    await page.mouse.move(box.x + box.width * 0.3, box.y + 60);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + 60, { steps: 5 });
    await page.mouse.up();
    const dragged = await cursorAt();
    expect(Date.parse(dragged)).toBeGreaterThan(Date.parse(at ?? ''));
    await page.keyboard.press(']');
    const stepped = await cursorAt();
    expect(Date.parse(stepped)).toBeGreaterThan(Date.parse(dragged));
    const entries = JSON.parse(podj('timeline', 'pod', 'memleak-pod', '-o', 'json').stdout) as TimelineJson[];
    expect(entries.find((e) => Date.parse(e.at) > Date.parse(dragged))?.at).toBe(stepped);
    const cliStep = podj('get', 'pods', '--at', stepped);
    expect(await panel(page)).toEqual({ stdout: cliStep.stdout, stderr: cliStep.stderr });
    await page.keyboard.press('Escape');
    expect(await page.textContent('#diff-title')).not.toContain('between A and B');
    await page.keyboard.press('?');
    expect(await page.isVisible('#help')).toBe(true);
    expect(problems).toEqual([]);
  });

  it('filters by namespace and label selector as get pods -n and -l do, labels as they were at the cursor', async () => {
    const { page, podj, problems } = await open('pod-demo-labels', '-A');
    const lanes = await lanesOf(page);
    const { first, last } = await page.evaluate(() => (globalThis as unknown as { podjReport: { first: number; last: number } }).podjReport);
    await page.selectOption('#f-ns', 'prod');
    const cases: [string[], string][] = [
      [['-n', 'prod'], ''],
      [['-n', 'prod', '-l', 'tier=frontend'], 'tier=frontend'],
      [['-n', 'prod', '-l', 'app in (myapp),!rel'], 'app in (myapp),!rel'],
    ];
    for (const [flags, selector] of cases) {
      await page.fill('#f-sel', selector);
      for (const t of selector === '' ? [first + 30_000, last] : [first + 90_000, first + 210_000]) {
        await setCursor(page, t);
        const cli = podj('get', 'pods', ...flags, '--at', iso(t));
        expect({ flags, at: iso(t), ...(await panel(page)) }).toEqual({ flags, at: iso(t), stdout: cli.stdout, stderr: cli.stderr });
      }
    }
    await page.fill('#f-sel', '');
    await page.selectOption('#f-ns', '');
    await setCursor(page, last);
    const cli = podj('get', 'pods', '-A', '--at', iso(last));
    expect(await panel(page)).toEqual({ stdout: cli.stdout, stderr: cli.stderr });
    expect(lanes.map((l) => l.pod)).toEqual(['prod/pod-demo']);
    expect(problems).toEqual([]);
  });

  it('filters lanes by name, opens a pod into its init containers, and keeps the panel equal to the CLI', async () => {
    const { page, podj, problems } = await open('init-containers');
    const rows = (): Promise<string[]> => page.evaluate(() => (globalThis as unknown as { podjReport: { rows: () => string[] } }).podjReport.rows());
    const lanes = await lanesOf(page);
    const pod = lanes[0];
    if (pod === undefined) throw new Error('no lane');
    expect(pod.containers.map((c) => c.name).length).toBeGreaterThan(1);
    const name = pod.pod.split('/')[1] ?? '';
    const timeline = podj('timeline', 'pod', name, '-o', 'json');
    const expected = expectedFromTimeline(JSON.parse(timeline.stdout) as TimelineJson[]);
    expect(pod.bands.map((b) => ({ from: b.from, label: b.label }))).toEqual(expected.bands);
    expect(pod.bands.map((b) => b.label.split(' ')[0])).toEqual(expect.arrayContaining(['Init:0/2', 'Init:1/2', 'PodInitializing']));
    for (const c of pod.containers) expect(pageStates(c.bands)).toEqual(expected.states.get(c.name) ?? []);
    expect((await rows()).filter((r) => r.startsWith('container '))).toEqual(pod.containers.map((c) => `container ${name}/${c.name}`));
    await page.fill('#f-name', 'no-such-pod');
    expect((await rows()).filter((r) => r.startsWith('pod '))).toEqual([]);
    await setCursor(page, pod.bands[1]?.from ?? 0);
    const none = podj('get', 'pods', 'no-such-pod', '--at', iso(pod.bands[1]?.from ?? 0));
    expect(none.stdout).toBe('');
    expect((await panel(page)).stdout).toBe('');
    await page.fill('#f-name', name.slice(0, 4));
    expect((await rows()).filter((r) => r.startsWith('pod '))).toEqual([`pod ${pod.pod}`]);
    for (const band of pod.bands.slice(1, 3)) {
      await setCursor(page, band.from);
      const cli = podj('get', 'pods', '--at', iso(band.from));
      expect(await panel(page)).toEqual({ stdout: cli.stdout, stderr: cli.stderr });
    }
    expect(problems).toEqual([]);
  });

  it('marks the events an import inferred as inferred (their provenance says so), and only those', async () => {
    const real = ['test/fixtures/real/crash-loop-pods.json', 'test/fixtures/real/crash-loop-events.json'];
    const { page, podj, problems } = await open(real, '-A');
    const events = podj('events', '-o', 'jsonl').stdout.trim().split('\n').map((l) => JSON.parse(l) as { seq: number; event: { type: string; from?: { inferred?: boolean } } });
    const inferred = new Set(events.filter((r) => r.event.from?.inferred === true).map((r) => r.seq));
    const markers = (await lanesOf(page)).flatMap((l) => l.markers);
    const markedInferred = markers.filter((m) => m.inferred);
    // Inferred exits and inferred starts both lie on the lanes: a crash loop's earlier runs were not recorded.
    const kinds = new Set(markedInferred.map((m) => events.find((r) => r.seq === m.seq)?.event.type));
    expect(kinds).toContain('ContainerExited');
    expect(markedInferred.every((m) => inferred.has(m.seq))).toBe(true);
    expect(markers.filter((m) => !m.inferred).every((m) => !inferred.has(m.seq))).toBe(true);
    expect(markers.some((m) => !m.inferred)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('draws the restarts plot dashed and the back-off windows hatched exactly where the import inferred them', async () => {
    const real = ['test/fixtures/real/crash-loop-pods.json', 'test/fixtures/real/crash-loop-events.json'];
    const { page, podj, problems } = await open(real, '-A');
    const [lane] = await lanesOf(page);
    const segments = (lane?.restarts ?? []).filter((s) => s.to - s.from >= 2);
    expect(segments.some((s) => s.inferred)).toBe(true);
    expect(segments.some((s) => !s.inferred)).toBe(true);
    // Each stretch as get pods --at prints it in its middle: the RESTARTS count, and the note iff dashed.
    const picked = [...segments.filter((s) => s.inferred).slice(0, 3), ...segments.filter((s) => !s.inferred).slice(-3)];
    for (const s of picked) {
      const t = Math.floor((s.from + s.to) / 2);
      const cli = podj('get', 'pods', '-A', '--at', iso(t));
      const restarts = Number(/flaky-worker\S*\s+\S+\s+\S+\s+(\d+)/.exec(cli.stdout)?.[1]);
      expect({ t: iso(t), restarts, noted: /^note: inferred on import/m.test(cli.stderr) }).toEqual({ t: iso(t), restarts: s.restarts, noted: s.inferred });
    }
    // A back-off window is hatched iff its event was inferred (its marker says the same).
    const backoffs = lane?.backoffs ?? [];
    expect(backoffs.some((b) => b.inferred)).toBe(true);
    expect(backoffs.some((b) => !b.inferred)).toBe(true);
    for (const b of backoffs) expect(lane?.markers.find((m) => m.kind === 'backoff' && m.at === b.from)?.inferred).toBe(b.inferred);
    expect(problems).toEqual([]);
  });

  it("prints get pods --at's notes under the cursor table: rows resting on placed runs, pods known only from their Events", async () => {
    const { page, podj, problems } = await open(['test/fixtures/real/crash-loop-pods.json', 'test/fixtures/real/k8shark-auto-discovery-events-v1.json'], '-A');
    const instants = [
      ...new Set(
        podj('events', '-o', 'jsonl')
          .stdout.trim()
          .split('\n')
          .map((l) => Date.parse((JSON.parse(l) as { event: { at: string } }).event.at)),
      ),
    ].sort((a, b) => a - b);
    // The first instant, a few inside the crash loop's placed waits, and the captures at the end.
    const picked = [...new Set([...instants.filter((_, i) => i % Math.max(1, Math.floor(instants.length / 6)) === 0), ...instants.slice(-2)])];
    const stderrs: string[] = [];
    for (const t of picked) {
      await setCursor(page, t);
      const cli = podj('get', 'pods', '-A', '--at', iso(t));
      expect({ t: iso(t), ...(await panel(page)) }).toEqual({ t: iso(t), stdout: cli.stdout, stderr: cli.stderr });
      stderrs.push(cli.stderr);
    }
    // Both notes were seen, and the page shows them.
    expect(stderrs.some((e) => /^note: inferred on import .*crash-demo\/flaky-worker/m.test(e))).toBe(true);
    expect(stderrs.some((e) => /^note: known only from their Events .*auto-demo\//m.test(e))).toBe(true);
    expect(await page.isVisible('#getpods-err')).toBe(true);
    // A note is read whole in the panel, wrapped, not cut at its edge behind a scroll bar.
    const noted = picked[stderrs.findIndex((e) => e.includes('known only from their Events'))] ?? 0;
    await setCursor(page, noted);
    const fits = await page.$eval('#getpods-err', (e) => e.textContent !== '' && e.scrollWidth <= e.clientWidth);
    expect(fits).toBe(true);
    expect(problems).toEqual([]);
  });

  it("hatches a lane where its row rests on inferred facts, exactly where get pods --at notes the pod, and names the hatch in the legend", async () => {
    const { page, podj, problems } = await open(['test/fixtures/real/crash-loop-pods.json'], '-A');
    const [lane] = await lanesOf(page);
    const spans = lane?.inferred ?? [];
    expect(spans.length).toBeGreaterThan(0);
    const noted = (t: number): boolean => /^note: inferred on import .*crash-demo\/flaky-worker/m.test(podj('get', 'pods', '-A', '--at', iso(t)).stderr);
    for (const span of spans.slice(0, 3)) {
      expect(noted(span.from), iso(span.from)).toBe(true);
      expect(noted(Math.floor((span.from + span.to) / 2)), iso(span.from)).toBe(true);
    }
    // At the capture that ends the journal the row is what the cluster showed: not noted, and no span reaches it.
    const end = lane?.bands.at(-1)?.to ?? 0;
    expect(noted(end)).toBe(false);
    expect(spans.every((s) => s.to <= end && !(s.from <= end && end < s.to))).toBe(true);
    expect(await page.textContent('#legend')).toMatch(/hatched: inferred on import/);
    expect(problems).toEqual([]);
  });

  it("answers get pods --at on a real rolling update's import: pods created, deleted and removed, at each instant it changed", async () => {
    const real = ['test/fixtures/real/rolling-update-pods.watch.jsonl', 'test/fixtures/real/rolling-update-events.json'];
    const { page, podj, problems } = await open(real, '-A');
    const changes = [...new Set((await lanesOf(page)).flatMap((l) => l.bands.flatMap((b) => [b.from, b.to])))].sort((a, b) => a - b);
    expect(changes.length).toBeGreaterThan(4);
    const outputs = new Set<string>();
    for (const t of [...new Set(changes.flatMap((c) => [c - 1, c]))]) {
      await setCursor(page, t);
      const cli = podj('get', 'pods', '-A', '--at', iso(t));
      const stderr = cli.stderr.replace(/^warning: --at .*\n/, '');
      expect({ t: iso(t), ...(await panel(page)) }).toEqual({ t: iso(t), stdout: cli.stdout, stderr });
      outputs.add(cli.stdout.replace(/\S+\n/g, '\n'));
    }
    // Old pods Terminating, then gone; new ones Running: the instants were not all alike.
    expect(outputs.size).toBeGreaterThan(3);
    expect(problems).toEqual([]);
  });

  it('hatches a pod known only from its Events over its whole life, and notes it only until a later import captures it', async () => {
    const { page, podj, problems } = await open(['test/fixtures/real/k8shark-auto-discovery-events-v1.json'], '-A');
    const [alone] = await lanesOf(page);
    const bands = alone?.bands ?? [];
    expect(bands.length).toBeGreaterThan(0);
    // Every row of it is what its Events say: no part of the lane may look recorded.
    expect(alone?.inferred).toEqual([{ from: bands[0]?.from, to: bands.at(-1)?.to }]);
    // The pod list captures the pod, in a second import: from then on get pods --at prints no note, nor does the page.
    expect(podj('import', join(REPO, 'test/fixtures/real/k8shark-auto-discovery-pods.json')).code).toBe(0);
    expect(podj('report', '--out', 'report.html', '-A').code).toBe(0);
    await page.reload();
    await page.waitForSelector('body[data-ready=true]', { timeout: 20_000 });
    const [captured] = await lanesOf(page);
    const at = (captured?.bands ?? []).flatMap((b) => [b.from - 1, b.from, b.to]);
    for (const t of at) {
      await setCursor(page, t);
      const cli = podj('get', 'pods', '-A', '--at', iso(t));
      const stderr = cli.stderr.replace(/^warning: --at .*\n/, '');
      expect({ t: iso(t), ...(await panel(page)) }).toEqual({ t: iso(t), stdout: cli.stdout, stderr });
    }
    expect(captured?.inferred).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('zooms, pans and resets with the keys and ctrl + wheel, opens every pod with e, filters with / and a selector, and shows ? help', async () => {
    const { page, problems } = await open('memory-pressure', '-A');
    type Api = { view: () => { start: number; end: number }; rows: () => string[]; first: number; last: number };
    const api = <T>(f: (a: Api) => T): Promise<T> => page.evaluate(`(${f.toString()})(globalThis.podjReport)`) as Promise<T>;
    const view = (): Promise<{ start: number; end: number }> => api((a) => a.view());
    const width = async (): Promise<number> => ((v) => v.end - v.start)(await view());
    const whole = await view();
    const { first, last } = await api((a) => ({ first: a.first, last: a.last }));
    // The whole incident, a margin either side.
    expect(whole.start).toBeLessThan(first);
    expect(whole.end).toBeGreaterThan(last);
    await page.keyboard.press('+');
    expect((await width()) / (whole.end - whole.start)).toBeCloseTo(0.7, 5);
    await page.keyboard.press('-');
    expect((await width()) / (whole.end - whole.start)).toBeCloseTo(1, 5);
    const before = await view();
    await page.keyboard.press('ArrowRight');
    const panned = await view();
    expect(panned.start - before.start).toBeCloseTo((before.end - before.start) * 0.1, 0);
    expect(panned.end - panned.start).toBeCloseTo(before.end - before.start, 0);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect((await view()).start).toBeLessThan(before.start);
    await page.keyboard.press('0');
    expect(await view()).toEqual(whole);
    // ctrl + wheel zooms in around the mouse: the instant under it stays where it is.
    const box = await page.locator('#timeline canvas').boundingBox();
    if (box === null) throw new Error('no timeline canvas');
    await page.mouse.move(box.x + box.width * 0.6, box.y + 60);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    await expect.poll(width).toBeLessThan(whole.end - whole.start);
    await page.click('#b-reset');
    expect(await view()).toEqual(whole);
    // e opens every pod into its containers, and closes them again.
    const containerRows = async (): Promise<number> => (await api((a) => a.rows())).filter((r) => r.startsWith('container ')).length;
    const pods = (await api((a) => a.rows())).filter((r) => r.startsWith('pod '));
    expect(pods.length).toBeGreaterThan(1);
    // (One pod is open from the start: e still opens them all, as the button says.)
    expect(await containerRows()).toBeGreaterThan(0);
    expect(await page.textContent('#b-open')).toBe('open all');
    await page.keyboard.press('e');
    expect(await containerRows()).toBeGreaterThanOrEqual(pods.length);
    expect(await page.textContent('#b-open')).toBe('close all');
    await page.keyboard.press('e');
    expect(await containerRows()).toBe(0);
    await page.click('#b-open');
    expect(await containerRows()).toBeGreaterThanOrEqual(pods.length);
    await page.keyboard.press('e');
    // / goes to the name filter; keys typed there filter, and zoom keys do nothing; Esc leaves it.
    await page.keyboard.press('/');
    await page.keyboard.type('qos-demo-3');
    expect((await api((a) => a.rows())).filter((r) => r.startsWith('pod '))).toEqual(['pod default/qos-demo-3']);
    await page.keyboard.press('+');
    expect(await view()).toEqual(whole);
    expect(await page.inputValue('#f-name')).toBe('qos-demo-3+');
    await page.keyboard.press('Escape');
    await page.fill('#f-name', '');
    // A selector that does not parse is shown as such, with kubectl's reason, and the lanes stay as they were.
    await page.fill('#f-sel', 'app in (');
    expect(await page.getAttribute('#f-sel', 'class')).toContain('bad');
    expect(await page.getAttribute('#f-sel', 'title')).not.toBe('');
    expect((await api((a) => a.rows())).filter((r) => r.startsWith('pod '))).toEqual(pods);
    await page.fill('#f-sel', '');
    expect(await page.getAttribute('#f-sel', 'class')).not.toContain('bad');
    // ? shows the keys (once Esc has left the field: there it is a character), Esc hides them.
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    expect(await page.isVisible('#help')).toBe(true);
    expect(await page.textContent('#help')).toMatch(/zoom in, out/);
    await page.keyboard.press('Escape');
    expect(await page.isVisible('#help')).toBe(false);
    expect(problems).toEqual([]);
  });

  it('with a namespace chosen that has no pods at the cursor, says where the journal has them, as get pods -n does', async () => {
    const real = ['test/fixtures/real/k8shark-basic-workloads-pods.json', 'test/fixtures/real/k8shark-team-backend-pods.json'];
    const { page, podj, problems } = await open(real, '-A');
    const lanes = await lanesOf(page);
    const born = (namespace: string): number => Math.min(...lanes.filter((l) => l.pod.startsWith(`${namespace}/`)).map((l) => l.bands[0]?.from ?? 0));
    // basic-demo's pods came 14 minutes before team-backend's.
    expect(born('basic-demo')).toBeLessThan(born('team-backend'));
    await page.selectOption('#f-ns', 'team-backend');
    const stderrs: string[] = [];
    for (const t of [born('basic-demo') - 1000, born('basic-demo') + 60_000, born('team-backend') + 1000]) {
      await setCursor(page, t);
      const cli = podj('get', 'pods', '-n', 'team-backend', '--at', iso(t));
      const stderr = cli.stderr.replace(/^warning: --at .*\n/, '');
      expect({ t: iso(t), ...(await panel(page)) }).toEqual({ t: iso(t), stdout: cli.stdout, stderr });
      stderrs.push(stderr);
    }
    expect(stderrs[1]).toBe('No resources found in team-backend namespace.\nThe journal holds pods in namespace basic-demo (use -n NAMESPACE or -A).\n');
    expect(problems).toEqual([]);
  });

  it('a report of named pods: the cursor names them as get pods does, and answers NotFound for one not there yet', async () => {
    const { page, podj, problems } = await open('memory-pressure', 'qos-demo-2', 'qos-demo-3');
    const lanes = await lanesOf(page);
    expect(lanes.map((l) => l.pod)).toEqual(['default/qos-demo-2', 'default/qos-demo-3']);
    const { first, last } = await page.evaluate(() => (globalThis as unknown as { podjReport: { first: number; last: number } }).podjReport);
    for (const t of [first - 1000, first + 60_000, last]) {
      await setCursor(page, t);
      // The command the panel says it answers, run as it reads.
      const command = /podj (get pods .*)$/.exec((await page.textContent('#getpods-title code')) ?? '')?.[1] ?? '';
      expect(command).toBe(`get pods qos-demo-2 qos-demo-3 --at ${iso(t)}`);
      const cli = podj(...command.split(' '));
      const stderr = cli.stderr.replace(/^warning: --at .*\n/, '');
      expect({ t: iso(t), ...(await panel(page)) }).toEqual({ t: iso(t), stdout: cli.stdout, stderr });
      if (t < first) expect(stderr).toBe('Error from server (NotFound): pods "qos-demo-2" not found\nError from server (NotFound): pods "qos-demo-3" not found\n');
    }
    expect(problems).toEqual([]);
  });

  it('shows node lanes, evictions and the taints a node condition implies', async () => {
    const { page, podj, problems } = await open('memory-pressure', '-A');
    const lanes = await lanesOf(page);
    expect(lanes.flatMap((l) => l.markers.map((m) => m.kind))).toContain('eviction');
    const rows = await page.evaluate(() => (globalThis as unknown as { podjReport: { rows: () => string[] } }).podjReport.rows());
    expect(rows[0]).toBe('node node01');
    // Pods that never restarted get no restarts plot.
    await page.evaluate(() => (globalThis as unknown as { podjReport: { select: (n: string) => void } }).podjReport.select('qos-demo'));
    expect(await page.isVisible('#p-restarts')).toBe(false);
    const { first, last } = await page.evaluate(() => (globalThis as unknown as { podjReport: { first: number; last: number } }).podjReport);
    const taints = (): Promise<string[]> =>
      page.evaluate(() => (globalThis as unknown as { podjReport: { taints: (n: string) => string[] } }).podjReport.taints('node01'));
    await setCursor(page, first);
    expect(await taints()).toEqual([]);
    await setCursor(page, last);
    expect(await taints()).toEqual(['node.kubernetes.io/memory-pressure']);
    // The gutter's tooltip over the node says them whole, at cursor A.
    const node = (await drawnTexts(page)).find((t) => t.text === 'node node01');
    const box = await page.locator('#timeline canvas').boundingBox();
    await page.mouse.move((box?.x ?? 0) + 30, (box?.y ?? 0) + (node?.y ?? 0));
    expect(await page.textContent('#tooltip')).toBe(`node node01\n3 pods\ntaints: node.kubernetes.io/memory-pressure at ${iso(last)}`);
    const cli = podj('get', 'pods', '-A', '--at', iso(last));
    expect(await panel(page)).toEqual({ stdout: cli.stdout, stderr: cli.stderr });
    expect(problems).toEqual([]);
  });

  it("writes a node's and a pod's whole name in the gutter, and the gutter still leaves the lanes most of the width", async () => {
    const real = ['test/fixtures/real/openshift-kube-scheduler-static-pod.json', 'test/fixtures/real/openshift-packageserver-restarts.json', 'test/fixtures/real/crash-loop-pods.json'];
    const { page, problems } = await open(real, '-A');
    const texts = await drawnTexts(page);
    const nodes = ['master-0.imeixner20210707.lab.upshift.rdu2.redhat.com', 'k8shark-dev-control-plane'].map((n) => `node ${n}`);
    const pods = ['openshift-operator-lifecycle-manager/packageserver-6d96bf85f8-kqfkr', 'crash-demo/flaky-worker-897c5486c-lfk2f'];
    // Each label drawn whole (a caret before a pod's name), left of the lanes.
    const labels = [...nodes.map((n) => texts.find((t) => t.text === n)), ...pods.map((p) => texts.find((t) => t.text.slice(2) === p))];
    expect(labels.map((l) => l?.text.replace(/^[▸▾] /, ''))).toEqual([...nodes, ...pods]);
    const gutter = await page.evaluate(() => (globalThis as unknown as { podjReport: { gutter: () => number } }).podjReport.gutter());
    for (const label of labels) expect((label?.x ?? 0) + (label?.width ?? 0)).toBeLessThan(gutter);
    const box = await page.locator('#timeline canvas').boundingBox();
    if (box === null) throw new Error('no timeline canvas');
    expect(gutter).toBeLessThanOrEqual(box.width * 0.4 + 1);
    // A name longer than the gutter is cut, and whole in the tooltip over it.
    const scheduler = texts.find((t) => t.text.slice(2).startsWith('openshift-kube-scheduler/'));
    expect(scheduler?.text).toMatch(/…$/);
    await page.mouse.move(box.x + 40, box.y + (scheduler?.y ?? 0));
    expect(await page.textContent('#tooltip')).toBe('pod openshift-kube-scheduler/openshift-kube-scheduler-master-0.imeixner20210707.lab.upshift.rdu2.redhat.com');
    // A node's with its pods (an import knows this node from the pods alone: no conditions, no taints).
    await page.mouse.move(box.x + 40, box.y + (labels[0]?.y ?? 0));
    expect(await page.textContent('#tooltip')).toBe(`${nodes[0]}\n2 pods\nno node conditions recorded`);
    expect(problems).toEqual([]);
  });

  it("writes no tick's time under a cursor's label, wherever the cursors are", async () => {
    const { page, problems } = await open(['test/fixtures/real/crash-loop-pods.json', 'test/fixtures/real/crash-loop-events.json'], '-A');
    const { first, last } = await page.evaluate(() => (globalThis as unknown as { podjReport: { first: number; last: number } }).podjReport);
    const setSecond = (t: number | undefined): Promise<void> =>
      page.evaluate((at) => (globalThis as unknown as { podjReport: { setSecond: (t: number | undefined) => void } }).podjReport.setSecond(at), t);
    const overlaps = (a: Drawn, b: Drawn): boolean => a.x < b.x + b.width && b.x < a.x + a.width;
    // The report opens with cursor A at its end, its label against the right edge over the last tick.
    const cases: [number, number | undefined][] = [[last, undefined], [first, undefined], [(first + last) / 2, undefined], [last, first + 30_000], [first + 60_000, last - 30_000]];
    for (const [a, b] of cases) {
      await setCursor(page, Math.round(a));
      await setSecond(b === undefined ? undefined : Math.round(b));
      const axis = (await drawnTexts(page)).filter((t) => t.y < 34);
      const labels = axis.filter((t) => /^[AB] \d\d:\d\d:\d\d\.\d{3}$/.test(t.text));
      const ticks = axis.filter((t) => /^\d\d:\d\d:\d\d$/.test(t.text));
      expect(labels.length).toBe(b === undefined ? 1 : 2);
      expect(ticks.length).toBeGreaterThan(3);
      const covered = ticks.filter((tick) => labels.some((l) => overlaps({ ...l, x: l.x - 4, width: l.width + 8 }, tick))).map((t) => t.text);
      expect({ a: iso(a), covered }).toEqual({ a: iso(a), covered: [] });
    }
    expect(problems).toEqual([]);
  });

  it('writes no band label under a marker: each label in the room the markers leave on its lane', async () => {
    const { page, problems } = await open('crashloop-memleak', '-A');
    const [lane] = await lanesOf(page);
    const view = await page.evaluate(() => (globalThis as unknown as { podjReport: { view: () => { start: number; end: number; left: number; width: number } } }).podjReport.view());
    expect(lane?.containers.length).toBe(1);
    // One pod, open: its lane and its container's carry its markers (a container's are the pod's of that container).
    const markers = (lane?.markers ?? []).map((m) => view.left + ((m.at - view.start) / (view.end - view.start)) * view.width);
    const labels = [...(lane?.bands ?? []), ...(lane?.containers.flatMap((c) => c.bands) ?? [])].map((b) => b.label);
    const drawn = (await drawnTexts(page)).filter((t) => t.y > 34 && t.x >= view.left && labels.some((l) => l.startsWith(t.text.replace(/…$/, ''))));
    expect(drawn.length).toBeGreaterThan(8);
    const covered = drawn.filter((t) => markers.some((x) => t.x < x + 5 && x - 5 < t.x + t.width)).map((t) => `${t.text} at ${Math.round(t.x)}`);
    expect(covered).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("draws a month's crash loop, thousands of causes, as one strip with its count, names them over it, and splits it as it zooms in", async () => {
    // 7,527 restarts over 31 days: an exit and a back-off about every five minutes, many to a pixel.
    const { page, problems } = await open(['test/fixtures/real/openshift-vsystem-init-crashloop.json'], '-A');
    const [lane] = await lanesOf(page);
    const markers = lane?.markers ?? [];
    const count = (kind: string): string => markers.filter((m) => m.kind === kind).length.toLocaleString('en-US');
    expect(markers.length).toBeGreaterThan(15_000);
    // Its count on the pod's lane and on its init container's (the pod opens on its containers), no marker drawn.
    const total = markers.length.toLocaleString('en-US');
    expect((await drawnTexts(page)).filter((t) => t.text === total)).toHaveLength(2);
    const box = await page.locator('#timeline canvas').boundingBox();
    if (box === null) throw new Error('no timeline canvas');
    let laneY = 40;
    let tooltip = '';
    for (; laneY < 200 && !tooltip.includes('causes drawn as one strip'); laneY += 3) {
      await page.mouse.move(box.x + box.width * 0.6, box.y + laneY);
      tooltip = (await page.textContent('#tooltip')) ?? '';
    }
    const [what, nearest, ...cause] = tooltip.split('\n');
    expect(what).toBe(`${total} causes drawn as one strip: ${count('exit')} × exited non-zero, ${count('backoff')} × back-off; zoom in (ctrl + wheel) to tell them apart`);
    expect(nearest).toBe('the nearest:');
    expect(cause.join('\n')).toMatch(/^(exited non-zero|back-off) \(inferred on import, not recorded\)\n2024-\S+Z\n#\d+ Container(Exited|BackOff) \(kubelet\)\n/);
    expect(lane?.groups).toEqual([{ from: markers[0]?.at, to: markers[markers.length - 1]?.at, count: markers.length }]);
    // Zoomed in on the last hour (about cursor A, at the end): no group, each marker drawn on its own.
    for (let i = 0; i < 19; i++) await page.keyboard.press('+');
    const [zoomed] = await lanesOf(page);
    expect(zoomed?.groups).toEqual([]);
    expect((await drawnTexts(page)).filter((t) => t.text === total)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('ticks a capture of one second in tenths of a second, each tick apart and its milliseconds written', async () => {
    // k8shark's auto-discovery capture: the pod's Events and its object within one second.
    const { page, problems } = await open(['test/fixtures/real/k8shark-auto-discovery-pods.json', 'test/fixtures/real/k8shark-auto-discovery-events-v1.json'], '-A');
    const { first, last } = await page.evaluate(() => (globalThis as unknown as { podjReport: { first: number; last: number } }).podjReport);
    expect(last - first).toBeLessThanOrEqual(1000);
    const gutter = await page.evaluate(() => (globalThis as unknown as { podjReport: { gutter: () => number } }).podjReport.gutter());
    const ticks = (await drawnTexts(page)).filter((t) => t.y < 34 && t.x >= gutter && /^\d\d:\d\d:\d\d(\.\d{3})?$/.test(t.text)).sort((a, b) => a.x - b.x);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.filter((t) => /\.\d{3}$/.test(t.text)).length).toBeGreaterThanOrEqual(3);
    expect(ticks.every((t, i) => i === 0 || (ticks[i - 1]?.x ?? 0) + (ticks[i - 1]?.width ?? 0) < t.x)).toBe(true);
    expect(new Set(ticks.map((t) => t.text)).size).toBe(ticks.length);
    expect(problems).toEqual([]);
  });

  it("ticks a month's report weekly with its dates apart, and dates a cursor's label on a view across midnight", async () => {
    // kubectl-neat's pod: 72 days from its start to its capture, a day of which crosses midnight.
    const { page, problems } = await open(['test/fixtures/real/kubectl-neat-pod1.json'], '-A');
    const { first } = await page.evaluate(() => (globalThis as unknown as { podjReport: { first: number } }).podjReport);
    await page.evaluate((at) => (globalThis as unknown as { podjReport: { setSecond: (t: number) => void } }).podjReport.setSecond(at), first + 86_400_000);
    const gutter = await page.evaluate(() => (globalThis as unknown as { podjReport: { gutter: () => number } }).podjReport.gutter());
    const axis = (await drawnTexts(page)).filter((t) => t.y < 34 && t.x >= gutter);
    const cursors = axis.filter((t) => /^[AB] /.test(t.text)).map((t) => t.text);
    expect(cursors.sort()).toEqual(['A 2019-07-06 18:41:25.000', 'B 2019-04-25 19:55:27.000']);
    const apart = (texts: readonly Drawn[]): boolean => texts.every((t, i) => i === 0 || (texts[i - 1]?.x ?? 0) + (texts[i - 1]?.width ?? 0) < t.x);
    const ticks = axis.filter((t) => /^\d{4}-\d\d-\d\d$/.test(t.text)).sort((a, b) => a.x - b.x);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(apart(ticks)).toBe(true);
    const plotted = (await drawnTexts(page, '#p-restarts')).filter((t) => /^\d{4}-\d\d-\d\d$/.test(t.text)).sort((a, b) => a.x - b.x);
    expect([plotted.length >= 2, apart(plotted)]).toEqual([true, true]);
    expect(problems).toEqual([]);
  });

  it("writes each plot's title whole within its canvas, without the pod's name where the name leaves it no room", async () => {
    const { page, problems } = await open(['test/fixtures/real/crash-loop-pods.json', 'test/fixtures/real/crash-loop-events.json'], '-A');
    const titleOf = async (canvas: string): Promise<{ text: string; right: number; width: number }> => {
      const [title] = (await drawnTexts(page, canvas)).filter((t) => t.y < 12);
      const width = await page.evaluate(`document.querySelector(${JSON.stringify(canvas)}).clientWidth`);
      return { text: title?.text ?? '', right: (title?.x ?? 0) + (title?.width ?? 0), width: Number(width) };
    };
    // flaky-worker-897c5486c-lfk2f's crash loop, much of it inferred from the kubelet's Events: the long title
    const restarts = await titleOf('#p-restarts');
    expect(restarts.text).toBe('restarts, CrashLoopBackOff waits shaded; dashed, hatched: inferred on import');
    expect(restarts.right).toBeLessThanOrEqual(restarts.width);
    // a short name fits: the title names the pod
    const memleak = await open('crashloop-memleak');
    const [mem, restartsOfMemleak] = [(await drawnTexts(memleak.page, '#p-mem'))[0]?.text, (await drawnTexts(memleak.page, '#p-restarts'))[0]?.text];
    expect([mem, restartsOfMemleak]).toEqual(['memory of memleak-pod: working set, request (dashed), limit (red)', 'restarts of memleak-pod, CrashLoopBackOff waits shaded']);
    for (const p of [problems, memleak.problems]) expect(p).toEqual([]);
  });

  it("prints a pod's causes as podj events prints them, an inferred one marked (inferred) once", async () => {
    const real = ['test/fixtures/real/crash-loop-pods.json', 'test/fixtures/real/crash-loop-events.json'];
    const { page, podj, problems } = await open(real, '-A');
    const causes = ((await page.textContent('#diff')) ?? '').trim().split('\n');
    expect(causes[0]).toMatch(/^SEQ\s+AT\s+EVENT\s+DETAILS$/);
    const events = new Map(
      podj('events', '-o', 'journal')
        .stdout.trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(/\s{2,}/))
        .map(([seq, at, , , event, details]) => [seq, [seq, at, event, details]]),
    );
    const rows = causes.slice(1).map((line) => line.split(/\s{2,}/));
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect(row).toEqual(events.get(row[0] ?? ''));
    expect(rows.filter((r) => r[3]?.endsWith(' (inferred)')).length).toBeGreaterThan(5);
    expect(causes.filter((line) => /inferred.*inferred/.test(line))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("writes a memory limit as kubectl describe prints it, a working set as kubectl top does, and a midnight tick's date", async () => {
    const memleak = await open('crashloop-memleak');
    const limits = memleak.podj('describe', 'pod', 'memleak-pod').stdout;
    const limit = /Limits:\n(?:\s+\S+:\s+\S+\n)*?\s+memory:\s+(\S+)\n/.exec(limits)?.[1];
    expect(limit).toBe('64Mi');
    expect((await drawnTexts(memleak.page, '#p-mem')).map((t) => t.text)).toContain(limit);
    // A pod without a request or limit: the highest working set, in whole Mi.
    const pressure = await open('memory-pressure', '-A');
    await pressure.page.evaluate(() => (globalThis as unknown as { podjReport: { select: (n: string) => void } }).podjReport.select('qos-demo-3'));
    const plotted = (await drawnTexts(pressure.page, '#p-mem')).map((t) => t.text);
    expect(plotted.filter((t) => /^\d+(\.\d+)? ?[KMG]i$/.test(t))).toEqual([expect.stringMatching(/^\d+Mi$/)]);
    // A day of an OpenShift master's pod: the midnight tick says which day begins, on the lanes and under the plot.
    const openshift = await open(['test/fixtures/real/openshift-packageserver-restarts.json'], '-A');
    const ticks = (await drawnTexts(openshift.page)).filter((t) => t.y < 34).map((t) => t.text);
    expect(ticks).toEqual(expect.arrayContaining(['2021-07-08', '21:00:00']));
    expect(ticks).not.toContain('00:00:00');
    expect((await drawnTexts(openshift.page, '#p-restarts')).map((t) => t.text)).toEqual(expect.arrayContaining(['2021-07-08']));
    for (const { problems } of [memleak, pressure, openshift]) expect(problems).toEqual([]);
  });

  it('shades each CrashLoopBackOff wait of the restarts plot once, and draws no restarts plot for a pod that only waited for an image', async () => {
    const { page, problems } = await open('crashloop-memleak');
    // The kubelet records BackOff again within one wait (crashloop-memleak: back-off 160s at 08:04:29 and 08:05:36).
    const windows = ((await lanesOf(page))[0]?.backoffs ?? []).filter((b) => !b.image).sort((a, b) => a.from - b.from);
    expect(windows.some((b, i) => i > 0 && b.from < (windows[i - 1]?.until ?? 0))).toBe(true);
    // A row of the plot above its line: one shade wherever a wait is (runs of a colour, not the edges' blend).
    const shades = (await page.evaluate(`(() => {
      const c = document.querySelector('#p-restarts');
      const d = c.getContext('2d').getImageData(71, 21, c.width - 82, 1).data;
      const runs = [];
      for (let i = 0; i < d.length; i += 4) {
        const color = d.slice(i, i + 4).join(',');
        if (runs.length > 0 && runs[runs.length - 1].color === color) runs[runs.length - 1].n++;
        else runs.push({ color, n: 1 });
      }
      return [...new Set(runs.filter((r) => r.n >= 3).map((r) => r.color))];
    })()`)) as string[];
    expect(shades.filter((c) => c !== '0,0,0,0')).toHaveLength(1);
    // registry-outage's pod waited for its image only: it restarted nothing, and has no restarts plot.
    const registry = await open('registry-outage');
    const lane = (await lanesOf(registry.page))[0];
    expect(lane?.backoffs.length).toBeGreaterThan(0);
    expect(lane?.backoffs.every((b) => b.image)).toBe(true);
    expect(await registry.page.isVisible('#p-restarts')).toBe(false);
    expect([...problems, ...registry.problems]).toEqual([]);
  });

  it('gives a debug container added after the first capture (kubectl debug) its own lane, from the write that added it', async () => {
    // the pod before kubectl debug, then as the fixture holds it (test/importers/ephemeral-added.test.ts's stream)
    const debugged = JSON.parse(readFileSync(join(REPO, 'test/fixtures/import/ephemeral-debug-pod.json'), 'utf8')) as { spec: Record<string, unknown>; status: Record<string, unknown> };
    const { ephemeralContainers: _added, ...specBefore } = debugged.spec;
    const { ephemeralContainerStatuses: _run, ...statusBefore } = debugged.status;
    const streamDir = mkdtempSync(join(tmpdir(), 'podj-report-ephemeral-'));
    dirs.push(streamDir);
    const stream = join(streamDir, 'pods.watch.jsonl');
    const objects = [{ ...debugged, spec: specBefore, status: statusBefore }, debugged];
    writeFileSync(stream, objects.map((object, i) => JSON.stringify({ type: i === 0 ? 'ADDED' : 'MODIFIED', object })).join('\n') + '\n');
    const { page, podj, problems } = await open([stream]);
    const [lane] = await lanesOf(page);
    expect(lane?.containers.map((c) => c.name)).toEqual(['app', 'debugger-x7kqp']);
    const debuggerLane = lane?.containers.find((c) => c.name === 'debugger-x7kqp');
    const timeline = expectedFromTimeline(JSON.parse(podj('timeline', 'pod', 'web', '-o', 'json').stdout) as TimelineJson[]);
    expect(timeline.states.get('debugger-x7kqp')?.map((s) => s.state)).toEqual(['running']);
    expect(pageStates(debuggerLane?.bands ?? [])).toEqual(timeline.states.get('debugger-x7kqp'));
    // opened (a lone pod is open from the start), the pod shows the lane under its name as the gutter writes a container's kind
    if ((await page.textContent('#b-open')) === 'open all') await page.keyboard.press('e');
    expect(await page.evaluate(() => (globalThis as unknown as { podjReport: { rows: () => string[] } }).podjReport.rows())).toContain('container web/debugger-x7kqp');
    expect((await drawnTexts(page)).map((d) => d.text)).toContain('ephemeral: debugger-x7kqp');
    expect(problems).toEqual([]);
  });

  it("leaves the browser its own keys: ctrl + 0, ctrl + - and ctrl + e do not zoom or open the report's lanes", async () => {
    const { page, problems } = await open('memory-pressure', '-A');
    type Api = { view: () => { start: number; end: number }; rows: () => string[] };
    const api = <T>(f: (a: Api) => T): Promise<T> => page.evaluate(`(${f.toString()})(globalThis.podjReport)`) as Promise<T>;
    await page.keyboard.press('+');
    const zoomed = await api((a) => a.view());
    const rows = await api((a) => a.rows());
    for (const key of ['Control+0', 'Control+Minus', 'Control+e', 'Alt+0', 'Meta+0']) {
      await page.keyboard.press(key);
      expect({ key, view: await api((a) => a.view()), rows: await api((a) => a.rows()) }).toEqual({ key, view: zoomed, rows });
    }
    await page.keyboard.press('0');
    expect(await api((a) => a.view())).not.toEqual(zoomed);
    expect(problems).toEqual([]);
  });

  it("writes a node's pod count under its name when it does not fit beside it, and that an import recorded none of its conditions", async () => {
    const { page, problems } = await open(['test/fixtures/real/rolling-update-pods.watch.jsonl', 'test/fixtures/real/rolling-update-events.json'], '-A');
    const texts = (await drawnTexts(page)).map((t) => t.text);
    expect(texts).toContain('node k8shark-dev-control-plane');
    expect(texts).toContain('6 pods · no node conditions recorded');
    expect(problems).toEqual([]);
  });
});
