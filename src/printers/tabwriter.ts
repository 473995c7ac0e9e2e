/**
 * A port of Go's `text/tabwriter` (left-aligned, space padding, no flags): tab-terminated cells of
 * consecutive lines form column blocks, each padded to its widest cell plus the padding. kubectl's
 * tables use minwidth 6 and padding 3 (`printers.GetNewTabWriter`); describe uses 0 and 2 (`tabbedString`).
 */

export interface TabwriterConfig {
  readonly minwidth: number;
  readonly padding: number;
}

interface Cell {
  readonly text: string;
  /** Go's tabwriter counts runes, not UTF-16 units. */
  readonly width: number;
}

/** Runes in `text`, as `[...text].length` counts them (a surrogate pair is one), without building the array. */
export const runes = (text: string): number => {
  let pairs = 0;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        pairs++;
        i++;
      }
    }
  }
  return text.length - pairs;
};

const cellsOf = (line: string): Cell[] => line.split('\t').map((text) => ({ text, width: runes(text) }));

/**
 * Formats `text` as Go's tabwriter does between two flushes; the text after the last newline is written as is.
 * With `remembered`, liggitt/tabwriter's `RememberWidths` (`tabwriter.go :: Writer.format`): each column block is
 * at least as wide as that column has been in earlier flushes, and `remembered` keeps the widest for the next.
 */
export const tabwrite = (text: string, config: TabwriterConfig, remembered?: number[]): string => {
  const lines = text.split('\n').map(cellsOf);
  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i] ?? [];
      let text = '';
      line.forEach((cell, j) => {
        const width = widths[j];
        text += width === undefined ? cell.text : cell.text + ' '.repeat(Math.max(0, width - cell.width));
      });
      out.push(i + 1 < lines.length ? `${text}\n` : text);
    }
  };

  /** `Writer.format`: find the column blocks of column `widths.length` between line0 and line1, recursively. */
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let current = line0; current < line1; current++) {
      if (column >= (lines[current]?.length ?? 0) - 1) continue;
      // a cell exists in this column: print the lines before the block, then the block
      writeLines(line0, current);
      line0 = current;
      let width = config.minwidth;
      for (; current < line1; current++) {
        const line = lines[current] ?? [];
        if (column >= line.length - 1) break;
        width = Math.max(width, (line[column]?.width ?? 0) + config.padding);
      }
      if (remembered !== undefined) {
        if (remembered.length < widths.length) remembered.push(...widths.slice(remembered.length));
        width = Math.max(width, remembered[column] ?? 0);
        remembered[column] = width;
      }
      widths.push(width);
      format(line0, current);
      widths.pop();
      line0 = current;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('');
};

/** kubectl's tables (`printers.GetNewTabWriter`). */
export const TABLE: TabwriterConfig = { minwidth: 6, padding: 3 };

/** Runs of spaces by length, so that padding a cell allocates nothing. */
const spaces: string[] = [''];
const spacesOf = (n: number): string => {
  while (spaces.length <= n) spaces.push(`${spaces[spaces.length - 1] ?? ''} `);
  return spaces[n] ?? '';
};

/**
 * A table as kubectl prints it: cells joined by tabs, one row per line, minwidth 6, padding 3. When every row
 * has as many cells (kubectl's tables always do), each column but the last is one block over every line, as
 * `tabwrite` finds it: the widths are computed from the rows directly, without joining and splitting the text.
 */
export const renderTable = (rows: readonly (readonly string[])[]): string => renderRows(rows.length, (i) => rows[i] ?? []);

/**
 * `renderTable` of `count` rows whose cells `cellsAt(i)` gives (the same both times), asked for twice per row:
 * once for the widths, once for the text, so that no row's cells outlive it. A whole cluster at tier L is 87,000 rows: kept until
 * the widths were known, their cells (about 1.3 million strings and arrays) survived the young generation and
 * the collector copied them, which cost more than computing them again.
 */
export const renderRows = (count: number, cellsAt: (i: number) => readonly string[]): string => {
  const widths = columnWidths(count, cellsAt, []);
  if (widths === undefined) return tabwrite(Array.from({ length: count }, (_, k) => `${cellsAt(k).join('\t')}\n`).join(''), TABLE);
  return writeCells(count, widths.length + 1, widths, cellsAt);
};

/**
 * The width of each column but the last: its widest cell plus the padding, at least the minwidth and at least
 * `floor`'s width for it; undefined when the rows differ in their number of cells (the tabwriter's blocks then).
 */
