/** The benchmark table: each figure beside its baseline, the ratio, the target and whether it holds. */
import type { TierName } from '../../src/generator/index.js';
import type { Measured } from './protocol.js';

export type Results = Readonly<Record<string, Measured | { readonly error: string }>>;

export interface Row {
  readonly figure: string;
  readonly value: string;
  readonly baseline: string;
  readonly ratio: string;
  readonly target: string;
  /** `pass`, `FAIL`, `pending`, `error`, or `info` for figures without a target. */
  readonly verdict: string;
  /** Peak RSS (maxrss) / its anonymous part (sampled), MiB. */
  readonly rssMiB: string;
}

const num = (x: number): string =>
  !Number.isFinite(x) ? '—' : x >= 100_000 ? `${(x / 1000).toFixed(0)}k` : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);

const measured = (r: Results, name: string): Measured | undefined => {
  const m = r[name];
  return m === undefined || 'error' in m || m.pending !== undefined || m.value === undefined ? undefined : m;
};

const statusOf = (r: Results, name: string): string | undefined => {
  const m = r[name];
  if (m === undefined) return 'not run';
  if ('error' in m) return `error: ${m.error}`;
  return m.pending === undefined ? undefined : `pending: ${m.pending}`;
};

interface Spec {
  readonly figure: string;
  readonly measure: string;
  /** The figure's value from the measurement (default `value`). */
  readonly pick?: (m: Measured) => number;
  readonly unit: string;
  /** What the value is compared with: another measurement's value (or `pick` of it), or S's stored figure. */
  readonly baseline?: { readonly measure: string; readonly label: string; readonly pick?: (m: Measured) => number };
  /** The target's wording and its check against value and ratio. */
  readonly target?: { readonly text: string; readonly holds: (value: number, ratio: number) => boolean };
  readonly rss?: boolean;
  /** The ratio to the baseline in CPU time, when the measurement records it. */
  readonly cpuRatio?: (m: Measured) => number;
}

const detail = (key: string) => (m: Measured): number => Number(m.details[key]);

/** A rate that must reach `min` times the raw rate measured in the same run. */
const againstRaw = (figure: string, measure: string, raw: string, label: string, min: number): Spec => ({
  figure,
  measure,
  unit: 'events/s',
  baseline: { measure: raw, label },
  target: { text: `≥ ${min.toFixed(2)} × ${label}`, holds: (_, ratio) => ratio >= min },
  rss: true,
});

/** Durable appends of `perCall` events per call against raw classic-level, `sync: true` per batch, in the same run. */
const durableAgainstRaw = (perCall: number): Spec => ({
  figure: `durable append, ${perCall} per call`,
  measure: `durableAppend${perCall}`,
  unit: 'events/s',
  baseline: { measure: `durableAppend${perCall}`, label: 'raw sync batch', pick: detail('rawEventsPerSecond') },
  target: { text: '≥ 0.90 × raw sync batch', holds: (_, ratio) => ratio >= 0.9 },
  rss: true,
  // The raw batch's main-thread CPU per call over the journal's: what each side adds to the fsync.
  cpuRatio: (m) => detail('rawMainThreadCpuUsPerCall')(m) / detail('journalMainThreadCpuUsPerCall')(m),
});

