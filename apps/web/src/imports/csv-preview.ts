/** What the wizard shows of a CSV file before it is sent: the header and the first rows. */
export interface CsvPreview {
  delimiter: string;
  header: string[];
  rows: string[][];
}

/** The delimiter the header line uses most: comma, semicolon or tab. */
export function guessDelimiter(firstLine: string): string {
  const counts = [",", ";", "\t"].map((d) => [d, firstLine.split(d).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]?.[0] ?? ",";
}

/**
 * Reads the header and up to `limit` records of a CSV text (quoted cells, doubled quotes,
 * line breaks inside quotes, CRLF and a BOM handled). The server parses the whole file again;
 * this is only for showing and mapping columns.
 */
export function previewCsv(text: string, limit = 5): CsvPreview {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = guessDelimiter(source.slice(0, source.search(/\r?\n|$/)));
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let quoted = false;
  let i = 0;
  while (i < source.length && records.length < limit + 1) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && cell === "") {
      quoted = true;
    } else if (ch === delimiter) {
      record.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && source[i + 1] === "\n") i += 1;
      record.push(cell);
      if (record.some((c) => c.trim() !== "")) records.push(record);
      record = [];
      cell = "";
    } else {
      cell += ch;
    }
    i += 1;
  }
  if (records.length < limit + 1 && (cell !== "" || record.length > 0)) {
    record.push(cell);
    if (record.some((c) => c.trim() !== "")) records.push(record);
  }
  const [header = [], ...rows] = records;
  return { delimiter, header: header.map((h) => h.trim()), rows };
}
