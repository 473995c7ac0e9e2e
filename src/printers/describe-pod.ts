/** `kubectl describe pod` in kubectl's layout (`staging/src/k8s.io/kubectl/pkg/describe/describe.go :: describePod`). */
import type { V1Pod } from '../k8s/pod.js';
import { qosClassOf } from '../k8s/qos.js';
import { formatLabelSelector } from '../selectors/index.js';
import { describeContainers, describeResources, describeSeccomp } from './describe-containers.js';
import { describeEvents } from './describe-events.js';
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './describe-multiline.js';
import { describeVolumes } from './describe-volumes.js';
import { labelSelectorSpec, numberAt, recordAt, stringAt } from './fields.js';
import { ageOf } from './duration.js';
import { rfc1123z } from './go-time.js';
import type { KubeEventRow } from './kube-events.js';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefix-writer.js';
import { sortedBy } from './go-sort.js';

/** `printController`: `Kind/name` of the controlling owner, if any. */
const controlledBy = (pod: V1Pod): string => {
  const owner = (pod.metadata.ownerReferences ?? []).find((o) => o.controller === true);
  return owner === undefined ? '' : `${owner.kind}/${owner.name}`;
};

/**
 * What the fold generated where no source recorded it, which describe marks `(inferred)` as it marks placed Events:
 * `admission`, the kubelet's first status (its `startTime` and the phase it moves) missing from an import (a GKE
 * audit log keeps only some of a node's `pods/status` patches): Start Time and Status are the fold's own.
 */
export interface Inferred {
  readonly admission?: boolean;
}

/** ` (inferred)` after a value no source recorded. */
const mark = (inferred: boolean | undefined): string => (inferred === true ? ' (inferred)' : '');

const describeStatus = (w: PrefixWriter, pod: V1Pod, now: Date, inferred: Inferred): void => {
  const phase = pod.status?.phase ?? '';
  if (pod.metadata.deletionTimestamp !== undefined && phase !== 'Failed' && phase !== 'Succeeded') {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${ageOf(pod.metadata.deletionTimestamp, now)})\n`);
    w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(LEVEL_0, `Status:\t${phase}${mark(inferred.admission)}\n`);
  }
  if ((pod.status?.reason ?? '') !== '') w.write(LEVEL_0, `Reason:\t${pod.status?.reason ?? ''}\n`);
  if ((pod.status?.message ?? '') !== '') w.write(LEVEL_0, `Message:\t${pod.status?.message ?? ''}\n`);
  describeSeccomp(w, pod.spec.securityContext, LEVEL_0);
};

const describeIPs = (w: PrefixWriter, pod: V1Pod): void => {
  w.write(LEVEL_0, `IP:\t${pod.status?.podIP ?? ''}\n`);
  const ips = pod.status?.podIPs ?? [];
  if (ips.length === 0) {
    w.write(LEVEL_0, 'IPs:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'IPs:\n');
  for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
};

/** Readiness Gates and Conditions: `Type Status` tables (cells end with a space, as kubectl writes them). */
const describeConditionTables = (w: PrefixWriter, pod: V1Pod): void => {
  const conditions = pod.status?.conditions ?? [];
  const gates = pod.spec.readinessGates ?? [];
  if (gates.length > 0) {
    w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of gates) {
      const status = conditions.find((c) => c.type === g.conditionType)?.status ?? '<none>';
      w.write(LEVEL_1, `${g.conditionType} \t${status} \n`);
    }
  }
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
  }
};

/** `Topology Spread Constraints:` sorted by topology key, each with its selector. */
const describeTopologySpreadConstraints = (w: PrefixWriter, pod: V1Pod): void => {
  const constraints = sortedBy(pod.spec.topologySpreadConstraints ?? [], (tsc) => stringAt(tsc, 'topologyKey') ?? '');
  if (constraints.length === 0) return;
  w.write(LEVEL_0, 'Topology Spread Constraints:\t');
  constraints.forEach((tsc, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    const selector = recordAt(tsc, 'labelSelector');
    const forSelector = selector === undefined ? '' : ` for selector ${formatLabelSelector(labelSelectorSpec(selector))}`;
    w.write(
      LEVEL_0,
      `${stringAt(tsc, 'topologyKey') ?? ''}:${stringAt(tsc, 'whenUnsatisfiable') ?? ''} when max skew ${numberAt(tsc, 'maxSkew') ?? 0} is exceeded${forSelector}\n`,
    );
  });
};

/**
 * What `kubectl describe pod` prints for `pod` with its Events at `now`. Times print in UTC (kubectl uses
 * the viewer's time zone); the Events table lists `events` as given (filter them to the pod first); without
 * events (undefined: `--show-events=false`) there is no Events section (describe.go :: describePod prints it
 * only when the events were searched). Values no source recorded (`inferred`) say so.
 */
export const describePod = (pod: V1Pod, events: readonly KubeEventRow[] | undefined, now: Date, inferred: Inferred = {}): string =>
  tabbedString((w) => {
    const { metadata, spec, status } = pod;
    w.write(LEVEL_0, `Name:\t${metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${metadata.namespace ?? ''}\n`);
    if (spec.priority !== undefined) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
    if ((spec.priorityClassName ?? '') !== '') w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName ?? ''}\n`);
    if ((spec.runtimeClassName ?? '') !== '') w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName ?? ''}\n`);
    if ((spec.serviceAccountName ?? '') !== '') w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName ?? ''}\n`);
    w.write(LEVEL_0, (spec.nodeName ?? '') === '' ? 'Node:\t<none>\n' : `Node:\t${spec.nodeName ?? ''}/${status?.hostIP ?? ''}\n`);
    if (status?.startTime !== undefined) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}${mark(inferred.admission)}\n`);
    printLabelsMultiline(w, 'Labels', metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', metadata.annotations);
    describeStatus(w, pod, now, inferred);
    describeIPs(w, pod);
    const controller = controlledBy(pod);
    if (controller !== '') w.write(LEVEL_0, `Controlled By:\t${controller}\n`);
    if ((status?.nominatedNodeName ?? '') !== '') w.write(LEVEL_0, `NominatedNodeName:\t${status?.nominatedNodeName ?? ''}\n`);
    if (spec.resources !== undefined) {
      w.write(LEVEL_0, 'Resources:\n');
      describeResources(w, spec.resources, LEVEL_1);
    }
    if ((spec.initContainers ?? []).length > 0) {
      describeContainers(w, 'Init Containers', spec.initContainers ?? [], status?.initContainerStatuses ?? [], pod);
    }
    describeContainers(w, 'Containers', spec.containers, status?.containerStatuses ?? [], pod);
    // describe.go :: describePod describes each as a Container (its EphemeralContainerCommon; the target is not shown)
    if ((spec.ephemeralContainers ?? []).length > 0) {
      describeContainers(w, 'Ephemeral Containers', spec.ephemeralContainers ?? [], status?.ephemeralContainerStatuses ?? [], pod);
    }
    describeConditionTables(w, pod);
    describeVolumes(w, spec.volumes);
    w.write(LEVEL_0, `QoS Class:\t${status?.qosClass ?? qosClassOf(pod)}\n`);
    printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
    printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
    describeTopologySpreadConstraints(w, pod);
    if (events !== undefined) describeEvents(w, events, now);
  });
