/**
 * The container status fields the kubelet of v1.36 fills from the spec and the runtime
 * (`pkg/kubelet/kubelet_pods.go :: convertToAPIContainerStatuses`, `convertContainerStatus`):
 * - `volumeMounts` for every container, from the moment the status exists (gate `RecursiveReadOnlyMounts`,
 *   on by default): name, mountPath, readOnly, and `recursiveReadOnly` (`Disabled` unless asked for) when read-only;
 * - once the runtime reports an instance: `allocatedResources` (the requests, omitted when none),
 *   `resources` (requests and limits, `{}` when none) and `user.linux` (gate `SupplementalGroupsPolicy`).
 * The runtime resolves `user` from the image; without the image we report `runAsUser`/`runAsGroup` (container,
 * then pod; 0 when unset) and the group plus the pod's `supplementalGroups`, not the image's own groups.
 * Each part depends on the container's spec alone, so it is built once per spec and shared by every status.
 */
import type { Container, ContainerStatus } from '../k8s/pod.js';

type Runtime = Pick<ContainerStatus, 'allocatedResources' | 'resources' | 'user'>;
type SecurityContext = Readonly<Record<string, unknown>> | undefined;

const mounts = new WeakMap<Container, ContainerStatus['volumeMounts']>();
const runtimes = new WeakMap<Container, Runtime>();

/** `volumeMounts` of the status, or undefined when the container mounts nothing. */
export const volumeMountStatuses = (c: Container): ContainerStatus['volumeMounts'] => {
  if (c.volumeMounts === undefined || c.volumeMounts.length === 0) return undefined;
  const known = mounts.get(c);
  if (known !== undefined) return known;
  const built = c.volumeMounts.map((m) =>
    m.readOnly === true
      ? { name: m.name, mountPath: m.mountPath, readOnly: true, recursiveReadOnly: m.recursiveReadOnly === 'Enabled' ? 'Enabled' : 'Disabled' }
      : { name: m.name, mountPath: m.mountPath },
  );
  mounts.set(c, built);
  return built;
};

const integerAt = (context: SecurityContext, key: string): number | undefined => {
  const value = context?.[key];
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
};

const groupsAt = (context: SecurityContext): number[] => {
  const value = context?.['supplementalGroups'];
  return Array.isArray(value) ? value.filter((g): g is number => typeof g === 'number' && Number.isInteger(g)) : [];
};

/** The fields the runtime's report adds, for a container with at least one instance. */
export const runtimeStatusFields = (c: Container, pod: SecurityContext): Runtime => {
  const known = runtimes.get(c);
  if (known !== undefined) return known;
  const own = c.securityContext;
  const uid = integerAt(own, 'runAsUser') ?? integerAt(pod, 'runAsUser') ?? 0;
  const gid = integerAt(own, 'runAsGroup') ?? integerAt(pod, 'runAsGroup') ?? 0;
  const requests = c.resources?.requests;
  const built: Runtime = {
    ...(requests === undefined || Object.keys(requests).length === 0 ? {} : { allocatedResources: requests }),
    resources: {
      ...(c.resources?.limits === undefined ? {} : { limits: c.resources.limits }),
      ...(requests === undefined ? {} : { requests }),
    },
    user: { linux: { uid, gid, supplementalGroups: [...new Set([gid, ...groupsAt(pod)])] } },
  };
  runtimes.set(c, built);
  return built;
};
