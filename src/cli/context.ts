/** What every command receives: the effects, and the journal folder and namespace chosen by flag, environment or default. */
import { resolve } from 'node:path';
import type { CliIO } from './io.js';
import { journalPath } from './journal-path.js';

export const DEFAULT_JOURNAL_DIR = '.podjournal';

export interface GlobalOptions {
  readonly journal?: string;
}

/** A verb's namespace flags: `-n NS`, or `-A` for every namespace. */
export interface NamespaceOptions {
  readonly namespace?: string;
  readonly allNamespaces?: boolean;
}

export interface Context {
  readonly io: CliIO;
  /** `--journal DIR`, else `PODJ_JOURNAL`, else `.podjournal` in the working directory; refused under a file (`journalPath`). */
  readonly journalDir: (opts: GlobalOptions) => string;
  /** `-A`: undefined (every namespace); else the one namespace of `namespaceNamed`. */
  readonly namespaceOf: (opts: NamespaceOptions) => string | undefined;
  /** `-n NS`, else `PODJ_NAMESPACE`, else `default`: the namespace of a verb about one pod. */
  readonly namespaceNamed: (opts: NamespaceOptions) => string;
}

/** The help of every verb's `-n`: its default comes from the environment, so commander is given none. */
export const NAMESPACE_FLAG_HELP = 'namespace (default: $PODJ_NAMESPACE, else default)';

export const contextOf = (io: CliIO): Context => {
  // `-n ''` is no namespace given: kubectl's loader takes the override only when it is not empty (clientcmd
  // client_config.go :: DirectClientConfig.Namespace); `-n=NS` is NS (pflag), where commander hands over "=NS".
  const namespaceNamed = (opts: NamespaceOptions): string => {
    const given = opts.namespace?.replace(/^=/, '');
    return given === undefined || given === '' ? (io.env['PODJ_NAMESPACE'] ?? 'default') : given;
  };
  return {
    io,
    journalDir: (opts) => journalPath(resolve(io.cwd, opts.journal ?? io.env['PODJ_JOURNAL'] ?? DEFAULT_JOURNAL_DIR)),
    namespaceOf: (opts) => (opts.allNamespaces === true ? undefined : namespaceNamed(opts)),
    namespaceNamed,
  };
};
