/**
 * `reduceNode`: a node's registration, its conditions (`lastTransitionTime` moving only on a status flip) and
 * when each eviction threshold was last met.
 */
import type { EventOf, NodeEvent } from '../events/index.js';
import type { NodeCondition, NodeState } from './state.js';

const withCondition = (node: NodeState, e: EventOf<'NodeConditionChanged'>): NodeState => {
  const old = node.conditions.find((c) => c.type === e.conditionType);
  const next: NodeCondition = {
    type: e.conditionType,
    status: e.status,
    ...(e.reason !== undefined ? { reason: e.reason } : {}),
    ...(e.message !== undefined ? { message: e.message } : {}),
    lastTransitionTime: old !== undefined && old.status === e.status ? old.lastTransitionTime : e.at,
  };
  // `concat`, not a spread: a spread's array has room for 17 conditions, kept for the node's life
  const conditions = old === undefined ? node.conditions.concat(next) : node.conditions.map((c) => (c === old ? next : c));
  return { ...node, conditions };
};

/** A node's next state; `undefined` while no such node has registered. */
export const reduceNode = (state: NodeState | undefined, event: NodeEvent): NodeState | undefined => {
  switch (event.type) {
    case 'NodeRegistered':
      // Re-registration refreshes what the node reports and keeps its conditions.
      return {
        name: event.node,
        capacity: event.capacity,
        allocatable: event.allocatable,
        labels: event.labels,
        ...(event.internalIP !== undefined ? { internalIP: event.internalIP } : {}),
        ...(event.images !== undefined ? { images: event.images } : {}),
        ...(event.evictionHard !== undefined ? { evictionHard: event.evictionHard } : {}),
        conditions: state?.conditions ?? [],
        thresholdsLastMet: state?.thresholdsLastMet ?? {},
      };
    case 'NodeConditionChanged':
      return state === undefined ? undefined : withCondition(state, event);
    case 'KubeletStopped':
      return state; // the node looks the same until the node lifecycle controller notices (`monitorNodeHealth`)
    case 'EvictionThresholdMet':
      return state === undefined
        ? undefined
        : { ...state, thresholdsLastMet: { ...state.thresholdsLastMet, [event.signal]: event.at } };
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};
