/** Test support: file reading relative to a folder, and scenario loading from `journal/`. */
import * as E from 'fp-ts/lib/Either.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/index.js';
import type { LoadedScenario } from '../../src/scenario/index.js';
import { renderScenarioError } from '../../src/scenario/errors.js';

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
