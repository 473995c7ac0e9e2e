/**
 * Nodes as a journal knows them at an instant: a served v1 Node (labels, capacity, conditions, the taints the
 * node lifecycle controller derives from them) and `kubectl get nodes`' table (`pkg/printers/internalversion/
 * printers.go :: printNode`): NAME, STATUS, ROLES, AGE, VERSION; with `-o wide` INTERNAL-IP, EXTERNAL-IP,
 * OS-IMAGE, KERNEL-VERSION, CONTAINER-RUNTIME. A journal records no node info (kubelet version, OS image):
 * those cells print as kubectl prints an empty value.
 */
import { instantOf, msOf } from '../k8s/codecs.js';
import { CONDITION_TAINT_KEYS, readyTaintKey } from '../k8s/node-taints.js';
import type { NodeState } from '../reducers/index.js';
import { ageOf } from './duration.js';
import { labelCells, labelHeaders, type LabelColumns } from './label-columns.js';
import { renderTable } from './tabwriter.js';

export interface NodeTaint {
  readonly key: string;
  readonly effect: 'NoSchedule' | 'NoExecute';
  readonly timeAdded: string;
}

/** `--node-monitor-period`: the NoExecute taint comes at the controller's pass after the one that saw the condition. */
const NODE_MONITOR_PERIOD_MS = 5_000;

/**
 * `pkg/controller/nodelifecycle/node_lifecycle_controller.go`: `nodeConditionToTaintKeyStatusMap` (pressure
 * conditions → NoSchedule taints, added as soon as the condition is seen, `doNoScheduleTaintingPass`) and, for a
 * Ready condition that is False or Unknown, the NoExecute taint of the next pass (`processTaintBaseEviction`),
 * appended after them (`SwapNodeControllerTaint` stamps `timeAdded`). The controller withholds NoExecute taints
 * while every node is not Ready (`handleDisruption`), which one node's view cannot tell: it is shown regardless.
 */
export const taintsOf = (node: NodeState, now: Date): NodeTaint[] => {
  const condition = (type: string) => node.conditions.find((c) => c.type === type);
  const taints: NodeTaint[] = [];
  const ready = condition('Ready');
  const readyKey = readyTaintKey(ready?.status);
  if (ready !== undefined && readyKey !== undefined) taints.push({ key: readyKey, effect: 'NoSchedule', timeAdded: ready.lastTransitionTime });
  for (const [type, key] of CONDITION_TAINT_KEYS) {
    const c = condition(type);
    if (c?.status === 'True') taints.push({ key, effect: 'NoSchedule', timeAdded: c.lastTransitionTime });
  }
  const noExecuteAt = ready === undefined ? Infinity : msOf(ready.lastTransitionTime) + NODE_MONITOR_PERIOD_MS;
  if (readyKey !== undefined && noExecuteAt <= now.getTime()) taints.push({ key: readyKey, effect: 'NoExecute', timeAdded: instantOf(noExecuteAt) });
  return taints;
};

/** The node as the API would serve it at `now`, from what the journal holds. */
export const servedNode = (node: NodeState, registeredAt: string | undefined, now: Date) => ({
  apiVersion: 'v1',
  kind: 'Node' as const,
  metadata: { name: node.name, ...(registeredAt === undefined ? {} : { creationTimestamp: registeredAt }), labels: node.labels },
  spec: taintsOf(node, now).length === 0 ? {} : { taints: taintsOf(node, now) },
  status: {
    capacity: node.capacity,
    allocatable: node.allocatable,
    conditions: node.conditions.map((c) => ({ type: c.type, status: c.status, lastTransitionTime: c.lastTransitionTime, ...(c.reason === undefined ? {} : { reason: c.reason }), ...(c.message === undefined ? {} : { message: c.message }) })),
    ...(node.internalIP === undefined ? {} : { addresses: [{ type: 'InternalIP', address: node.internalIP }] }),
  },
});

/** printNode: only the Ready condition makes STATUS (`NodeAllConditions`): Ready, NotReady, or Unknown without one. */
const statusOf = (node: NodeState): string => {
  const ready = node.conditions.find((c) => c.type === 'Ready');
  return ready === undefined ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady';
};

/** printers.go :: findNodeRoles: `node-role.kubernetes.io/ROLE` labels (a bare prefix names none) and the `kubernetes.io/role` label. */
const rolesOf = (node: NodeState): string => {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.labels)) {
    const role = k.startsWith('node-role.kubernetes.io/') ? k.slice('node-role.kubernetes.io/'.length) : k === 'kubernetes.io/role' ? v : '';
    if (role !== '') roles.add(role);
  }
  return roles.size === 0 ? '<none>' : [...roles].sort().join(',');
};

export interface NodeRow {
  readonly node: NodeState;
  readonly registeredAt?: string;
}

/** printNode's cells for one node (`-o wide` adds the addresses and the node info, which a journal does not record). */
export const nodeCells = ({ node, registeredAt }: NodeRow, wide: boolean, now: Date): string[] => [
  node.name,
  statusOf(node),
  rolesOf(node),
  ageOf(registeredAt, now),
  '',
  ...(wide ? [node.internalIP ?? '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>'] : []),
];

/** printNode's table, rows in the order given (the API lists nodes by name; `--sort-by` orders them otherwise). */
/** `--show-kind` (`withKind`) names each node `node/NAME` (cli-runtime tableprinter.go :: decorateTable). */
export const nodesTable = (
  rows: readonly NodeRow[],
  opts: LabelColumns & { readonly wide: boolean; readonly headers: boolean; readonly withKind?: boolean },
  now: Date,
): string => {
  const header = ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION', ...(opts.wide ? ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'] : []), ...labelHeaders(opts)];
  const body = rows.map((row) => {
    const [name = '', ...rest] = nodeCells(row, opts.wide, now);
    return [opts.withKind === true ? `node/${name}` : name, ...rest, ...labelCells(row.node.labels, opts)];
  });
  return renderTable(opts.headers ? [header, ...body] : body);
};
