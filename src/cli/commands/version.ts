/** `podj version` (and `podj --version`): this podj and the Kubernetes release whose behaviour it follows. Light: main loads it. */
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { packageVersion } from '../version.js';

/** The Kubernetes release the kubelet, scheduler and kubectl rules follow (docs/k8s-semantics.md). */
export const KUBERNETES_VERSION = 'v1.36';

export const versionLine = (): string => `podj version ${packageVersion()} (Kubernetes ${KUBERNETES_VERSION} semantics)`;

export const registerVersion = (program: Command, ctx: Context): void => {
  program
    .command('version')
    .description('print the podj version and the Kubernetes release it follows')
    .action(() => ctx.io.out(`${versionLine()}\n`));
};
