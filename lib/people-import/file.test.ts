import { describe, expect, it } from 'vitest';
import { makeXlsx } from '@/test/xlsx-fixture';
import { ImportFileError } from './errors';
import { readImportFile } from './file';

const utf8 = (s: string) => new TextEncoder().encode(s);
// Windows-1251 for Cyrillic, as Excel on a Russian Windows saves "CSV (разделители — запятые)".
function cp1251(s: string) {
  const table = new TextDecoder('windows-1251').decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  return Uint8Array.from([...s].map((ch) => table.indexOf(ch)));
}
const problem = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ImportFileError) return [err.problem, err.detail];
    throw err;
  }
  return null;
};

describe('reading an import file', () => {
  it('reads UTF-8 CSV with a BOM, quotes and commas, and checks every row', () => {
    const csv =
      '\uFEFFname,email,tiers\n"Иванова, Анна",Anna@School.kz,"9-10, 11-12"\nBob,not-an-email,9-10\nCara,cara@school.kz,8-9\nDan,anna@school.kz,13–14\n,eve@school.kz,\n';
    const { format, encoding, rows } = readImportFile('t.csv', utf8(csv));
    expect([format, encoding]).toEqual(['csv', 'utf-8']);
    expect(rows.map((r) => [r.line, r.name, r.email, r.tiers, r.problems])).toEqual([
      [2, 'Иванова, Анна', 'anna@school.kz', ['9-10', '11-12'], []],
      [3, 'Bob', 'not-an-email', ['9-10'], ['emailInvalid']],
      [4, 'Cara', 'cara@school.kz', [], ['tierUnknown']],
      [5, 'Dan', 'anna@school.kz', ['13-14'], ['duplicate']],
      [6, '', 'eve@school.kz', [], ['nameMissing', 'tiersMissing']],
    ]);
    expect(rows[2]!.unknownTiers).toEqual(['8-9']);
  });

  it('detects Windows-1251 and semicolons, with Russian headers', () => {
    const csv = 'ФИО;Эл. почта;Возрастные группы\r\nАсель Жумабаева;asel@mektep.kz;15-17\r\n';
    const { encoding, rows } = readImportFile('учителя.csv', cp1251(csv));
    expect(encoding).toBe('windows-1251');
    expect(rows).toMatchObject([{ name: 'Асель Жумабаева', email: 'asel@mektep.kz', tiers: ['15-17'], problems: [] }]);
  });

  it('reads Kazakh headers and UTF-16 text', () => {
    const text = 'Аты-жөні\tЭлектрондық пошта\tЖас топтары\nӘйгерім Нұрланқызы\tai@mektep.kz\t9-10\n';
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    expect(readImportFile('t.txt', bytes).rows).toMatchObject([{ name: 'Әйгерім Нұрланқызы', tiers: ['9-10'], problems: [] }]);
  });

  it('reads XLSX with shared and inline strings, and numbers as text', () => {
    const x = makeXlsx([
      ['Name', 'E-mail', 'Tiers'],
      ['Ерлан', 'erlan@mektep.kz', '9-10;13-14'],
      ['Num', 'num@mektep.kz', 42],
    ]);
    const { format, rows } = readImportFile('t.xlsx', x);
    expect(format).toBe('xlsx');
    expect(rows.map((r) => [r.name, r.email, r.tiers, r.problems])).toEqual([
      ['Ерлан', 'erlan@mektep.kz', ['9-10', '13-14'], []],
      ['Num', 'num@mektep.kz', [], ['tierUnknown']],
    ]);
    expect(
      readImportFile(
        't.xlsx',
        makeXlsx(
          [
            ['name', 'email', 'tiers'],
            ['A & B <c>', 'ab@x.kz', '9-10'],
          ],
          { inline: true },
        ),
      ).rows[0]!.name,
    ).toBe('A & B <c>');
  });

  it('refuses, whole, an XLSX with a formula, naming the cell', () => {
    const x = makeXlsx([
      ['name', 'email', 'tiers'],
      ['Ok', 'ok@x.kz', '9-10'],
      ['F', { f: 'LOWER("A@X.KZ")', v: 'a@x.kz' }, '9-10'],
    ]);
    expect(problem(() => readImportFile('f.xlsx', x))).toEqual(['formula', { cell: 'B3' }]);
  });

  it('refuses 100,000 rows quickly, as CSV and as XLSX', () => {
    const big = ['name,email,tiers', ...Array.from({ length: 100_000 }, (_, i) => `T${i},t${i}@x.kz,9-10`)].join('\n');
    const started = performance.now();
    expect(problem(() => readImportFile('big.csv', utf8(big)))).toEqual(['tooManyRows', { max: 5000 }]);
    const bigX = makeXlsx([['name', 'email', 'tiers'], ...Array.from({ length: 100_000 }, (_, i) => [`T${i}`, `t${i}@x.kz`, '9-10'])]);
    expect(problem(() => readImportFile('big.xlsx', bigX))).toEqual(['tooManyRows', { max: 5000 }]);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('refuses files it cannot read with a reason', () => {
    expect(problem(() => readImportFile('e.csv', new Uint8Array()))).toEqual(['empty', {}]);
    expect(problem(() => readImportFile('h.csv', utf8('name,email,tiers\n')))).toEqual(['empty', {}]);
    expect(problem(() => readImportFile('n.csv', utf8('a,b,c\n1,2,3\n')))).toEqual(['noHeader', {}]);
    expect(problem(() => readImportFile('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2])))).toEqual(['unsupportedType', {}]);
    expect(problem(() => readImportFile('broken.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9])))).toEqual(['unreadable', {}]);
    expect(problem(() => readImportFile('huge.csv', new Uint8Array(6 * 1024 * 1024).fill(65)))).toEqual(['tooLarge', { mb: 5 }]);
  });
});
