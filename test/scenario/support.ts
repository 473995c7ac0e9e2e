/** Test support: file reading relative to a folder, scenario loading from `journal/`, and simulated stories. */
import * as E from 'fp-ts/lib/Either.js';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/index.js';
import type { LoadedScenario } from '../../src/scenario/index.js';
import { renderScenarioError } from '../../src/scenario/errors.js';
import { simulate } from '../../src/engine/simulate.js';
import type { Event } from '../../src/events/index.js';
import { parseDuration } from '../../src/k8s/duration.js';
import type { V1Pod } from '../../src/k8s/pod.js';
import { type KubectlRow, kubectlRow } from '../../src/printers/pod-row.js';
import { foldCluster } from '../../src/reducers/index.js';

export const repoRoot = join(import.meta.dirname, '..', '..');

/** A `readFile` capability over a folder of the repository. */
export const readFrom =
  (folder: string) =>
  (relativePath: string): E.Either<string, string> => {
    try {
      return E.right(readFileSync(join(repoRoot, folder, relativePath), 'utf8'));
    } catch (error) {
      return E.left(error instanceof Error ? error.message : String(error));
    }
  };

/** The sample journals' names (`journal/NAME.yaml`). */
export const sampleNames: readonly string[] = readdirSync(join(repoRoot, 'journal'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));

/** Loads `journal/NAME.yaml`, failing the test with the rendered error if it does not load. */
export const loadSample = (name: string): LoadedScenario => {
  const file = `journal/${name}.yaml`;
  const loaded = loadScenario(readFileSync(join(repoRoot, file), 'utf8'), file, readFrom('journal'));
  if (E.isLeft(loaded)) throw new Error(renderScenarioError(loaded.left));
  return loaded.right;
};

/** Loads scenario text as if it were `fixtures/NAME.yaml` next to `files`. */
export const loadText = (text: string, files: Readonly<Record<string, string>> = {}) =>
  loadScenario(text, 'fixtures/scenario.yaml', (path) => {
    const content = files[path];
    return content === undefined ? E.left('no such file') : E.right(content);
  });

/** A sample simulated once: its events, and `get pods` as of an offset (`+90s` style, without the `+`). */
export interface Story {
  readonly events: readonly Event[];
  /** Each pod's kubectl cells (NAME → row) as `podj get pods --at +OFFSET` would print them. */
  readonly rows: (offset: string) => Readonly<Record<string, KubectlRow>>;
  /** The v1 Pod as of the offset. */
  readonly pod: (offset: string, name: string) => V1Pod | undefined;
  /** Offset in seconds from the start of an instant. */
  readonly offsetOf: (at: string) => number;
}

export const storyOf = (name: string): Story => {
  const t0 = Date.parse(loadSample(name).start);
  const events = simulate(loadSample(name).simulation);
  const msAt = (offset: string): number => t0 + (parseDuration(offset) ?? Number.NaN);
  const podsAt = (offset: string) => [
    ...foldCluster(events.filter((e) => Date.parse(e.at) <= msAt(offset))).pods.values(),
  ];
  return {
    events,
    rows: (offset) =>
      Object.fromEntries(
        podsAt(offset).map(({ pod }) => [pod.metadata.name ?? '', kubectlRow(pod, new Date(msAt(offset)))]),
      ),
    pod: (offset, podName) => podsAt(offset).find((p) => p.pod.metadata.name === podName)?.pod,
    offsetOf: (at) => (Date.parse(at) - t0) / 1000,
  };
};

/** One row a story's header promises: `+5m  memleak-pod  0/1  CrashLoopBackOff  5 (42s ago)  [labels]`. */
export interface PromisedRow {
  readonly offset: string;
  /** Undefined for `(no pods)`. */
  readonly pod?: string;
  readonly cells?: readonly [string, string, string];
  /** `app=x,tier=y` when the row shows `--show-labels`. */
  readonly labels?: string;
}

/**
 * The `get pods` rows a header comment promises: lines starting with `+OFFSET` (or indented under one for
 * the next pod at the same offset), columns separated by two or more spaces; later columns are remarks,
 * except a `key=value,...` column, which is the pod's labels.
 */
export const promisedRows = (story: string): PromisedRow[] => {
  const rows: PromisedRow[] = [];
  let offset: string | undefined;
  for (const line of story.split('\n')) {
    const m = /^ {2}(?:\+(\S+)\s+| {7,})(\S.*)$/.exec(line);
    if (m === null) continue;
    offset = m[1] ?? offset;
    const [pod, ready, status, restarts, extra] = (m[2] ?? '').split(/\s{2,}/);
    if (offset === undefined || pod === undefined) continue;
    if (pod === '(no pods)') rows.push({ offset });
    else if (ready !== undefined && status !== undefined && restarts !== undefined && /^\d+\/\d+$/.test(ready)) {
      const labels = extra !== undefined && /^[\w./-]+=\S*$/.test(extra) ? { labels: extra } : {};
      rows.push({ offset, pod, cells: [ready, status, restarts], ...labels });
    }
  }
  return rows;
};
