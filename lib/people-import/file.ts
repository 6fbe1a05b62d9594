import { parseCsv } from './csv';
import { decodeCsv } from './decode';
import { ImportFileError, MAX_FILE_BYTES, MAX_ROWS } from './errors';
import { tableToRows } from './rows';
import { readXlsx } from './xlsx';

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** Reads an uploaded CSV or XLSX (told apart by content, not by name) into rows to check; refuses the whole file or nothing. */
export function readImportFile(fileName: string, bytes: Uint8Array, maxRows = MAX_ROWS) {
  if (bytes.length === 0) throw new ImportFileError('empty');
  if (bytes.length > MAX_FILE_BYTES) throw new ImportFileError('tooLarge', { mb: MAX_FILE_BYTES / 1024 / 1024 });
  // The old binary .xls and other zip formats (.ods, .docx) are not read: say so rather than guess.
  if (isOle(bytes) || (/\.(xls|ods|numbers)$/i.test(fileName) && !isZip(bytes))) throw new ImportFileError('unsupportedType');
  let table: string[][];
  let format: 'xlsx' | 'csv';
  let encoding: string | null = null;
  if (isZip(bytes)) {
    table = readXlsx(bytes, maxRows);
    format = 'xlsx';
  } else {
    const decoded = decodeCsv(bytes);
    if (decoded.text.includes('\u0000')) throw new ImportFileError('unsupportedType');
    table = parseCsv(decoded.text, maxRows + 1);
    format = 'csv';
    encoding = decoded.encoding;
  }
  if (table.length <= 1) throw new ImportFileError('empty');
  if (table.length - 1 > maxRows) throw new ImportFileError('tooManyRows', { max: maxRows });
  return { format, encoding, rows: tableToRows(table) };
}
