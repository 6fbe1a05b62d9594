import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFindingTexts, findingText } from './finding-text';
import { getFinding, getFindings } from './findings';

const finding = getFinding('help-seeking.upset-who-told')!;
const findings = new Map([[finding.id, finding]]);

function fixture(files: Record<string, unknown>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'finding-text-'));
  for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), typeof body === 'string' ? body : JSON.stringify(body));
  return dir;
}

describe('checkFindingTexts', () => {
  it('passes on the repository: every finding titled in en, kk and ru, summarised in kk and ru', () => {
    expect(checkFindingTexts(['en', 'kk', 'ru'])).toEqual([]);
    expect(getFindings().size).toBe(240);
  });

  it('refuses a summary whose percentages differ from the statement', () => {
    const dir = fixture({
      'findings.ru.json': {
        [finding.id]: { title: 'Кому дети рассказывают', summary: 'Четверть детей никому не сказали; друзьям — 31,5%, родителям — 42,1%.' },
      },
    });
    const [problem] = checkFindingTexts(['ru'], dir, findings);
    expect(problem?.message).toMatch(/quotes 31\.5%, 42\.1%; the statement has 24\.1%, 31\.5%/);
  });

  it('refuses a missing finding, an untranslated summary and an unknown id', () => {
    const dir = fixture({
      'findings.kk.json': {
        [finding.id]: { title: 'Кімге айтады', summary: finding.statement },
        'no.such-finding': { title: 'Жоқ тұжырым', summary: 'Мұндай тұжырым жоқ.' },
      },
      'findings.ru.json': {},
    });
    const messages = checkFindingTexts(['kk', 'ru'], dir, findings).map((p) => p.message);
    expect(messages).toEqual(['unknown finding id "no.such-finding"', `summary of "${finding.id}" still has English words`, `no title for "${finding.id}"`]);
  });

  it('refuses a kk entry with a title but no summary, and a file that is not valid JSON', () => {
    const dir = fixture({ 'findings.kk.json': { [finding.id]: { title: 'Кімге айтады' } }, 'findings.ru.json': '{ not json' });
    const messages = checkFindingTexts(['kk', 'ru'], dir, findings).map((p) => p.message);
    expect(messages[0]).toBe(`no summary for "${finding.id}"`);
    expect(messages[1]).toMatch(/^missing or invalid/);
  });
});

describe('findingText', () => {
  it('gives the title and summary in the language asked for, English summary being the statement itself', () => {
    const kk = findingText(finding, 'kk');
    const ru = findingText(finding, 'ru');
    const en = findingText(finding, 'en');
    expect(kk.lang).toBe('kk');
    expect(kk.summary).toContain('31,5%');
    expect(kk.summary).not.toContain('told');
    expect(ru.title).toBe('Кому дети рассказывают, когда их что-то расстроило');
    expect(en).toEqual({ title: 'Who children tell when something upsets them', summary: finding.statement, lang: 'en' });
  });
});
