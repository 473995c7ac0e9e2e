/**
 * Every v1 Pod object the reducers make, built by this one literal. V8 gives objects built by one literal one
 * hidden class, where a spread (`{ ...pod, spec }`) may make a new one per object: at M the fold's pods had
 * six hidden classes, and each new class reaching optimized code deoptimized it (the status regeneration
 * was compiled nine times in a cold M fold, each compile on another thread's CPU). The keys keep the order
 * and presence a spread gives them: a pod without a status gets no `status` key.
 */
import type { ObjectMeta, PodSpec, PodStatus, V1Pod } from '../k8s/pod.js';

export const podWith = (pod: V1Pod, metadata: ObjectMeta, spec: PodSpec, status: PodStatus | undefined): V1Pod =>
  status === undefined
    ? { apiVersion: pod.apiVersion, kind: pod.kind, metadata, spec }
    : { apiVersion: pod.apiVersion, kind: pod.kind, metadata, spec, status };
