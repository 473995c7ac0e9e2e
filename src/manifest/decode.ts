/** Decodes one manifest object into a V1Pod, with errors in the API server's words where it has them. */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { formatError, pathOf } from '../events/report.js';
import { V1Pod } from '../k8s/pod.js';
import { forbidden, notSupported, parsePath, required, type FieldError, type FieldPath } from './errors.js';

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u);

/** One io-ts error as a field error: `Required value`, `Unsupported value: …` for enums, else the codec's own words. */
const fieldErrorOf = (error: t.ValidationError): FieldError => {
  const rendered = pathOf(error.context);
  const path = parsePath(rendered);
  if (error.value === undefined) return required(path);
  const codec = error.context[error.context.length - 1]?.type;
  if (codec instanceof t.KeyofType) return notSupported(path, error.value, Object.keys(codec.keys));
  const full = formatError(error);
  return { path, message: rendered === '' ? full : full.slice(rendered.length + 2) };
};

/**
 * Container `restartPolicy` before the codec sees it. A v1.36 API server accepts it on regular containers
 * (gate `ContainerRestartRules`, beta and on since v1.35), but podjournal does not simulate per-container
 * restart policies, so it refuses them rather than run the pod under the pod's policy; an init container
 * may only say `Always` (`validateInitContainerRestartPolicy` without `restartPolicyRules`).
 */
const checkRestartPolicies = (raw: Record<string, unknown>): FieldError | undefined => {
  const spec = raw['spec'];
  if (!isRecord(spec)) return undefined;
  for (const list of ['containers', 'initContainers'] as const) {
    const containers = spec[list];
    if (!Array.isArray(containers)) continue;
    for (const [i, c] of containers.entries()) {
      if (!isRecord(c) || c['restartPolicy'] === undefined) continue;
      const path = ['spec', list, i, 'restartPolicy'];
      if (list === 'containers') return forbidden(path, 'a regular container’s own restartPolicy (ContainerRestartRules, on in Kubernetes v1.36) is not simulated by podjournal');
      if (c['restartPolicy'] !== 'Always') return notSupported(path, c['restartPolicy'], ['Always']);
    }
  }
  return undefined;
};

export const decodePod = (raw: Record<string, unknown>): E.Either<FieldError, V1Pod> => {
  const restartPolicyError = checkRestartPolicies(raw);
  if (restartPolicyError !== undefined) return E.left(restartPolicyError);
  const decoded = V1Pod.decode(raw);
  if (E.isRight(decoded)) return decoded;
  const [first] = decoded.left;
  return E.left(first === undefined ? { path: [], message: 'is not a valid Pod' } : fieldErrorOf(first));
};
