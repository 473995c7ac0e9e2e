/**
 * Test helper: writes one pod's event sequence the way a cluster would produce it (created, bound, admitted,
 * sandbox, pulled, created, started, exited ...), one second apart unless told otherwise.
 */
import type { Event, PodRef, ProbeKind, ProbeOutcome } from '../../src/events/index.js';
import { instantOf, type Instant } from '../../src/k8s/codecs.js';
import type { PodSpec, V1Pod } from '../../src/k8s/pod.js';
import { foldCluster, findPod, type PodState } from '../../src/reducers/index.js';

export const T0 = Date.parse('2026-01-01T00:00:00.000Z');

/** `2026-01-01T00:00:SSZ` for `s` seconds after T0, as the API shows instants. */
export const apiAt = (s: number): string => new Date(T0 + s * 1000).toISOString().replace('.000Z', 'Z');

export class PodScript {
  readonly events: Event[] = [];
  readonly ref: PodRef;
  private seconds = 0;
  private readonly instances = new Map<string, number>();

  constructor(
    readonly spec: PodSpec,
    name = 'web',
    readonly metadata: V1Pod['metadata'] = {},
    uid = `uid-${name}`,
  ) {
    this.ref = { namespace: 'default', name, uid };
  }

  /** Moves the clock to `s` seconds after T0 (the next event happens then). */
  at(s: number): this {
    this.seconds = s;
    return this;
  }

  private now(): Instant {
    return instantOf(T0 + this.seconds * 1000);
  }

  /** The envelope of the next event about this pod. */
  private base(source: Event['source']) {
    return { v: 1 as const, at: this.now(), source, pod: this.ref };
  }

  private add(e: Event): this {
    this.events.push(e);
    this.seconds += 1;
    return this;
  }

  /** The containerID of the container's newest instance (`containerd://NAME-N`). */
  id(container: string): string {
    return `containerd://${container}-${this.instances.get(container) ?? 0}`;
  }

  private nextId(container: string): string {
    this.instances.set(container, (this.instances.get(container) ?? 0) + 1);
    return this.id(container);
  }

