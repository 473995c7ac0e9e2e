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
const runes = (text: string): number => {
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

/** Formats `text` as Go's tabwriter does between two flushes; the text after the last newline is written as is. */
export const tabwrite = (text: string, config: TabwriterConfig): string => {
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

const TABLE: TabwriterConfig = { minwidth: 6, padding: 3 };

/** Runs of spaces by length, so that padding a cell allocates nothing. */
const spaces: string[] = [''];
const spacesOf = (n: number): string => {
  while (spaces.length <= n) spaces.push(`${spaces[spaces.length - 1] ?? ''} `);
  return spaces[n] ?? '';
};

/**
 * A table as kubectl prints it: cells joined by tabs, one row per line, minwidth 6, padding 3. When every row
 * has as many cells (kubectl's tables always do), each column but the last is one block over every line, as
 * `tabwrite` finds it: the widths are computed from the rows directly, without joining and splitting the text
 * (87,000 rows at L).
 */
export const renderTable = (rows: readonly (readonly string[])[]): string => {
  const cells = rows[0]?.length ?? 0;
  if (rows.some((row) => row.length !== cells)) return tabwrite(rows.map((row) => `${row.join('\t')}\n`).join(''), TABLE);
  const widths = new Array<number>(Math.max(0, cells - 1)).fill(TABLE.minwidth);
  for (const row of rows) for (let j = 0; j < cells - 1; j++) widths[j] = Math.max(widths[j] ?? 0, runes(row[j] ?? '') + TABLE.padding);
  // One string grown line by line (a rope, flattened once when written): joining 87,000 lines cost twice as much.
  let text = '';
  for (const row of rows) {
    let line = '';
    for (let j = 0; j < cells - 1; j++) {
      const cell = row[j] ?? '';
      line += cell + spacesOf((widths[j] ?? 0) - runes(cell));
    }
    text += `${line}${row[cells - 1] ?? ''}\n`;
  }
  return text;
};
