/** The pod object a controller of the plan's workload would create, as the API server stores it. */
import type { V1Pod } from '../k8s/pod.js';
import type { PodPlan } from './cluster.js';

const ownerKind = { Deployment: 'ReplicaSet', StatefulSet: 'StatefulSet', Job: 'Job', DaemonSet: 'DaemonSet' } as const;

/** `creationTimestamp` has whole seconds, as the API server writes it. */
const secondsInstant = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19)}Z`;

export const manifestOf = (plan: PodPlan): V1Pod => {
  const w = plan.workload;
  const kind = ownerKind[w.template.kind];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: plan.ref.name,
      namespace: plan.ref.namespace,
      uid: plan.ref.uid,
      creationTimestamp: secondsInstant(plan.createdMs),
      labels: { app: w.name, ...(kind === 'ReplicaSet' ? { 'pod-template-hash': w.hash } : {}) },
      ownerReferences: [
        {
          apiVersion: kind === 'Job' ? 'batch/v1' : 'apps/v1',
          kind,
          name: kind === 'ReplicaSet' ? `${w.name}-${w.hash}` : w.name,
          uid: w.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: w.template.spec,
  };
};
