// A plain aligned table (no box drawing: it must survive copy-paste, screen readers and NO_COLOR) that
// fits the width it is given: columns as they are when they fit; else the last column wraps inside its
// own column; else, when even that would be a ribbon, each row becomes a bullet ("• name: a; b").
import { displayWidth, wrapText } from './wrap.js';

const INDENT = '  ';
const GAP = '   ';
/** Narrower than this, a wrapped last column reads worse than a list. */
const MIN_LAST_COLUMN = 16;

export interface TableStyle {
  /** Applied to the header row (bold on a terminal). */
  header?: (line: string) => string;
}

const pad = (cell: string, width: number) => cell + ' '.repeat(Math.max(0, width - displayWidth(cell)));

/** Rows (the first one is the header) as lines of at most `width` columns (Infinity: no limit). */
export function renderTable(rows: ReadonlyArray<readonly string[]>, width = Infinity, style: TableStyle = {}): string[] {
  const header = style.header ?? ((line: string) => line);
  const columns = rows[0]?.length ?? 0;
  if (!columns) return [];
  const widths = Array.from({ length: columns }, (_, col) => Math.max(...rows.map((r) => displayWidth(r[col] ?? ''))));
  const leading = INDENT.length + widths.slice(0, -1).reduce((sum, w) => sum + w + GAP.length, 0);
  const full = leading + widths[columns - 1]!;
  if (full <= width) return rows.map((row, i) => style1(i, `${INDENT}${row.map((cell, col) => pad(cell, widths[col]!)).join(GAP)}`.trimEnd()));
  const last = width - leading;
  if (last >= MIN_LAST_COLUMN) {
    return rows.flatMap((row, i) => {
      const start = `${INDENT}${row.slice(0, -1).map((cell, col) => pad(cell, widths[col]!)).join(GAP)}${GAP}`;
      const [first = '', ...more] = wrapText(row[columns - 1] ?? '', last).split('\n');
      return [style1(i, `${start}${first}`.trimEnd()), ...more.map((part) => style1(i, `${' '.repeat(leading)}${part}`))];
    });
  }
  // A list: one bullet per row, the header's names as labels, wrapped with a hanging indent.
  const names = rows[0]!;
  return rows.slice(1).flatMap((row) => {
    const rest = row.slice(1).map((cell, col) => `${names[col + 1]}: ${cell}`);
    return wrapText(`${INDENT}• ${row[0]}: ${rest.join('; ')}`, width).split('\n');
  });

  function style1(i: number, line: string): string {
    return i === 0 ? header(line) : line;
  }
}
