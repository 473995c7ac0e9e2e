/** Where the importer tests find their inputs: recorded cluster data, and ours. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import type { Event } from '../../src/events/index.js';
import { V1Pod } from '../../src/k8s/pod.js';
import { importFiles, type FileImportOptions, type FileImportResult } from '../../src/importers/index.js';

/** `test/fixtures/real/`: recorded cluster data, with its sources and licences in its README. */
export const real = (name: string): string => fileURLToPath(new URL(`../fixtures/real/${name}`, import.meta.url));

export const ours = (name: string): string => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

/** The first item of a PodList file, decoded (failing the test if it does not decode). */
export const firstListedPod = (file: string): V1Pod => {
  const list = JSON.parse(readFileSync(file, 'utf8')) as { items: unknown[] };
  const decoded = V1Pod.decode(list.items[0]);
  if (decoded._tag === 'Left') throw new Error(`the first pod of ${file} does not decode`);
  return decoded.right;
};

/** Imports the files, failing the test with the importer's own messages if it refuses. */
export const imported = async (files: readonly string[], opts?: FileImportOptions): Promise<FileImportResult> => {
  const result = await importFiles(files, opts);
  if (E.isLeft(result)) throw new Error(result.left.join('\n'));
  return result.right;
};

/** The events without the file and line they came from, for comparing the same story told by different files. */
export const withoutSourceLines = (events: readonly Event[]): Event[] =>
  events.map((e) => {
    if (e.from === undefined) return e;
    const { file: _file, line: _line, ...rest } = e.from;
    const { from: _from, ...bare } = e;
    return Object.keys(rest).length === 0 ? bare : { ...bare, from: rest };
  });
