/**
 * `loadManifests`: the Pods of a YAML or JSON file (many documents, or a v1 List), decoded, defaulted,
 * admitted (ServiceAccount, DefaultTolerationSeconds, Priority) and validated as the API server would on create. Pure: text in, Either out.
 */
import * as E from 'fp-ts/lib/Either.js';
import { isScalar, LineCounter, parseAllDocuments, type Document } from 'yaml';
import { V1Pod } from '../k8s/pod.js';
import { decodePod } from './decode.js';
import { applyDefaults } from './defaults.js';
import { renderPath, type FieldError, type FieldPath, type ManifestError } from './errors.js';
import { lineOfPath } from './lines.js';
import { admitPriority } from './priority.js';
import { admitServiceAccount } from './service-account.js';
import { admitDefaultTolerations } from './tolerations.js';
import { unknownFields } from './unknown-fields.js';
import { validatePod } from './validate.js';

export interface LoadedManifests {
  /** Each pod with the 1-based line where its document (or List item) starts: its first line of content, after any leading comments. */
  readonly pods: ReadonlyArray<{ readonly pod: V1Pod; readonly line: number; readonly unknownFields: readonly string[] }>;
  /** One line per unknown field: `pod.yaml:12: unknown field "spec.containers[0].foo"`. */
  readonly warnings: readonly string[];
}

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u);

/** One object to load: its value, where it sits in its document, and the line it starts on. */
interface Candidate {
  readonly raw: unknown;
  readonly prefix: FieldPath;
  readonly line: number;
}

interface Located {
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  readonly file: string;
}

const describeKind = (raw: Record<string, unknown>): string =>
  `${typeof raw['apiVersion'] === 'string' ? raw['apiVersion'] : '?'} ${typeof raw['kind'] === 'string' ? raw['kind'] : '?'}`;

/** The objects of one document: itself, or the items of a v1 List. */
const candidatesOf = (where: Located, line: number): E.Either<ManifestError, Candidate[]> => {
  const raw: unknown = where.doc.toJS();
  if (isRecord(raw) && raw['apiVersion'] === 'v1' && raw['kind'] === 'List') {
    const items = raw['items'];
    if (!Array.isArray(items)) return E.left({ file: where.file, line, path: 'items', message: 'a v1 List needs an items array' });
    return E.right(
      items.map((item: unknown, i) => ({
        raw: item,
        prefix: ['items', i],
        line: lineOfPath(where.doc.contents, ['items', i], where.lines, line),
      })),
    );
  }
  return E.right([{ raw, prefix: [], line }]);
};

/** Decode, default, admit and validate one object; unknown fields become warnings. */
const loadOne = (where: Located, c: Candidate): E.Either<ManifestError, { pod: V1Pod; unknownFields: string[]; warnings: string[] }> => {
  const at = (path: FieldPath): number => lineOfPath(where.doc.contents, [...c.prefix, ...path], where.lines, c.line);
  const fail = (e: FieldError): ManifestError => ({ file: where.file, line: at(e.at ?? e.path), path: renderPath(e.path), message: e.message });
  const { raw } = c;
  if (!isRecord(raw)) return E.left({ file: where.file, line: c.line, path: '', message: 'expected a v1 Pod object' });
  if (raw['apiVersion'] !== 'v1' || raw['kind'] !== 'Pod') {
    return E.left({
      file: where.file,
      line: c.line,
      path: 'kind',
      message: `unsupported kind "${describeKind(raw)}": only "v1 Pod" and a "v1 List" of Pods can be loaded`,
    });
  }
  const decoded = decodePod(raw);
  if (E.isLeft(decoded)) return E.left(fail(decoded.left));
  const unknown = unknownFields(V1Pod, raw);
  const warnings = unknown.map((path) => `${where.file}:${at(path)}: unknown field "${renderPath(path)}"`);
  // Defaults on decode, then the mutating admission plugins in the API server's order, then validation.
  const admitted = admitPriority(admitServiceAccount(applyDefaults(decoded.right)));
  if ('error' in admitted) return E.left(fail(admitted.error));
  const pod = admitDefaultTolerations(admitted.pod);
  const invalid = validatePod(pod);
  return invalid === undefined ? E.right({ pod, unknownFields: unknown.map(renderPath), warnings }) : E.left(fail(invalid));
};

export const loadManifests = (text: string, file: string): E.Either<ManifestError, LoadedManifests> => {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false });
  const pods: Array<{ pod: V1Pod; line: number; unknownFields: string[] }> = [];
  const warnings: string[] = [];
  for (const doc of docs) {
    const [syntax] = doc.errors;
    if (syntax !== undefined) {
      // its column too, as an import names a YAML or JSON fault (importers/documents.ts)
      const { line, col } = lines.linePos(syntax.pos[0]);
      return E.left({ file, line, path: '', message: `${syntax.message.split('\n')[0] ?? 'invalid YAML'} (column ${col})` });
    }
    const { contents } = doc;
    // An empty document, as after a trailing `---`, holds nothing (or a null scalar).
    if (contents === null || (isScalar(contents) && contents.value === null)) continue;
    const start = contents.range[0];
    const where: Located = { doc, lines, file };
    const candidates = candidatesOf(where, lines.linePos(start).line);
    if (E.isLeft(candidates)) return candidates;
    for (const c of candidates.right) {
      const loaded = loadOne(where, c);
      if (E.isLeft(loaded)) return loaded;
      pods.push({ pod: loaded.right.pod, line: c.line, unknownFields: loaded.right.unknownFields });
      warnings.push(...loaded.right.warnings);
    }
  }
  if (pods.length === 0) return E.left({ file, line: 1, path: '', message: 'no objects found' });
  return E.right({ pods, warnings });
};
