/**
 * kubectl's table alignment: Go's `text/tabwriter` as kubectl configures it (`printers.GetNewTabWriter`:
 * minwidth 6, padding 3, pad with spaces), for tables whose rows all have the same number of cells.
 */

const MIN_WIDTH = 6;
const PADDING = 3;

/** Go's tabwriter counts runes, not UTF-16 units. */
const runeLength = (s: string): number => [...s].length;

/**
 * Each row on one line. Every cell but the last is padded to its column's width, the widest cell plus
 * the padding and never under the minimum width; the last cell is not tab-terminated, so never padded.
 */
export const renderTable = (rows: readonly (readonly string[])[]): string => {
  const widths: number[] = [];
  for (const row of rows) {
    row.slice(0, -1).forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? MIN_WIDTH, runeLength(cell) + PADDING);
    });
  }
  return rows
    .map((row) =>
      row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - runeLength(cell)))).join(''),
    )
    .map((line) => `${line}\n`)
    .join('');
};
