/**
 * `-L KEY` and `--show-labels` on any table (cli-runtime tableprinter.go :: decorateTable, formatLabelHeaders,
 * labelValues): one column per key, headed by the key's last `/` segment upper-cased and empty where the label is
 * unset, then LABELS, `labels.FormatLabels` of all of them.
 */

export interface LabelColumns {
  /** `-L KEY`, in the order given (none when absent). */
  readonly labelColumns?: readonly string[];
  /** `--show-labels`. */
  readonly showLabels?: boolean;
}

/** `labels.FormatLabels`: `k=v` pairs sorted by key, or `<none>`. */
export const formatLabels = (labels: Readonly<Record<string, string>> | undefined): string => {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels?.[k] ?? ''}`).join(',');
};

/** formatLabelHeaders: a key's column header. */
export const labelColumnHeader = (key: string): string => (key.split('/').pop() ?? key).toUpperCase();

export const labelHeaders = (opts: LabelColumns): string[] => [...(opts.labelColumns ?? []).map(labelColumnHeader), ...(opts.showLabels === true ? ['LABELS'] : [])];

/** labelValues: an object's cells under those headers. */
export const labelCells = (labels: Readonly<Record<string, string>> | undefined, opts: LabelColumns): string[] => [
  ...(opts.labelColumns ?? []).map((key) => labels?.[key] ?? ''),
  ...(opts.showLabels === true ? [formatLabels(labels)] : []),
];
