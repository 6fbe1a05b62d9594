/** The delimiter of the header line: Excel writes ';' where the decimal mark is a comma (ru, kk). */
function delimiterOf(text: string) {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => firstLine.split(c).length - 1;
  return [';', '\t', ','].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
}

/** RFC 4180 rows (quoted fields may hold delimiters, quotes and line breaks); blank lines dropped. */
export function parseCsv(text: string, maxRows = Infinity): string[][] {
  const d = delimiterOf(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endRow = () => {
    row.push(field);
    if (row.some((f) => f.trim() !== '')) rows.push(row);
    row = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === d) (row.push(field), (field = ''));
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
      // Stop reading early: the caller only needs to know the file is over the cap.
      if (rows.length > maxRows) return rows;
    } else field += c;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}
