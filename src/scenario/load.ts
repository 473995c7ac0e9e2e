/**
 * Loading a scenario: YAML with line positions → the decoded format → the engine's `Simulation` (a World
 * and the external events) plus what a reader wants to know about it (name, story, start).
 */
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { posix } from 'node:path';
import type { Simulation } from '../engine/world.js';
import { type Instant, instantOf } from '../k8s/codecs.js';
import type { V1Pod } from '../k8s/pod.js';
import { type Behaviors, buildWorld } from './build-world.js';
import { type ScenarioError, decodeIn, errorAt } from './errors.js';
import { type ContainerBehavior, type NodeSpec, type ScenarioDoc, type Use, ScenarioDoc as ScenarioCodec } from './format.js';
import type { NodeUsage } from '../engine/world.js';
import { loadManifests } from '../manifest/index.js';
import type { ManifestLoader, ReadFile } from './manifests.js';
import { type Source, headerComment, parseSource } from './source.js';
import { type CompiledTimeline, compileTimeline } from './timeline.js';

export interface LoadedScenario {
  /** `name:` if given, else the file name without its extension. */
  readonly name: string;
  /** The header comment: the incident's story. */
  readonly story: string;
  readonly start: Instant;
  readonly file: string;
  readonly simulation: Simulation;
  /** Warnings about the manifests (unknown fields), one line each. */
  readonly warnings: readonly string[];
}

const containerNames = (pod: V1Pod): string[] => [
  ...(pod.spec.initContainers ?? []).map((c) => c.name),
  ...pod.spec.containers.map((c) => c.name),
];

const imagesOf = (pod: V1Pod): string[] =>
  [...(pod.spec.initContainers ?? []), ...pod.spec.containers].flatMap((c) => (c.image === undefined ? [] : [c.image]));

/** Behaviors by `namespace/name`, each pod and container checked against the pods the timeline creates. */
const containerBehaviors = (
  source: Source,
  doc: ScenarioDoc,
  pods: CompiledTimeline['pods'],
): E.Either<ScenarioError, Behaviors['containers']> => {
  const result = new Map<string, ReadonlyMap<string, ContainerBehavior>>();
  for (const [podKey, containers] of Object.entries(doc.behavior ?? {})) {
    const key = podKey.includes('/') ? podKey : `default/${podKey}`;
    const versions = pods.get(key);
    if (versions === undefined) return E.left(errorAt(source, ['behavior', podKey], `no pod "${key}" in the timeline`));
    const known = new Set(versions.flatMap(containerNames));
    for (const name of Object.keys(containers)) {
      if (!known.has(name)) {
        return E.left(errorAt(source, ['behavior', podKey, name], `pod "${key}" has no container "${name}"`));
      }
    }
    result.set(key, new Map(Object.entries(containers)));
  }
  return E.right(result);
};

/** emptyDir uses by `namespace/name`, each pod and volume checked against the pods the timeline creates. */
const volumeUses = (source: Source, doc: ScenarioDoc, pods: CompiledTimeline['pods']): E.Either<ScenarioError, Behaviors['volumes']> => {
  const result = new Map<string, ReadonlyMap<string, Use>>();
  for (const [podKey, volumes] of Object.entries(doc.volumes ?? {})) {
    const key = podKey.includes('/') ? podKey : `default/${podKey}`;
    const versions = pods.get(key);
    if (versions === undefined) return E.left(errorAt(source, ['volumes', podKey], `no pod "${key}" in the timeline`));
    const emptyDirs = new Set(versions.flatMap((p) => (p.spec.volumes ?? []).filter((v) => v.emptyDir !== undefined).map((v) => v.name)));
    const unknown = Object.keys(volumes).find((name) => !emptyDirs.has(name));
    if (unknown !== undefined) return E.left(errorAt(source, ['volumes', podKey, unknown], `pod "${key}" has no emptyDir volume "${unknown}"`));
    result.set(key, new Map(Object.entries(volumes)));
  }
  return E.right(result);
};

/** Each node's own disk and process use, from `nodes` and `addNode` steps. */
const nodeUsages = (doc: ScenarioDoc): Behaviors['nodes'] => {
  const specs: NodeSpec[] = [...(doc.nodes ?? []), ...doc.timeline.flatMap((step) => (step.kind === 'addNode' ? [step.value] : []))];
  return new Map(
    specs.map((n): [string, NodeUsage] => [
      n.name,
      { diskUsedBytes: n.diskUsed ?? 0n, processes: Number(n.processes ?? 0n), ...(n.pidMax === undefined ? {} : { pidMax: n.pidMax }) },
    ]),
  );
};

const checkImages = (
  source: Source,
  doc: ScenarioDoc,
  pods: CompiledTimeline['pods'],
): E.Either<ScenarioError, void> => {
  const used = new Set([...pods.values()].flat().flatMap(imagesOf));
  const unused = Object.keys(doc.images ?? {}).find((image) => !used.has(image));
  return unused === undefined
    ? E.right(undefined)
    : E.left(errorAt(source, ['images', unused], `no container uses image "${unused}"`));
};

const LAST_INSTANT_MS = Date.parse('9999-12-31T23:59:59.999Z');

/** `loadScenario` over a given manifest loader. */
export const loadScenarioWith =
  (load: ManifestLoader) =>
  (text: string, file: string, readFile: ReadFile): E.Either<ScenarioError, LoadedScenario> =>
    pipe(
      E.Do,
      E.bind('source', () =>
        pipe(
          parseSource(text, file),
          E.mapLeft((fault): ScenarioError => ({ file, line: fault.line, path: '', message: fault.message })),
        ),
      ),
      E.bind('doc', ({ source }) => decodeIn(source, ScenarioCodec)),
      E.let('startMs', ({ doc }) => Date.parse(doc.start)),
      // Every event instant must be one the API can write (four-digit years).
      E.tap(({ source, doc, startMs }) =>
        startMs + doc.until > LAST_INSTANT_MS
          ? E.left(errorAt(source, ['until'], 'runs past 9999-12-31T23:59:59Z, the last instant the API can write'))
          : E.right(undefined),
      ),
      E.bind('compiled', ({ source, doc, startMs }) => compileTimeline(source, doc, startMs, readFile, load)),
      E.tap(({ source, doc, compiled }) => checkImages(source, doc, compiled.pods)),
      E.bind('containers', ({ source, doc, compiled }) => containerBehaviors(source, doc, compiled.pods)),
      E.bind('volumes', ({ source, doc, compiled }) => volumeUses(source, doc, compiled.pods)),
      E.map(({ doc, startMs, compiled, containers, volumes }) => ({
        name: doc.name ?? posix.basename(file).replace(/\.ya?ml$/, ''),
        story: headerComment(text),
        start: instantOf(startMs),
        file,
        simulation: {
          world: buildWorld({ containers, images: doc.images ?? {}, volumes, nodes: nodeUsages(doc), startMs }),
          external: compiled.external,
          until: startMs + doc.until,
        },
        warnings: compiled.warnings,
      })),
    );

/**
 * `loadScenario(text, file, readFile)`: the scenario in `text` (read from `file`, which names it and its
 * errors), with `readFile` reading manifests relative to the scenario's folder.
 */
export const loadScenario = loadScenarioWith(loadManifests);
