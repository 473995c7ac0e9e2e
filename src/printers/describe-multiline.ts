/** describe's multi-line maps and lists (`printLabelsMultiline`, `printAnnotationsMultiline`, `printPodTolerationsMultiline`). */
import { goLength, goPrefix } from '../k8s/go-bytes.js';
import type { V1Pod } from '../k8s/pod.js';
import { LEVEL_0, type PrefixWriter } from './prefix-writer.js';
import { sortedBy } from './go-sort.js';

type Toleration = NonNullable<V1Pod['spec']['tolerations']>[number];

const MAX_ANNOTATION_LEN = 140;
/** Annotations describe never shows. */
const skipAnnotations: ReadonlySet<string> = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

const sortedKeys = (m: Readonly<Record<string, string>>): string[] => sortedBy(Object.keys(m), (k) => k);

/** `Title:\tk=v` then `\tk=v` per further label, sorted by key; `<none>` when empty. */
export const printLabelsMultiline = (w: PrefixWriter, title: string, labels: Readonly<Record<string, string>> | undefined): void => {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = sortedKeys(labels ?? {});
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${key}=${labels?.[key] ?? ''}\n`);
  });
};

/** `shorten`: Go cuts the value's bytes, not its characters. */
const shorten = (s: string, max: number): string => (goLength(s) > max ? `${goPrefix(s, max)}...` : s);

/**
 * `key: value` per annotation; values longer than 140 bytes with their key, or multi-line, go on their own lines,
 * each cut at 138 bytes (Go's `len`: a non-ASCII character counts its UTF-8 bytes).
 */
export const printAnnotationsMultiline = (w: PrefixWriter, title: string, annotations: Readonly<Record<string, string>> | undefined): void => {
  w.write(LEVEL_0, `${title}:\t`);
  const all = annotations ?? {};
  const keys = sortedKeys(all).filter((k) => !skipAnnotations.has(k));
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    const value = (all[key] ?? '').replace(/\n$/, '');
    if (goLength(value) + goLength(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(LEVEL_0, `\t  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
};

/** `key=value:Effect op=Exists for 300s`, sorted by key. */
const tolerationText = (t: Toleration): string => {
  const key = t.key ?? '';
  const value = t.value ?? '';
  const effect = t.effect ?? '';
  let text = key;
  if (value !== '') text += `=${value}`;
  if (effect !== '') text += `:${effect}`;
  // `operator: Exists` with no key tolerates everything
  if (t.operator === 'Exists' && value === '') text += key !== '' || effect !== '' ? ' op=Exists' : 'op=Exists';
  if (t.tolerationSeconds !== undefined) text += ` for ${t.tolerationSeconds}s`;
  return text;
};

export const printTolerationsMultiline = (w: PrefixWriter, title: string, tolerations: readonly Toleration[] | undefined): void => {
  w.write(LEVEL_0, `${title}:\t`);
  const sorted = sortedBy(tolerations ?? [], (t) => t.key ?? '');
  if (sorted.length === 0) {
    w.writeLine('<none>');
    return;
  }
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${tolerationText(t)}\n`);
  });
};
