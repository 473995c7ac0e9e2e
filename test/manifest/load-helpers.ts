/** Shared helpers for the manifest tests: load a fixture or a string and unwrap the result. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import { formatManifestError, loadManifests, type LoadedManifests } from '../../src/manifest/index.js';

const fixtures = fileURLToPath(new URL('../fixtures/manifests/', import.meta.url));

export const fixtureText = (name: string): string => readFileSync(`${fixtures}${name}`, 'utf8');

export const loadOk = (text: string, file = 'pod.yaml'): LoadedManifests => {
  const result = loadManifests(text, file);
  if (E.isLeft(result)) throw new Error(`expected ${file} to load: ${formatManifestError(result.left)}`);
  return result.right;
};

/** The one-line error, or a marker when the manifest unexpectedly loaded. */
export const errorLine = (text: string, file = 'pod.yaml'): string => {
  const result = loadManifests(text, file);
  return E.isLeft(result) ? formatManifestError(result.left) : 'loaded without error';
};

export const firstPod = (text: string) => {
  const [first] = loadOk(text).pods;
  if (first === undefined) throw new Error('no pod loaded');
  return first.pod;
};
