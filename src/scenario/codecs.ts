/** io-ts building blocks of the scenario format: strict records, Go durations, byte quantities and rates. */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { Integer } from '../k8s/codecs.js';
import { parseDuration } from '../k8s/duration.js';
import { MAX_DURATION_SECONDS, rangeProblem } from '../k8s/ranges.js';
import { parseThreshold } from '../k8s/eviction-threshold.js';
import { parseQuantity } from '../k8s/quantity.js';

/** The message of the failure a strict record reports for a key it does not know. */
export const UNKNOWN_KEY = 'unknown key';

const NANO = 1_000_000_000n;

/**
 * A record with required and optional fields that refuses any other key, so a typo (`gracePeriod` for
 * `gracePeriodSeconds`) is an error naming the key instead of a silently ignored setting.
 */
export const strict = <R extends t.Props, O extends t.Props = {}>(name: string, required: R, optional?: O) => {
  const inner = t.exact(t.intersection([t.type(required), t.partial(optional ?? ({} as O))]), name);
  const known = new Set([...Object.keys(required), ...Object.keys(optional ?? {})]);
  return new t.Type<t.TypeOf<typeof inner>, t.OutputOf<typeof inner>, unknown>(
    name,
    inner.is,
    (u, c) => {
      if (typeof u === 'object' && u !== null && !Array.isArray(u)) {
        const extra = Object.keys(u).find((k) => !known.has(k));
        if (extra !== undefined) {
          return t.failure(
            (u as Record<string, unknown>)[extra],
            [...c, { key: extra, type: t.never, actual: u }],
            UNKNOWN_KEY,
          );
        }
      }
      // Decode as `inner` itself, so error paths see through it as they do through any exact intersection.
      const last = c[c.length - 1];
      return inner.validate(u, last === undefined ? c : [...c.slice(0, -1), { ...last, type: inner }]);
    },
    inner.encode,
  );
};

const MAX_DURATION_MS = MAX_DURATION_SECONDS * 1000;

/** A Go duration (`30s`, `2m`, `1h30m`, `1.5s`, `0`) as non-negative milliseconds, at most Go's longest (~292 years). */
export const Duration = new t.Type<number, string, unknown>(
  'Duration',
  (u): u is number => typeof u === 'number' && u >= 0 && u <= MAX_DURATION_MS,
  (u, c) => {
    const ms = typeof u === 'string' ? parseDuration(u) : u === 0 ? 0 : undefined;
    if (ms === undefined || ms < 0) return t.failure(u, c, 'is not a duration');
    return ms > MAX_DURATION_MS ? t.failure(u, c, 'is longer than the longest Go duration (2562047h47m16s)') : t.success(ms);
  },
  (ms) => `${ms}ms`,
);

/** An integer the Kubernetes field it stands for can hold (`src/k8s/ranges.ts`): grace seconds, exit codes. */
const rangedInteger = (name: string, kind: 'int32' | 'duration seconds') =>
  new t.Type<number, number, unknown>(
    name,
    (u): u is number => Integer.is(u) && rangeProblem(u, kind) === undefined,
    (u, c) => {
      if (!Integer.is(u)) return t.failure(u, c);
      const problem = rangeProblem(u, kind);
      return problem === undefined ? t.success(u) : t.failure(u, c, `is out of range: ${problem}`);
    },
    (n) => n,
  );
export const GraceSeconds = rangedInteger('GraceSeconds', 'duration seconds');
export const ExitCode = rangedInteger('ExitCode', 'int32');

/** Whole bytes of a memory quantity (`64Mi`, `1G`, `512`), rounded up like `Quantity.Value()`. */
export const bytesOfQuantity = (raw: string): bigint | undefined => {
  const q = parseQuantity(raw);
  return q === undefined || q.nanos < 0n ? undefined : q.nanos / NANO + (q.nanos % NANO > 0n ? 1n : 0n);
};

/** An amount as bytes, written as a Kubernetes quantity; `what` names it in errors (`memory`, `disk`). */
export const bytesOf = (what: string) =>
  new t.Type<bigint, string, unknown>(
    'Bytes',
    (u): u is bigint => typeof u === 'bigint',
    (u, c) => {
      const bytes = typeof u === 'string' || typeof u === 'number' ? bytesOfQuantity(String(u)) : undefined;
      return bytes === undefined ? t.failure(u, c, `is not a ${what} quantity`) : t.success(bytes);
    },
    (b) => b.toString(),
  );

