/**
 * What the API server's JSON decoding makes of a field left out or left empty, where the codec would read it
 * differently: Go's zero values. An empty string in a non-pointer enum (`spec.restartPolicy`, a container's
 * `imagePullPolicy` and `terminationMessagePolicy`) is unset, so defaulting fills it; a handler's missing
 * `port` is the integer 0, which validation then refuses as a port (`validateHandler`), not as missing.
 * A container's own `restartPolicy` is a pointer: its empty string stays, and validation refuses it.
 */
import * as t from 'io-ts';

type UnknownRecord = Record<string, unknown>;

const withoutEmpty = (record: UnknownRecord, keys: readonly string[]): UnknownRecord =>
  Object.fromEntries(Object.entries(record).filter(([key, value]) => !(keys.includes(key) && value === '')));

const mapKey = (record: UnknownRecord, key: string, f: (inner: UnknownRecord) => UnknownRecord): UnknownRecord => {
  const inner = record[key];
  return t.UnknownRecord.is(inner) ? { ...record, [key]: f(inner) } : record;
};

const mapItems = (record: UnknownRecord, key: string, f: (inner: UnknownRecord) => UnknownRecord): UnknownRecord => {
  const items = record[key];
  return Array.isArray(items) ? { ...record, [key]: items.map((item: unknown) => (t.UnknownRecord.is(item) ? f(item) : item)) } : record;
};

/** `httpGet`, `tcpSocket` and `grpc` without a `port` have port 0. */
const zeroPorts = (handler: UnknownRecord): UnknownRecord =>
  ['httpGet', 'tcpSocket', 'grpc'].reduce((h, kind) => mapKey(h, kind, (action) => ('port' in action ? action : { ...action, port: 0 })), handler);

const containerZeroValues = (container: UnknownRecord): UnknownRecord => {
  const probed = ['livenessProbe', 'readinessProbe', 'startupProbe'].reduce((c, probe) => mapKey(c, probe, zeroPorts), container);
  const hooked = mapKey(probed, 'lifecycle', (lifecycle) => mapKey(mapKey(lifecycle, 'postStart', zeroPorts), 'preStop', zeroPorts));
  return withoutEmpty(hooked, ['imagePullPolicy', 'terminationMessagePolicy']);
};

/** The manifest object as the API server's decoder sees it, before the codec reads it. */
export const goZeroValues = (raw: UnknownRecord): UnknownRecord =>
  mapKey(raw, 'spec', (spec) => mapItems(mapItems(withoutEmpty(spec, ['restartPolicy']), 'containers', containerZeroValues), 'initContainers', containerZeroValues));
