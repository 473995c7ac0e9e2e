/**
 * `kubectl get pods -o yaml`. Apart from the other outputs because the YAML library is a quarter of the
 * CLI's code: `podj get pods` loads it only when asked for yaml.
 */
import { stringify } from 'yaml';
import type { V1Pod } from '../k8s/pod.js';
import { podDocument, sortPods, type GetPodsOptions, type Printed } from './get-pods.js';

export const getPodsYaml = (pods: readonly V1Pod[], opts: Pick<GetPodsOptions, 'singleItem'>): Printed => ({
  // sigs.k8s.io/yaml: keys sorted, sequences not indented, YAML 1.1 quoting, no line folding
  stdout: stringify(podDocument(sortPods(pods), opts), { indentSeq: false, lineWidth: 0, sortMapEntries: true, version: '1.1' }),
  stderr: '',
});
