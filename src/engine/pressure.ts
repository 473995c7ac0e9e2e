/**
 * The eviction manager's node conditions (`eviction_manager.go :: synchronize` → `nodeConditions`, the map
 * `signalToNodeCondition` in `eviction/helpers.go`): memory signals give MemoryPressure, nodefs and imagefs
 * DiskPressure, `pid.available` PIDPressure. The engine decides each from the world's answers where it observes
 * the signals (`eviction/decide.ts`); where it does not (no disk size, no process limit), the condition is what
 * the scenario's node condition says.
 */

/** In this order when several hold (Go builds the list from the configured thresholds, a map: no fixed order). */
export const PRESSURE_TYPES = ['MemoryPressure', 'DiskPressure', 'PIDPressure'] as const;

export type PressureType = (typeof PRESSURE_TYPES)[number];

export const isPressureType = (type: string): type is PressureType => (PRESSURE_TYPES as readonly string[]).includes(type);

/** The conditions with `type` set to `on`, in `PRESSURE_TYPES`' order. */
export const withPressure = (pressures: readonly PressureType[], type: PressureType, on: boolean): readonly PressureType[] =>
  PRESSURE_TYPES.filter((t) => (t === type ? on : pressures.includes(t)));
