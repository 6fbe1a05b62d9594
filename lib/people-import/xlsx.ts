import { strFromU8, unzipSync } from 'fflate';
import { ImportFileError } from './errors';

// Decompressed parts larger than this are refused (a zip bomb, or far more rows than allowed).
const MAX_PART_BYTES = 64 * 1024 * 1024;

const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#[0-9]+);/g, (_, e: string) =>
    e === 'lt'
      ? '<'
      : e === 'gt'
        ? '>'
        : e === 'quot'
          ? '"'
          : e === 'apos'
            ? "'"
            : e === 'amp'
              ? '&'
              : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );
/** The text of every <t> run in a string item (rich text has several). */
const textOf = (xml: string) => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1]!)).join('');

const columnIndex = (ref: string) => [...ref.replace(/\d+$/, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** The first worksheet's path, as the workbook lists it. */
function firstSheetPath(files: Record<string, Uint8Array>) {
  const workbook = files['xl/workbook.xml'] && strFromU8(files['xl/workbook.xml']);
  const rels = files['xl/_rels/workbook.xml.rels'] && strFromU8(files['xl/_rels/workbook.xml.rels']);
  const rid = workbook && /<sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  const target = rid && rels && new RegExp(`<Relationship\\b[^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  const alt = rid && rels && new RegExp(`<Relationship\\b[^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1];
  const t = target || alt;
  if (!t) return 'xl/worksheets/sheet1.xml';
  return t.startsWith('/') ? t.slice(1) : `xl/${t}`;
}

/**
 * The cells of an XLSX file's first sheet as text rows. Refuses a sheet with formulas (their
 * stored result may be stale or empty, so what the admin sees is not what would be imported)
 * and counts rows before reading them, so 100,000 rows are refused without building them.
 */
export function readXlsx(bytes: Uint8Array, maxRows: number): string[][] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (f.originalSize > MAX_PART_BYTES) throw new ImportFileError('tooLarge');
        return (
          f.name === 'xl/workbook.xml' || f.name === 'xl/_rels/workbook.xml.rels' || f.name === 'xl/sharedStrings.xml' || f.name.startsWith('xl/worksheets/')
        );
      },
    });
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    throw new ImportFileError('unreadable');
  }
  const sheetBytes = files[firstSheetPath(files)];
  if (!sheetBytes) throw new ImportFileError('unreadable');
  const sheet = strFromU8(sheetBytes);
  const rowCount = sheet.match(/<row\b/g)?.length ?? 0;
  if (rowCount > maxRows + 1) throw new ImportFileError('tooManyRows', { max: maxRows });
  const f = /<f[\s>/]/.exec(sheet);
  if (f) {
    const cell = /\br="([A-Z]+\d+)"/.exec(sheet.slice(sheet.lastIndexOf('<c', f.index), f.index))?.[1];
    throw new ImportFileError('formula', { cell: cell ?? '?' });
  }

  const shared = files['xl/sharedStrings.xml'] ? [...strFromU8(files['xl/sharedStrings.xml']).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1]!)) : [];
  const rows: string[][] = [];
  for (const rowMatch of sheet.matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)) {
    const row: string[] = [];
    for (const c of rowMatch[1]!.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1]!;
      const body = c[2] ?? '';
      const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
      const type = /\bt="([^"]+)"/.exec(attrs)?.[1];
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const value = type === 's' ? (shared[Number(v)] ?? '') : type === 'inlineStr' ? textOf(body) : v !== undefined ? unescapeXml(v) : '';
      const col = ref ? columnIndex(ref) : row.length;
      while (row.length < col) row.push('');
      row[col] = value;
    }
    if (row.some((f) => f.trim() !== '')) rows.push(row);
  }
  return rows;
}
