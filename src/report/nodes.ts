/** Node lanes: each node condition's values over time, read from the node fold after each node event. */
import type { NodeEvent } from '../events/index.js';
import { compareStrings } from '../printers/go-sort.js';
import { reduceNode, type NodeState } from '../reducers/index.js';
import type { ConditionSteps, NodeLane } from './model.js';

export class NodeLanes {
  private readonly states = new Map<string, NodeState>();
  private readonly lanes = new Map<string, Map<string, ConditionSteps>>();

  apply(e: NodeEvent, at: number): void {
    const after = reduceNode(this.states.get(e.node), e);
    if (after === undefined) {
      this.states.delete(e.node);
      return;
    }
    this.states.set(e.node, after);
    const lane = this.lanes.get(e.node) ?? new Map<string, ConditionSteps>();
    this.lanes.set(e.node, lane);
    for (const c of after.conditions) {
      const steps = lane.get(c.type) ?? { type: c.type, steps: [] };
      lane.set(c.type, steps);
      const last = steps.steps[steps.steps.length - 1];
      if (last?.status === c.status && last.reason === c.reason) continue;
      steps.steps.push({ at, status: c.status, ...(c.reason === undefined ? {} : { reason: c.reason }) });
    }
  }

  /** The lanes of the nodes `keep` accepts, by name. */
  result(keep: (node: string) => boolean): NodeLane[] {
    return [...this.lanes.entries()]
      .filter(([name]) => keep(name))
      .sort(([a], [b]) => compareStrings(a, b))
      .map(([name, conditions]) => ({ name, conditions: [...conditions.values()] }));
  }
}