  created(): this {
    return this.add({ ...this.base('api'), type: 'PodCreated', manifest: { metadata: { name: this.ref.name, namespace: 'default', ...this.metadata }, spec: this.spec } });
  }
  bound(node = 'node-1'): this {
    return this.add({ ...this.base('scheduler'), type: 'PodBound', node });
  }
  unschedulable(message: string): this {
    return this.add({ ...this.base('scheduler'), type: 'PodUnschedulable', reason: 'Unschedulable', message });
  }
  /** Admitted on `node`, with its host IP (null: a kubelet that reports none). */
  admitted(node = 'node-1', hostIP: string | null = '192.168.0.10'): this {
    return this.add({ ...this.base('kubelet'), type: 'PodAdmitted', node, ...(hostIP !== null && { hostIP }) });
  }
  rejected(reason: string, message: string, node = 'node-1'): this {
    return this.add({ ...this.base('kubelet'), type: 'PodRejected', node, reason, message });
  }
  /** The sandbox with the runtime's IPs (`podIPs` as the CRI lists them, `podIP` their first). */
  sandbox(podIP = '10.244.0.5', podIPs?: readonly string[]): this {
    return this.add({ ...this.base('kubelet'), type: 'SandboxCreated', podIP, ...(podIPs !== undefined && { podIPs: [...podIPs] }) });
  }
  /** A ready sandbox whose IP its kubelet publishes later (`ipAssigned`), as the v1.36.1 rolling update shows. */
  sandboxWithoutIP(): this {
    return this.add({ ...this.base('kubelet'), type: 'SandboxCreated' });
  }
  ipAssigned(podIP: string): this {
    return this.add({ ...this.base('kubelet'), type: 'PodIPAssigned', podIP, podIPs: [podIP] });
  }
  pulled(container: string, imageID = `sha256:${container}`): this {
    return this.add({ ...this.base('runtime'), type: 'ImagePulled', container, image: `${container}:1`, alreadyPresent: false, imageID });
  }
  pullFailed(container: string, message: string, reason = 'ErrImagePull'): this {
    return this.add({ ...this.base('runtime'), type: 'ImagePullFailed', container, image: `${container}:1`, reason, message });
  }
  pullBackOff(container: string, delaySeconds = 10): this {
    return this.add({ ...this.base('kubelet'), type: 'ImagePullBackOff', container, image: `${container}:1`, delaySeconds, until: this.now() });
  }
  containerCreated(container: string, containerID = this.nextId(container)): this {
    return this.add({ ...this.base('runtime'), type: 'ContainerCreated', container, containerID });
  }
  /** Starts the newest created instance, or (if it is not in the created state) a fresh one. */
  started(container: string, fresh = false, containerID = fresh ? this.nextId(container) : this.id(container)): this {
    return this.add({ ...this.base('runtime'), type: 'ContainerStarted', container, containerID });
  }
  /** Created then started, one second apart. */
  run(container: string): this {
    return this.containerCreated(container).started(container);
  }
  exited(container: string, exitCode: number, reason = exitCode === 0 ? 'Completed' : 'Error'): this {
    return this.add({ ...this.base('runtime'), type: 'ContainerExited', container, containerID: this.id(container), exitCode, reason });
  }
  /** An exit with every field given (signal, message, or a containerID of the caller's choosing). */
  exit(container: string, fields: { containerID: string; exitCode: number; reason: string; signal?: number; message?: string }): this {
    return this.add({ ...this.base('runtime'), type: 'ContainerExited', container, ...fields });
  }
  postStart(container: string, failure?: string): this {
    return failure === undefined
      ? this.add({ ...this.base('kubelet'), type: 'PostStartHookSucceeded', container })
      : this.add({ ...this.base('kubelet'), type: 'PostStartHookFailed', container, message: failure });
  }
  usage(container: string, memory: string): this {
    return this.add({ ...this.base('node'), type: 'ContainerUsageSampled', container, memory });
  }
  writeRejected(message: string): this {
    return this.add({ ...this.base('api'), type: 'PodWriteRejected', verb: 'update', code: 409, message });
  }
  startFailed(container: string, reason: string, message: string): this {
    return this.add({ ...this.base('runtime'), type: 'ContainerStartFailed', container, reason, message });
  }
  backOff(container: string, delaySeconds = 10): this {
    return this.add({ ...this.base('kubelet'), type: 'ContainerBackOff', container, delaySeconds, until: this.now() });
  }
  probe(container: string, probe: ProbeKind, outcome: ProbeOutcome): this {
    return this.add({ ...this.base('kubelet'), type: 'ProbeResultChanged', container, probe, outcome });
  }
  probeExecuted(container: string, probe: ProbeKind, outcome: ProbeOutcome): this {
    return this.add({ ...this.base('prober'), type: 'ProbeExecuted', container, probe, outcome });
  }
  killing(container: string, gracePeriodSeconds = 30): this {
    return this.add({ ...this.base('kubelet'), type: 'ContainerKilling', container,
      reason: 'PodDeleted',
      message: `Stopping container ${container}`,
      gracePeriodSeconds, });
  }
  deleted(gracePeriodSeconds = 30): this {
    return this.add({ ...this.base('api'), type: 'PodDeletionRequested', gracePeriodSeconds });
  }
  /** The kubelet began a sync: from now on its status shows only what its syncs publish. */
  synced(): this {
    return this.add({ ...this.base('kubelet'), type: 'PodSynced' });
  }
  /** `SyncTerminatedPod`: the status its `TerminatePod` writes (`PodSynced.terminated`). */
  terminatedSynced(): this {
    return this.add({ ...this.base('kubelet'), type: 'PodSynced', terminated: true });
  }
  /** An imported status showed the container waiting for `reason`. */
  waiting(container: string, reason: string, message?: string): this {
    return this.add({ ...this.base('kubelet'), type: 'ContainerWaiting', container, reason, ...(message !== undefined && { message }) });
  }
  removed(): this {
    return this.add({ ...this.base('api'), type: 'PodRemoved' });
  }
  /** The kubelet removed the container's newest instance from the runtime (`RestartAllContainers`). */
  containerRemoved(container: string): this {
    return this.add({ ...this.base('kubelet'), type: 'ContainerRemoved', container, containerID: this.id(container) });
  }
  evicted(message: string): this {
    return this.add({ ...this.base('kubelet'), type: 'PodEvicted', signal: 'memory.available', message });
  }
  /** The kubelet found the pod past its `activeDeadlineSeconds`. */
  deadlineExceeded(): this {
    return this.add({ ...this.base('kubelet'), type: 'PodDeadlineExceeded' });
  }
  nodeLost(node = 'node-1'): this {
    return this.add({ ...this.base('controller'), type: 'PodNodeLost', node });
  }
  condition(conditionType: string, status: 'True' | 'False', reason?: string, message?: string): this {
    return this.add({ ...this.base('controller'), type: 'PodConditionSet', conditionType,
      status,
      ...(reason !== undefined ? { reason } : {}),
      ...(message !== undefined ? { message } : {}), });
  }
  labels(labels: Record<string, string>): this {
    return this.add({ ...this.base('api'), type: 'PodMetadataUpdated', labels, annotations: {} });
  }
  /** Created, bound, admitted and its sandbox ready: the usual start of a pod's life on a node. */
  scheduled(): this {
    return this.created().bound().admitted().sandbox();
  }

  /** The pod's state after folding every event so far (undefined once removed). */
  state(): PodState | undefined {
    return findPod(foldCluster(this.events), this.ref.namespace, this.ref.name);
  }

  /** The pod after folding every event so far (undefined once removed). */
  pod(): V1Pod | undefined {
    return this.state()?.pod;
  }

  /** The last event written. */
  last(): Event {
    const e = this.events[this.events.length - 1];
    if (e === undefined) throw new Error('no events yet');
    return e;
  }

  /** Like `pod()`, for tests that expect the pod to exist. */
  must(): V1Pod {
    const p = this.pod();
    if (p === undefined) throw new Error(`pod ${this.ref.name} does not exist`);
    return p;
  }
}
