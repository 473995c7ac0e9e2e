/**
 * The eviction signals the engine observes and their hard thresholds (`--eviction-hard`), as the kubelet's
 * eviction manager reads them (`pkg/kubelet/eviction/helpers.go :: makeSignalObservations`, `thresholdsMet`).
 *
 * A node has one filesystem here (no dedicated image filesystem: `HasDedicatedImageFs` false), so the summary's
 * image filesystem is the node filesystem: `imagefs.available` observes the same capacity and available bytes as
 * `nodefs.available` (and `containerfs.available` takes nodefs' threshold, `UpdateContainerFsThresholds`, so it
 * adds nothing). With the defaults, DiskPressure comes when less than 15 % is free (imagefs), before nodefs' 10 %.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { EventOf } from '../../events/index.js';
import { parseThreshold, thresholdBytes, type ThresholdValue } from '../../k8s/eviction-threshold.js';
import { canonicalQuantity, formatBytes } from '../../k8s/quantity.js';
import type { PressureType } from '../pressure.js';

export const OBSERVED_SIGNALS = ['memory.available', 'imagefs.available', 'nodefs.available', 'pid.available'] as const;
export type ObservedSignal = (typeof OBSERVED_SIGNALS)[number];

/**
 * `pkg/kubelet/eviction/defaults_linux.go :: DefaultEvictionHard` for the signals observed here (v1.36 adds
 * `imagefs.inodesFree<5%`; inodes are not simulated). No `pid.available` by default.
 */
export const DEFAULT_EVICTION_HARD: Readonly<Partial<Record<ObservedSignal, string>>> = {
  'memory.available': '100Mi',
  'nodefs.available': '10%',
  'imagefs.available': '15%',
};

/** `helpers.go :: signalToNodeCondition`. */
export const conditionOfSignal: Readonly<Record<ObservedSignal, PressureType>> = {
  'memory.available': 'MemoryPressure',
  'imagefs.available': 'DiskPressure',
  'nodefs.available': 'DiskPressure',
  'pid.available': 'PIDPressure',
};

/** `helpers.go :: signalToResource`: the resource an eviction for the signal reclaims, as its message names it. */
export const resourceOfSignal: Readonly<Record<ObservedSignal, 'memory' | 'ephemeral-storage' | 'pids'>> = {
  'memory.available': 'memory',
  'imagefs.available': 'ephemeral-storage',
  'nodefs.available': 'ephemeral-storage',
  'pid.available': 'pids',
};

export const isObservedSignal = (signal: string): signal is ObservedSignal => (OBSERVED_SIGNALS as readonly string[]).includes(signal);

/** A hard threshold as written and as parsed. */
export interface HardThreshold {
  readonly text: string;
  readonly value: ThresholdValue;
}

/** The node's hard thresholds by signal, absent when the kubelet ignores it (`0%`, `100%`). */
export type HardThresholds = Readonly<Partial<Record<ObservedSignal, HardThreshold>>>;

/**
 * The thresholds a registered node's kubelet enforces: the event's `evictionHard`, each signal it leaves out taking
 * `DefaultEvictionHard`'s value (as `mergeDefaultEvictionSettings` does; a scenario writes `0%` to turn one off).
 */
export const hardThresholds = (e: EventOf<'NodeRegistered'>): HardThresholds => {
  const entries = OBSERVED_SIGNALS.flatMap((signal) => {
    const text = e.evictionHard?.[signal] ?? DEFAULT_EVICTION_HARD[signal];
    if (text === undefined) return [];
    const parsed = parseThreshold(signal, text);
    if (E.isLeft(parsed)) throw new Error(`node ${e.node}: ${parsed.left}`);
    return parsed.right === undefined ? [] : [[signal, { text, value: parsed.right }] as const];
  });
  return Object.fromEntries(entries);
};

/** One signal's observation (`signalObservation`): what is available and the capacity a percentage is of. */
export interface Observation {
  readonly available: bigint;
  readonly capacity: bigint;
}

/** `GetThresholdQuantity`: the threshold's quantity against the observed capacity; `thresholdsMet` compares it with what is available. */
export const thresholdQuantity = (threshold: HardThreshold, observed: Observation): bigint => thresholdBytes(threshold.value, observed.capacity);

/**
 * The quantity as the eviction message prints it (`Quantity.String()`): a written quantity in its own canonical
 * form, a percentage's result as `GetThresholdQuantity` makes it, `BinarySI` whatever the signal.
 */
export const thresholdShown = (threshold: HardThreshold, quantity: bigint): string =>
  'bytes' in threshold.value ? (canonicalQuantity(threshold.text) ?? threshold.text) : formatBytes(quantity);
