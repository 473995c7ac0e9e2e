/**
 * A readable field-level diff of two JSON objects (two versions of a v1 Pod): one entry per leaf that was
 * added, removed or changed. Lists of objects with a `name` or `type` are keyed by it, as Kubernetes merges
 * them, so a container's status is addressed as `status.containerStatuses[app].ready`.
 */
export type FieldDiff =
  | { readonly op: 'added'; readonly path: string; readonly to: unknown }
  | { readonly op: 'removed'; readonly path: string; readonly from: unknown }
  | { readonly op: 'changed'; readonly path: string; readonly from: unknown; readonly to: unknown };

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u);

const keyOf = (item: unknown, index: number): string => {
  if (isObject(item)) {
    const key = item['name'] ?? item['type'];
    if (typeof key === 'string') return key;
  }
  return String(index);
};

/** The leaves of a JSON value by path; empty objects and lists count as leaves so their appearance shows. */
const leaves = (value: unknown, path: string, out: Map<string, unknown>): Map<string, unknown> => {
  if (Array.isArray(value) && value.length > 0) value.forEach((item, i) => leaves(item, `${path}[${keyOf(item, i)}]`, out));
  else if (isObject(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) leaves(v, path === '' ? k : `${path}.${k}`, out);
  } else out.set(path, value);
  return out;
};

export const fieldDiff = (before: unknown, after: unknown): FieldDiff[] => {
  const a = leaves(before ?? {}, '', new Map());
  const b = leaves(after ?? {}, '', new Map());
  const diffs: FieldDiff[] = [];
  for (const [path, from] of a) {
    if (!b.has(path)) diffs.push({ op: 'removed', path, from });
    else if (JSON.stringify(from) !== JSON.stringify(b.get(path))) diffs.push({ op: 'changed', path, from, to: b.get(path) });
  }
  for (const [path, to] of b) if (!a.has(path)) diffs.push({ op: 'added', path, to });
  return diffs.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
};

const show = (u: unknown): string => (typeof u === 'string' ? u : JSON.stringify(u));

/** `~ status.phase: Pending → Running`, `+ status.podIP: 10.0.0.5`, `- status.reason: Evicted`. */
export const fieldDiffLine = (d: FieldDiff): string => {
  switch (d.op) {
    case 'added':
      return `+ ${d.path}: ${show(d.to)}`;
    case 'removed':
      return `- ${d.path}: ${show(d.from)}`;
    case 'changed':
      return `~ ${d.path}: ${show(d.from)} → ${show(d.to)}`;
    default: {
      const unhandled: never = d;
      return unhandled;
    }
  }
};
