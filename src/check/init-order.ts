/**
 * Init containers (`computePodActions`): regular init containers run one at a time in spec order, each
 * only after the ones before it exited 0; no regular container starts before all of them exited 0.
 */
import type { Check, Violation } from './violation.js';
import { startsOf, type Start } from './instances.js';
import type { PodHistory } from './observed.js';

interface Slot {
  readonly name: string;
  readonly init: boolean;
}

type Rule = (start: Start, before: readonly Slot[], regular: boolean, all: readonly Slot[]) => { readonly message: string; readonly culprit: string } | undefined;

const succeeded = (start: Start, name: string): boolean => start.others.get(name)?.exit?.code === 0;
const running = (start: Start, name: string): boolean => {
  const i = start.others.get(name);
  return i !== undefined && i.exit === undefined;
};

/** Applies `rule` to every start, given the regular init containers before it (all of them for a regular container). */
const startsBreaking = (h: PodHistory, check: string, rule: Rule): Violation[] => {
  const created = h.steps.find((s) => s.entry.event.type === 'PodCreated')?.after?.pod;
  if (created === undefined) return [];
  const inits: Slot[] = (created.spec.initContainers ?? []).map((c) => ({ name: c.name, init: c.restartPolicy !== 'Always' }));
  const regular = new Set(created.spec.containers.map((c) => c.name));
  return startsOf(h).flatMap((start): Violation[] => {
    const index = inits.findIndex((s) => s.name === start.container);
    if (index < 0 && !regular.has(start.container)) return [];
    const before = (index >= 0 ? inits.slice(0, index) : inits).filter((s) => s.init);
    const found = rule(start, before, index < 0, inits.filter((s) => s.init));
    if (found === undefined) return [];
    const culprit = start.others.get(found.culprit);
    const shown = culprit === undefined ? [] : [culprit.started, ...(culprit.exit === undefined ? [] : [culprit.exit.entry])];
    return [{ check, subject: h.key, message: found.message, evidence: [...shown, start.entry].sort((a, b) => a.seq - b.seq) }];
  });
};

export const regularBeforeInit: Check = {
  name: 'init-before-regular',
  rule: 'no regular container starts before every init container exited 0',
  run: ({ pods }) =>
    pods.flatMap((h) =>
      startsBreaking(h, 'init-before-regular', (start, before, regular) => {
        const pending = regular ? before.find((s) => !succeeded(start, s.name)) : undefined;
        return pending === undefined ? undefined : { message: `container ${start.container} started before init container ${pending.name} exited 0`, culprit: pending.name };
      }),
    ),
};

export const initOutOfOrder: Check = {
  name: 'init-in-order',
  rule: 'init containers run one at a time, in spec order, each after the previous exited 0',
  run: ({ pods }) =>
    pods.flatMap((h) =>
      startsBreaking(h, 'init-in-order', (start, before, regular, all) => {
        if (regular) return undefined;
        const pending = before.find((s) => !succeeded(start, s.name));
        if (pending !== undefined) return { message: `init container ${start.container} started before ${pending.name} exited 0`, culprit: pending.name };
        const busy = all.find((s) => s.name !== start.container && running(start, s.name));
        return busy === undefined ? undefined : { message: `init container ${start.container} started while ${busy.name} was running`, culprit: busy.name };
      }),
    ),
};
