import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('CSV export', () => {
  it('starts with a byte order mark and uses CRLF', () => {
    const csv = toCsv(['Аты', 'Мектеп'], [['Әсел Қасымова', '№ 1 мектеп']]);
    expect(csv.startsWith('\uFEFF"Аты","Мектеп"\r\n')).toBe(true);
    expect(csv).toContain('"Әсел Қасымова","№ 1 мектеп"\r\n');
  });

  it('escapes quotes and neutralises formulas', () => {
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('-2+3')).toBe('"\'-2+3"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(87)).toBe('"87"');
  });
});
