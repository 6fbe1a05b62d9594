import { z } from 'zod';
import { TIERS, type Tier } from '@/lib/content/tiers';
import { ImportFileError } from './errors';

/** Why one row cannot be imported; each is a message key of the `peopleImport.row` namespace. */
export type RowProblem =
  'nameMissing' | 'nameTooLong' | 'emailInvalid' | 'tiersMissing' | 'tierUnknown' | 'duplicate' | 'alreadyMember' | 'otherSchool' | 'alreadyInvited';

export type ImportRow = { line: number; name: string; email: string; tiers: Tier[]; problems: RowProblem[]; unknownTiers: string[] };

// Header words in kk, ru and en (lower case, no punctuation) that name each column.
const HEADERS: Record<'name' | 'email' | 'tiers', string[]> = {
  name: ['name', 'full name', 'teacher', 'имя', 'фио', 'ф и о', 'учитель', 'аты', 'аты жөні', 'толық аты', 'мұғалім'],
  email: ['email', 'e mail', 'mail', 'почта', 'эл почта', 'электронная почта', 'электрондық пошта', 'эл пошта', 'пошта'],
  tiers: ['tiers', 'tier', 'age groups', 'age group', 'ages', 'группы', 'возрастные группы', 'возрастная группа', 'жас топтары', 'жас тобы'],
};
const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Where each column is, from the first row; refuses a file whose first row names none of them. */
export function headerColumns(header: string[]) {
  const find = (k: keyof typeof HEADERS) => header.findIndex((h) => HEADERS[k].includes(norm(h)));
  const cols = { name: find('name'), email: find('email'), tiers: find('tiers') };
  if (cols.name < 0 || cols.email < 0 || cols.tiers < 0) throw new ImportFileError('noHeader');
  return cols;
}

const Email = z.string().email().max(254);
// "9-10", "9–10" (en dash), "9 - 10": all one tier; several are split by commas, semicolons, slashes or spaces.
export function parseTiers(cell: string) {
  const tokens = cell
    .replace(/\s*[-–—]\s*/g, '-')
    .split(/[\s,;/|]+/)
    .filter(Boolean);
  const tiers = [...new Set(tokens.filter((t): t is Tier => (TIERS as readonly string[]).includes(t)))];
  return { tiers, unknown: tokens.filter((t) => !(TIERS as readonly string[]).includes(t)) };
}

/** Rows of the table as teachers to invite, each with what is wrong with it on its own or as a repeat in the file. */
export function tableToRows(table: string[][]): ImportRow[] {
  const [header, ...body] = table;
  if (!header) throw new ImportFileError('empty');
  const cols = headerColumns(header);
  const seen = new Set<string>();
  return body.map((cells, i) => {
    const name = (cells[cols.name] ?? '').trim().replace(/\s+/g, ' ');
    const email = (cells[cols.email] ?? '').trim().toLowerCase();
    const { tiers, unknown } = parseTiers(cells[cols.tiers] ?? '');
    const problems: RowProblem[] = [];
    if (!name) problems.push('nameMissing');
    else if (name.length > 120) problems.push('nameTooLong');
    if (!Email.safeParse(email).success) problems.push('emailInvalid');
    if (unknown.length > 0) problems.push('tierUnknown');
    else if (tiers.length === 0) problems.push('tiersMissing');
    if (email && seen.has(email)) problems.push('duplicate');
    seen.add(email);
    return { line: i + 2, name, email, tiers, problems, unknownTiers: unknown };
  });
}
