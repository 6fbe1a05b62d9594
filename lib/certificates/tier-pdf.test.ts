import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/lib/i18n/locales';
import { pdfText } from '@/test/pdf-text';
import { renderTierCertificatePdf, studyHours, type TierCertificateLabels } from './tier-pdf';

const messages = (lang: string) => JSON.parse(fs.readFileSync(`messages/${lang}.json`, 'utf8'));
const labels = (lang: string): TierCertificateLabels => {
  const m = messages(lang);
  return {
    ...m.tierCertificate,
    awardedTo: m.certificate.awardedTo,
    date: m.certificate.date,
    number: m.certificate.number,
    verify: m.certificate.verify,
    evidence: m.certificate.evidence,
  };
};
const CERT = {
  id: 'KKO-7G3H-Q9X2-M4PB',
  teacherName: 'Әйгерім Жұмабекова',
  schoolName: { kk: '№ 1 демо мектеп', ru: 'Демонстрационная школа № 1', en: 'Demo School No. 1' },
  moduleTitles: [
    { kk: 'Бірінші модуль', ru: 'Первый модуль', en: 'First module' },
    { kk: 'Екінші модуль', ru: 'Второй модуль', en: 'Second module' },
  ],
  tier: '9-10',
  minutes: 150,
  issuedAt: new Date('2026-03-01T08:00:00Z'),
};

describe('tier certificate PDF', () => {
  it('counts hours to one decimal place', () => {
    expect(studyHours(150, 'en')).toBe('2.5');
    expect(studyHours(150, 'ru')).toBe('2,5');
    expect(studyHours(120, 'kk')).toBe('2');
  });

  it('shows the teacher, every module, the hours and the verify link in kk, ru and en, on one page', async () => {
    for (const lang of LOCALES) {
      const out = pdfText(
        await renderTierCertificatePdf(CERT, lang, labels(lang), 'https://teach.example.kz/certificates/KKO-7G3H-Q9X2-M4PB'),
        `tier-${lang}.pdf`,
      );
      expect(out.pages).toBe(1);
      expect(out.flat).toContain(CERT.teacherName);
      for (const m of CERT.moduleTitles) expect(out.flat).toContain(m[lang]);
      expect(out.flat).toContain(`${labels(lang).hours}: ${studyHours(150, lang)}`);
      expect(out.flat).toContain('https://teach.example.kz/certificates/KKO-7G3H-Q9X2-M4PB');
      expect(out.fonts).not.toMatch(/Helvetica/);
    }
  });
});
