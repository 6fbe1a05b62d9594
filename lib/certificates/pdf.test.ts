import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/lib/i18n/locales';
import { pdfText } from '@/test/pdf-text';
import { issuedOn } from './layout';
import { renderCertificatePdf, type CertificateLabels } from './pdf';

const labels = (lang: string): CertificateLabels => JSON.parse(fs.readFileSync(`messages/${lang}.json`, 'utf8')).certificate;
const CERT = {
  id: 'KKO-2B4C-D6F8-H9J3',
  teacherName: 'Әйгерім Жұмабекова',
  schoolName: { kk: '№ 1 демо мектеп', ru: 'Демонстрационная школа № 1', en: 'Demo School No. 1' },
  moduleTitle: { kk: 'Тәуекел мен зиян', ru: 'Риски и вред', en: 'Risks and harms' },
  tier: '11-12',
  score: 85,
  issuedAt: new Date('2026-03-01T20:00:00Z'),
};

describe('module certificate PDF', () => {
  it('shows the teacher, school, module, score, date and verify link in kk, ru and en, on one page', async () => {
    for (const lang of LOCALES) {
      const l = labels(lang);
      const out = pdfText(await renderCertificatePdf(CERT, lang, l, 'https://teach.example.kz/certificates/KKO-2B4C-D6F8-H9J3'), `module-${lang}.pdf`);
      expect(out.pages).toBe(1);
      for (const text of [
        CERT.teacherName,
        CERT.schoolName[lang],
        CERT.moduleTitle[lang],
        l.heading,
        `${l.score}: 85%`,
        `${l.tier}: 11-12`,
        `${l.number}: ${CERT.id}`,
      ]) {
        expect(out.flat).toContain(text);
      }
      expect(out.flat).toContain('https://teach.example.kz/certificates/KKO-2B4C-D6F8-H9J3');
      expect(out.fonts).not.toMatch(/Helvetica/);
    }
  });

  it('dates the certificate in Almaty time', () => {
    expect(issuedOn(CERT.issuedAt, 'en')).toBe('2 March 2026');
  });
});