const columnWidths = (count: number, cellsAt: (i: number) => readonly string[], floor: readonly number[]): number[] | undefined => {
  const cells = count === 0 ? 0 : cellsAt(0).length;
  const widths = Array.from({ length: Math.max(0, cells - 1) }, (_, j) => Math.max(TABLE.minwidth, floor[j] ?? 0));
  for (let i = 0; i < count; i++) {
    const row = cellsAt(i);
    if (row.length !== cells) return undefined;
    for (let j = 0; j < cells - 1; j++) widths[j] = Math.max(widths[j] ?? 0, runes(row[j] ?? '') + TABLE.padding);
  }
  return widths;
};

/**
 * A table written in flushes, as `kubectl get -w` writes one: cli-runtime's `GetNewTabWriter` sets
 * liggitt/tabwriter's `RememberWidths` (`tabwriter.go :: Writer.format`), so each flush pads a column to the
 * widest it has been in any flush so far, and a wider cell widens it for the flushes after. Each call is one
 * flush of rows that all have as many cells.
 */
export const rememberingTable = (): ((rows: readonly (readonly string[])[]) => string) => {
  let remembered: readonly number[] = [];
  return (rows) => {
    const cellsAt = (i: number): readonly string[] => rows[i] ?? [];
    const widths = columnWidths(rows.length, cellsAt, remembered);
    // Rows of differing lengths are no table a watch writes: formatted as one flush, remembering nothing.
    if (widths === undefined) return renderTable(rows);
    remembered = widths;
    return writeCells(rows.length, widths.length + 1, widths, cellsAt);
  };
};

/**
 * Text written in flushes through kubectl's tabwriter (a watch's `-o jsonpath` text goes through get.go :: watch's
 * tabwriter as its tables do): tab-terminated cells aligned, each column remembering its widest width.
 */
export const rememberingText = (): ((text: string) => string) => {
  const remembered: number[] = [];
  return (text) => tabwrite(text, TABLE, remembered);
};

/** `writeRows` of rows whose cells `cellsAt(i)` gives, asked for once per row. */
const writeCells = (count: number, columns: number, widths: readonly number[], cellsAt: (i: number) => readonly string[]): string => {
  let row: readonly string[] = [];
  // the row's cells once per row: `writeRows` asks for them one by one, in order
  const cellAt = (i: number, j: number): string => {
    if (j === 0) row = cellsAt(i);
    return row[j] ?? '';
  };
  return writeRows(count, columns, widths, cellAt, (_i, _j, cell) => runes(cell));
};

/** Rows that all have `columns` cells, which can tell a cell's width (in runes) without building it. */
export interface RowSource {
  readonly count: number;
  readonly columns: number;
  /** Runes of row `i`'s cell `j`; asked for every row, for each column but the last. */
  readonly width: (i: number, j: number) => number;
  /** Row `i`'s cell `j`, asked for when its line is written (each row's cells in order, `j` from 0). */
  readonly cell: (i: number, j: number) => string;
}

/** `renderRows` of rows that tell their cells' widths: no cell is built to measure it where the source can help it. */
export const renderSource = (source: RowSource): string => {
  const last = Math.max(0, source.columns - 1);
  const widths = new Array<number>(last).fill(TABLE.minwidth);
  // Each cell's width is kept for its padding, not measured again when the cell is written (a scan of every cell).
  const measured = new Int32Array(source.count * last);
  for (let i = 0; i < source.count; i++) {
    for (let j = 0; j < last; j++) {
      const width = source.width(i, j);
      measured[i * last + j] = width;
      widths[j] = Math.max(widths[j] ?? 0, width + TABLE.padding);
    }
  }
  return writeRows(source.count, source.columns, widths, source.cell, (i, j) => measured[i * last + j] ?? 0);
};

/**
 * The table's text once the widths of its `columns` (but the last) are known; `runesOf` gives a cell's own
 * width. Each cell is asked for as its line is written: no array of a row's cells is made (87,000 at tier L).
 */
const writeRows = (
  count: number,
  columns: number,
  widths: readonly number[],
  cellAt: (i: number, j: number) => string,
  runesOf: (i: number, j: number, cell: string) => number,
): string => {
  // A line is joined (one flat string), not concatenated cell by cell: a concatenation's parts live as long as the text.
  const last = Math.max(0, columns - 1);
  const line: string[] = [];
  let text = '';
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < last; j++) {
      const cell = cellAt(i, j);
      line[2 * j] = cell;
      line[2 * j + 1] = spacesOf((widths[j] ?? 0) - runesOf(i, j, cell));
    }
    line[2 * last] = columns === 0 ? '' : cellAt(i, last);
    line[2 * last + 1] = '\n';
    text += line.join('');
  }
  return text;
};