const specsFor = (tier: TierName, sPodAtMs: number | undefined): Spec[] => [
  { figure: 'generator', measure: 'generate', unit: 'events/s', target: { text: '≥ 1M events/s', holds: (v) => v >= 1e6 }, rss: true },
  { figure: 'raw chained-batch write', measure: 'rawWrite', unit: 'records/s', rss: true },
  { figure: "the same, the journal's LevelDB options", measure: 'rawWriteSameOptions', unit: 'records/s', rss: true },
  { figure: 'raw nextv(1000) utf8 scan', measure: 'rawScan', unit: 'records/s', rss: true },
  { figure: 'JSON.parse of the records', measure: 'jsonParse', unit: 'records/s', rss: true },
  durableAgainstRaw(1),
  durableAgainstRaw(10),
  againstRaw('journal bulk append', 'append', 'rawWrite', 'raw write', 0.3),
  againstRaw("the same, against the raw write with the journal's options", 'append', 'rawWriteSameOptions', 'raw write, same options', 0.3),
  {
    figure: 'snapshot upkeep after append',
    measure: 'snapshots',
    unit: 's',
    baseline: { measure: 'append', label: "the append's own time", pick: detail('seconds') },
    target: { text: '≤ 0.25 × the append', holds: (_, ratio) => ratio <= 0.25 },
    rss: true,
  },
  { figure: 'the same, CPU time', measure: 'snapshots', pick: detail('cpuSeconds'), unit: 's', baseline: { measure: 'append', label: "the append's CPU", pick: detail('cpuSeconds') } },
  { figure: 'snapshot upkeep peak RSS', measure: 'snapshots', pick: (m) => m.rssMiB, unit: 'MiB', target: { text: '≤ 512 MiB', holds: (v) => v <= 512 } },
  {
    figure: 'journal bytes on disk',
    measure: 'diskBytes',
    unit: 'MB',
    baseline: { measure: 'diskBytes', label: 'raw store, records once', pick: detail('rawMB') },
  },
  {
    figure: 'snapshot bytes on disk',
    measure: 'diskBytes',
    pick: detail('snapshotMB'),
    unit: 'MB',
    baseline: { measure: 'diskBytes', label: 'journal', pick: detail('journalMB') },
  },
  {
    figure: "one pod's history, read + fold (cold, observations unread), median",
    measure: 'podHistory',
    unit: 'ms',
    target: { text: '< 1 ms', holds: (v) => v < 1 },
    rss: true,
  },
  { figure: "one pod's history, CPU time, median", measure: 'podHistory', pick: detail('cpuMedianMs'), unit: 'ms' },
  { figure: "one pod's history, main thread's CPU, median", measure: 'podHistory', pick: detail('mainThreadCpuMedianMs'), unit: 'ms' },
  { figure: "one pod's history, waited for the store to settle", measure: 'podHistory', pick: detail('settleSeconds'), unit: 's' },
  { figure: "one pod's history, the process's first read", measure: 'podHistory', pick: detail('firstReadMs'), unit: 'ms' },
  {
    figure: "the same, every record parsed and checked (as describe), median",
    measure: 'podHistoryEveryRecord',
    unit: 'ms',
    target: { text: '< 1 ms', holds: (v) => v < 1 },
  },
  { figure: 'the same, main thread\'s CPU, median', measure: 'podHistoryEveryRecord', pick: detail('mainThreadCpuMedianMs'), unit: 'ms' },
  { figure: "one pod's history, read alone (observations unread, no fold), median", measure: 'podHistoryRead', unit: 'ms' },
  { figure: 'the same, main thread\'s CPU, median', measure: 'podHistoryRead', pick: detail('mainThreadCpuMedianMs'), unit: 'ms' },
  {
    figure: "replay's read + decode alone (no fold)",
    measure: 'replayRead',
    unit: 'events/s',
    baseline: { measure: 'rawScan', label: 'raw scan' },
    rss: true,
  },
  againstRaw('full replay (read+decode+fold)', 'replay', 'rawScan', 'raw scan', 0.4),
  {
    figure: 'replay peak anonymous RSS',
    measure: 'replay',
    pick: (m) => m.anonMiB ?? Number.NaN,
    unit: 'MiB',
    target: { text: '≤ 256 MiB', holds: (v) => v <= 256 },
  },
  {
    figure: 'get pods --at middle (cold)',
    measure: 'clusterAtMiddle',
    unit: 'ms',
    target: { text: '≤ 1000 ms', holds: (v) => v <= 1000 },
    rss: true,
  },
  {
    figure: 'describe pod --at, median',
    measure: 'describeAt',
    unit: 'ms',
    ...(tier === 'S' || sPodAtMs === undefined ? {} : { baseline: { measure: '', label: `S: ${num(sPodAtMs)} ms` } }),
    target: {
      text: tier === 'S' ? '≤ 10 ms' : '≤ 10 ms and ≤ 2 × S',
      holds: (v, ratio) => v <= 10 && (tier === 'S' || !Number.isFinite(ratio) || ratio <= 2),
    },
    rss: true,
  },
  { figure: 'describe pod --at, p95', measure: 'describeAt', pick: detail('p95Ms'), unit: 'ms' },
  { figure: "podj describe pod --at, one process a pod (the figure's 21 pods), median", measure: 'describeCli', unit: 'ms' },
  { figure: 'the same, CPU time a process, mean', measure: 'describeCli', pick: detail('cpuMeanMs'), unit: 'ms' },
  {
    figure: 'podj get pods cold start',
    measure: 'coldStart',
    unit: 'ms',
    baseline: { measure: 'coldStart', label: 'bare node', pick: detail('bareNodeMs') },
    cpuRatio: (m) => Number(m.details['cpuMs']) / Number(m.details['bareNodeCpuMs']),
    // Issue 17: within twice a bare node at S and M; issue 13: within 250 ms at every tier.
    target: {
      text: tier === 'L' ? '≤ 250 ms' : '≤ 250 ms and ≤ 2 × bare node',
      holds: (v, ratio) => v <= 250 && (tier === 'L' || ratio <= 2),
    },
    rss: true,
  },
  { figure: 'podj get pods -A cold start', measure: 'coldStart', pick: detail('allNamespacesMs'), unit: 'ms' },
  { figure: 'podj get pods -n payments cold start', measure: 'coldStart', pick: detail('oneNamespaceMs'), unit: 'ms' },
  { figure: 'podj report -A: write the file', measure: 'report', pick: detail('writeSeconds'), unit: 's' },
  { figure: 'podj report -A: file size', measure: 'report', pick: detail('fileMB'), unit: 'MB' },
  { figure: 'report page: open in Chromium', measure: 'report', pick: detail('openMs'), unit: 'ms' },
  {
    figure: 'report page: cursor answer, median',
    measure: 'report',
    unit: 'ms',
    target: { text: '≤ 1000 ms', holds: (v) => v <= 1000 },
  },
  { figure: 'report page: cursor answer, p95', measure: 'report', pick: detail('p95Ms'), unit: 'ms' },
  { figure: 'podj import of a generated audit log', measure: 'importAudit', unit: 'MB/s', rss: true },
  {
    figure: 'podj import peak RSS',
    measure: 'importAudit',
    pick: (m) => m.rssMiB,
    unit: 'MiB',
    target: { text: '≤ 512 MiB', holds: (v) => v <= 512 },
  },
  {
    figure: 'podj simulate, 1 h of 100 pods (whole CLI)',
    measure: 'simulation',
    unit: '× real time',
    target: { text: '≥ 100k × real time', holds: (v) => v >= 1e5 },
    rss: true,
  },
  { figure: 'the same, its engine alone (in process)', measure: 'simulation', pick: detail('engineTimesRealTime'), unit: '× real time' },
  { figure: 'the same engine, in CPU time', measure: 'simulation', pick: (m) => 3_600_000 / Number(m.details['engineCpuMs']), unit: '× real time' },
  {
    figure: 'engine, one pod of 2N containers (2 min)',
    measure: 'simulation',
    pick: detail('wide2CpuMs'),
    unit: 'ms CPU',
    baseline: { measure: 'simulation', label: 'N = 200 containers', pick: detail('wideCpuMs') },
    // linear in the containers: twice the containers, twice the time (quadratic would be 4 ×)
    target: { text: '≤ 2.5 × (linear: 2 ×)', holds: (_, ratio) => ratio <= 2.5 },
  },
];

