/**
 * `kubectl get pods -o yaml`. Apart from the other outputs because the YAML library is a quarter of the
 * CLI's code: `podj get pods` loads it only when asked for yaml.
 */
import { stringify } from 'yaml';
import type { V1Pod } from '../k8s/pod.js';
import { podDocument, type GetPodsOptions, type Printed } from './get-pods.js';

/** A document (an object, a List, a watch event) as `-o yaml` prints it: sigs.k8s.io/yaml sorts keys, does not indent sequences, quotes as YAML 1.1, never folds lines. */
export const yamlOf = (document: unknown): string => stringify(document, { indentSeq: false, lineWidth: 0, sortMapEntries: true, version: '1.1' });

/** The pods in the order given (the API's, or `--sort-by`'s). */
export const getPodsYaml = (pods: readonly V1Pod[], opts: Pick<GetPodsOptions, 'singleItem'>): Printed => ({ stdout: yamlOf(podDocument(pods, opts)), stderr: '' });
