/**
 * A pod's volumes (`pkg/apis/core/validation/validation.go :: ValidateVolumes`): each name a DNS label, once; an
 * ephemeral volume's claim, named `<pod>-<volume>` by the ephemeral volume controller, a valid object name that no
 * `persistentVolumeClaim` volume of the same pod names. The sources themselves are kept as written.
 */
import * as t from 'io-ts';
import type { V1Pod } from '../k8s/pod.js';
import { duplicate, invalid, required, type FieldError } from './errors.js';
import { isDNS1123Label, nameIsDNSSubdomain } from './names.js';

export const validateVolumes = (pod: V1Pod): FieldError[] => {
  const volumes = pod.spec.volumes ?? [];
  const podName = pod.metadata.name ?? '';
  const seen = new Set<string>();
  const claimsOfEphemeral = new Set<string>();
  const perVolume = volumes.flatMap((v, i) => {
    const path = ['spec', 'volumes', i, 'name'];
    if (v.name === '') return [required(path)];
    const errors = isDNS1123Label(v.name).map((m) => invalid(path, v.name, m));
    if (seen.has(v.name)) errors.push(duplicate(path, v.name));
    seen.add(v.name);
    if (v.ephemeral !== undefined) {
      const claim = `${podName}-${v.name}`;
      claimsOfEphemeral.add(claim);
      errors.push(...nameIsDNSSubdomain(claim, false).map((m) => invalid(path, v.name, `PVC name ${JSON.stringify(claim)}: ${m}`)));
    }
    return errors;
  });
  const claimed = volumes.flatMap((v, i) => {
    const claimName = t.UnknownRecord.is(v.persistentVolumeClaim) ? v.persistentVolumeClaim['claimName'] : undefined;
    return typeof claimName === 'string' && claimsOfEphemeral.has(claimName)
      ? [invalid(['spec', 'volumes', i, 'persistentVolumeClaim', 'claimName'], claimName, 'must not reference a PVC that gets created for an ephemeral volume')]
      : [];
  });
  return [...perVolume, ...claimed];
};
