import { parse } from "csv-parse/sync";

export type CsvDelimiter = "," | ";" | "\t";

export interface CsvTable {
  header: string[];
  /** Data rows (header excluded); short rows are padded by the reader, not here. */
  rows: string[][];
  delimiter: CsvDelimiter;
}

/** The first line, without a BOM: enough to guess the delimiter and read the header. */
function firstLine(content: string): string {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const end = text.search(/\r?\n/);
  return end === -1 ? text : text.slice(0, end);
}

/**
 * Guesses the delimiter from the header line: the one of `,` `;` tab that occurs most often
 * outside quotes (spreadsheets in many locales save with `;`).
 */
export function detectDelimiter(content: string): CsvDelimiter {
  const line = firstLine(content).replace(/"[^"]*"/g, "");
  const count = (d: string) => line.split(d).length - 1;
  const candidates: CsvDelimiter[] = [",", ";", "\t"];
  let best: CsvDelimiter = ",";
  for (const d of candidates) if (count(d) > count(best)) best = d;
  return best;
}

function parseCsv(content: string, delimiter: CsvDelimiter, toLine?: number): string[][] {
  return parse(content, {
    bom: true,
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    ...(toLine ? { to_line: toLine } : {}),
  });
}

/** The header of a CSV file, with names trimmed. Throws csv-parse's error on a broken file. */
export function readCsvHeader(content: string, delimiter?: CsvDelimiter): string[] {
  const d = delimiter ?? detectDelimiter(content);
  const [header] = parseCsv(content, d, 1);
  return (header ?? []).map((h) => h.trim());
}

/** The whole file: header and data rows. Throws csv-parse's error (with its line) on a broken file. */
export function readCsv(content: string, delimiter?: CsvDelimiter): CsvTable {
  const d = delimiter ?? detectDelimiter(content);
  const [header, ...rows] = parseCsv(content, d);
  return { header: (header ?? []).map((h) => h.trim()), rows, delimiter: d };
}