/** For rates against a raw rate: the same ratio in CPU time, steadier than wall time on a loaded machine. */
const cpuRatioOf = (r: Results, s: Spec): string => {
  const m = measured(r, s.measure);
  if (s.cpuRatio !== undefined && m !== undefined) {
    const ratio = s.cpuRatio(m);
    return Number.isFinite(ratio) ? ` (CPU ${ratio.toFixed(2)}×)` : '';
  }
  const perCpu = (name: string): number => Number(measured(r, name)?.details['perCpuSecond']);
  if (s.baseline === undefined || s.pick !== undefined || s.baseline.pick !== undefined || s.baseline.measure === '') return '';
  const ratio = perCpu(s.measure) / perCpu(s.baseline.measure);
  return Number.isFinite(ratio) ? ` (CPU ${ratio.toFixed(2)}×)` : '';
};

export const rowsOf = (tier: TierName, r: Results, sPodAtMs: number | undefined): Row[] =>
  specsFor(tier, sPodAtMs).map((s) => {
    const status = statusOf(r, s.measure);
    const m = measured(r, s.measure);
    const anon = m?.anonMiB !== undefined && Number.isFinite(m.anonMiB) ? ` / ${m.anonMiB.toFixed(0)}` : '';
    const rssMiB = s.rss === true && m !== undefined && Number.isFinite(m.rssMiB) ? `${m.rssMiB.toFixed(0)}${anon}` : '';
    if (m === undefined) return { figure: s.figure, value: '', baseline: '', ratio: '', target: s.target?.text ?? '', verdict: status ?? 'pending', rssMiB };
    const value = (s.pick ?? ((x: Measured) => x.value ?? Number.NaN))(m);
    const baseOf = (b: NonNullable<Spec['baseline']>): number | undefined => {
      if (b.measure === '') return sPodAtMs;
      const m = measured(r, b.measure);
      return m === undefined ? undefined : (b.pick ?? ((x: Measured) => x.value ?? Number.NaN))(m);
    };
    const base = s.baseline === undefined ? undefined : baseOf(s.baseline);
    const ratio = base === undefined ? Number.NaN : value / base;
    return {
      figure: s.figure,
      value: `${num(value)} ${s.unit}`,
      baseline: s.baseline === undefined ? '' : s.baseline.measure === '' ? s.baseline.label : `${num(base ?? Number.NaN)} (${s.baseline.label})`,
      ratio: Number.isFinite(ratio) ? `${ratio.toFixed(2)}×${cpuRatioOf(r, s)}` : '',
      target: s.target?.text ?? '',
      verdict: s.target === undefined ? 'info' : s.target.holds(value, ratio) ? 'pass' : 'FAIL',
      rssMiB,
    };
  });

const COLUMNS: ReadonlyArray<readonly [keyof Row, string]> = [
  ['figure', 'figure'],
  ['value', 'value'],
  ['baseline', 'baseline'],
  ['ratio', 'ratio'],
  ['target', 'target'],
  ['verdict', 'verdict'],
  ['rssMiB', 'peak RSS / anon MiB'],
];

/** A Markdown table (it reads as plain text too), ready for the README. */
export const markdownTable = (rows: readonly Row[]): string => {
  const widths = COLUMNS.map(([key, title]) => Math.max(title.length, ...rows.map((row) => row[key].length)));
  const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [
    line(COLUMNS.map(([, title]) => title)),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map((row) => line(COLUMNS.map(([key]) => row[key]))),
  ].join('\n');
};