/** A memory amount, written as a Kubernetes quantity, as bytes. */
export const Bytes = bytesOf('memory');

/** A number of processes: a whole number, at least 0. */
export const Count = new t.Type<bigint, number, unknown>(
  'Count',
  (u): u is bigint => typeof u === 'bigint',
  (u, c) => (Integer.is(u) && u >= 0 ? t.success(BigInt(u)) : t.failure(u, c, 'is not a whole number of processes')),
  (n) => Number(n),
);

/**
 * A hard eviction threshold for `signal` as `--eviction-hard` writes it: a quantity (`200Mi`, `100` processes) or a
 * percentage of what the signal sees (`5%`); `0%` and `100%` turn it off, as the kubelet ignores them. Kept as
 * written: the node's journal event carries the text, the engine reads it.
 */
export const evictionThreshold = (signal: string) =>
  new t.Type<string, string, unknown>(
    'EvictionThreshold',
    (u): u is string => typeof u === 'string' && E.isRight(parseThreshold(signal, u)),
    (u, c) => {
      const s = typeof u === 'number' && Number.isFinite(u) ? String(u) : u;
      if (typeof s !== 'string') return t.failure(u, c, 'is not a quantity or a percentage');
      const parsed = parseThreshold(signal, s);
      return E.isRight(parsed) ? t.success(s) : t.failure(u, c, parsed.left);
    },
    (s) => s,
  );

/** The kubelet's hard `memory.available` threshold. */
export const MemoryEvictionThreshold = evictionThreshold('memory.available');

/** A growth rate `AMOUNT/DURATION` (`10Mi/s`, `1Gi/5m`; `50/s` for processes), as units per millisecond (a fraction). */
const rateOf = (example: string) =>
  new t.Type<number, string, unknown>(
    'Rate',
    (u): u is number => typeof u === 'number',
    (u, c) => {
      const [amount, per, ...rest] = typeof u === 'string' ? u.split('/') : [];
      const units = amount === undefined ? undefined : bytesOfQuantity(amount);
      const ms = per === undefined ? undefined : parseDuration(/^\d/.test(per) ? per : `1${per}`);
      return units === undefined || ms === undefined || ms <= 0 || rest.length > 0
        ? t.failure(u, c, `is not a rate like ${example}`)
        : t.success(Number(units) / ms);
    },
    (r) => `${r}/ms`,
  );
export const Rate = rateOf('10Mi/s');
/** Processes started per unit of time (`50/s`). */
export const CountRate = rateOf('50/s');

/**
 * Common fields plus exactly one of the member keys, decoded by its codec (`{ at: 30s, delete: {...} }`).
 * Errors point into the one member present, instead of listing every member as a plain union would.
 */
export const oneOf = <C, P extends Record<string, t.Mixed>>(
  name: string,
  shared: t.Type<C, unknown, unknown>,
  members: P,
) => {
  type Member = { [K in keyof P]: { readonly kind: K; readonly value: t.TypeOf<P[K]> } }[keyof P];
  type Out = C & Member;
  const keys = Object.keys(members);
  return new t.Type<Out, unknown, unknown>(
    name,
    (u): u is Out => typeof u === 'object' && u !== null && 'kind' in u,
    (u, c) => {
      if (typeof u !== 'object' || u === null || Array.isArray(u)) return t.failure(u, c, `is not a ${name}`);
      const record = u as Record<string, unknown>;
      const present = keys.filter((k) => k in record);
      const [key] = present;
      if (key === undefined || present.length > 1) return t.failure(u, c, `needs exactly one of ${keys.join(', ')}`);
      const rest = Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
      const base = shared.validate(rest, c);
      if (base._tag === 'Left') return base;
      const codec = members[key] as t.Mixed;
      const value = codec.validate(record[key], [...c, { key, type: codec, actual: record[key] }]);
      return value._tag === 'Left' ? value : t.success({ ...base.right, kind: key, value: value.right } as Out);
    },
    (o) => o,
  );
};

/** A codec chosen by the value's shape (a quantity or a ramp, a word or a record), so errors come from one. */
export const byShape = <A>(
  name: string,
  pick: (u: unknown) => t.Decoder<unknown, A> & { readonly is: (u: unknown) => boolean },
) =>
  new t.Type<A, unknown, unknown>(
    name,
    (u): u is A => pick(u).is(u),
    (u, c) => pick(u).validate(u, c),
    (a) => a,
  );
