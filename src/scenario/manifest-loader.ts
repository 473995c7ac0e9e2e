/** The manifest loader scenarios use: pods from YAML text, errors naming file and line. */
import * as E from 'fp-ts/lib/Either.js';
import { LineCounter, parseAllDocuments } from 'yaml';
import { formatErrors } from '../events/report.js';
import { V1Pod } from '../k8s/pod.js';
import { scenarioError } from './errors.js';
import type { ManifestLoader } from './manifests.js';

// Interim until src/manifest's loadManifests lands: decodes Pods without defaulting or validation.
export const loadPods: ManifestLoader = (text, file) => {
  const lines = new LineCounter();
  const pods = [];
  for (const doc of parseAllDocuments(text, { lineCounter: lines })) {
    if ('empty' in doc) continue;
    const line = lines.linePos(doc.contents?.range[0] ?? 0).line;
    const [syntax] = doc.errors;
    if (syntax !== undefined) return E.left(scenarioError(file, syntax.linePos?.[0].line ?? line, syntax.message));
    const decoded = V1Pod.decode(doc.toJS());
    if (E.isLeft(decoded)) return E.left(scenarioError(file, line, formatErrors(decoded.left)));
    pods.push({ pod: decoded.right, line });
  }
  return E.right({ pods });
};
