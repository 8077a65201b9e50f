/** One column of a CSV export: its header and how to read it from a row. */
export type CsvColumn<T> = readonly [header: string, value: (row: T) => unknown];

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let s =
    typeof value === "number"
      ? Number.isInteger(value)
        ? String(value)
        : value.toFixed(4).replace(/\.?0+$/, "")
      : String(value);
  // A spreadsheet would run a cell starting with = + - @ as a formula; numbers are left alone.
  if (/^[=+\-@\t\r]/.test(s) && !/^[+-]?\d[\d\s.,]*$/.test(s)) s = `'${s}`;
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A report table as CSV text with a header row (UTF-8, CRLF line ends as RFC 4180 says). */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const lines = [columns.map(([h]) => cell(h)).join(",")];
  for (const row of rows) lines.push(columns.map(([, get]) => cell(get(row))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
