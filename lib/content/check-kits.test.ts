import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCALES } from '@/lib/i18n/locales';
import { modulesRoot } from './catalog';
import { checkKits } from './check-kits';
import { checkTemplates } from './check-templates';

type Json = Record<string, any>;
let roots: string[] = [];
afterEach(() => {
  for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
  roots = [];
});

const real = (file: string) => JSON.parse(fs.readFileSync(path.join('modules', file), 'utf8')) as Json;

/** A kits folder holding one real kit, each language passed through `edit` first. */
function kitRoot(edit: (kit: Json, lang: string) => void = () => {}, skip: string[] = []) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kko-kits-'));
  roots.push(root);
  const dir = path.join(root, '9-10', 'who-can-i-tell');
  fs.mkdirSync(dir, { recursive: true });
  for (const lang of LOCALES) {
    if (skip.includes(lang)) continue;
    const kit = real(`kits/9-10/who-can-i-tell/${lang}.json`);
    edit(kit, lang);
    fs.writeFileSync(path.join(dir, `${lang}.json`), JSON.stringify(kit));
  }
  return root;
}
const problems = (root: string, min = 0) => checkKits(root, modulesRoot(), min).map((p) => `${p.where}: ${p.message}`);

describe('kit content check', () => {
  it('passes the real kits', () => {
    expect(checkKits()).toEqual([]);
  });

  it('passes an untouched copy', () => {
    expect(problems(kitRoot())).toEqual([]);
  });

  it('fails when the activities do not add up to the stated minutes', () => {
    const out = problems(kitRoot((k) => (k.activities[0].minutes += 2)));
    expect(out.some((p) => p.includes('add up to 42 minutes, not the 40'))).toBe(true);
  });

  it('fails a lesson outside 40-45 minutes even when the sum matches', () => {
    const out = problems(
      kitRoot((k) => {
        k.activities[1].minutes = 20;
        k.minutes = 50;
      }),
    );
    expect(out.some((p) => p.includes('missing or invalid'))).toBe(true);
  });

  it('fails a percentage that is not a figure of the cited finding, in any language', () => {
    const out = problems(kitRoot((k, lang) => lang === 'kk' && (k.prompts[0] = k.prompts[0].replace('31,5%', '31,6%'))));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/kk\.json: prompt 1: "31,6%" is not a figure of help-seeking\.upset-who-told/);
  });

  it('fails unknown findings, uncited prompts, a missing Helpline and a module that does not exist', () => {
    const out = problems(
      kitRoot((k) => {
        k.findings.push('help-seeking.no-such-finding');
        k.prompts[1] = 'What makes it easier to tell a grown-up at home?';
        k.worksheet.help = 'Tell a grown-up you trust.';
        k.modules = ['9-10-no-such-module'];
      }),
    );
    expect(out.some((p) => p.includes('unknown finding id "help-seeking.no-such-finding"'))).toBe(true);
    expect(out.some((p) => p.includes('prompt 2 cites no finding'))).toBe(true);
    expect(out.some((p) => p.includes('does not name Helpline 150'))).toBe(true);
    expect(out.some((p) => p.includes('"9-10-no-such-module", which does not exist'))).toBe(true);
  });

  it('fails a citation missing from the findings list', () => {
    const out = problems(kitRoot((k) => (k.findings = k.findings.filter((f: string) => f !== 'social-support.teacher-to-go-to'))));
    expect(out.some((p) => p.includes('cites "social-support.teacher-to-go-to" but does not list it'))).toBe(true);
  });

  it('fails languages out of step and a missing language', () => {
    const out = problems(kitRoot((k, lang) => lang === 'ru' && (k.worksheet.tasks = k.worksheet.tasks.slice(1))));
    expect(out.some((p) => p.includes('ru.json: id, minutes, modules, findings, activities, prompts or worksheet tasks differ'))).toBe(true);
    const missing = problems(kitRoot(() => {}, ['kk']));
    expect(missing.some((p) => p.includes('kk.json: missing or invalid'))).toBe(true);
  });

  it('fails a tier with fewer than two kits', () => {
    const out = problems(kitRoot(), 2);
    expect(out.filter((p) => p.includes('kits; at least 2 are required'))).toHaveLength(4);
  });
});

function templateRoot(edit: (t: Json, lang: string) => void = () => {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kko-templates-'));
  roots.push(root);
  for (const id of ['incident-log', 'referral-form', 'letter-to-parents', 'device-policy']) {
    fs.mkdirSync(path.join(root, id));
    for (const lang of LOCALES) {
      const t = real(`templates/${id}/${lang}.json`);
      if (id === 'letter-to-parents') edit(t, lang);
      fs.writeFileSync(path.join(root, id, `${lang}.json`), JSON.stringify(t));
    }
  }
  return root;
}
const templateProblems = (root: string) => checkTemplates(root).map((p) => `${p.where}: ${p.message}`);

describe('template content check', () => {
  it('passes the real templates', () => {
    expect(checkTemplates()).toEqual([]);
  });

  it('fails invented phone numbers and numbers other than 150, 102 and 112', () => {
    const out = templateProblems(
      templateRoot((t, lang) => {
        if (lang !== 'en') return;
        t.blocks[0].paragraphs.push('Call the city hotline on 8 800 080 2020.');
        t.blocks[0].paragraphs.push('Or the duty service on 103.');
      }),
    );
    expect(out.some((p) => p.includes('looks like a phone number'))).toBe(true);
    expect(out.some((p) => p.includes('number 103 is not Helpline 150'))).toBe(true);
  });

  it('fails unknown placeholders, figures, and blocks out of step between languages', () => {
    const out = templateProblems(
      templateRoot((t, lang) => {
        if (lang === 'en') t.blocks[0].paragraphs.push('{schoolName} and 45.8% of children');
        if (lang === 'kk') t.blocks = t.blocks.filter((b: Json) => b.id !== 'contact');
      }),
    );
    expect(out.some((p) => p.includes('unknown placeholder {schoolName}'))).toBe(true);
    expect(out.some((p) => p.includes('templates quote no figures'))).toBe(true);
    expect(out.some((p) => p.includes('kk.json: blocks, fields or columns differ'))).toBe(true);
  });

  it('fails a template that names no help', () => {
    const out = templateProblems(
      templateRoot((t) => {
        t.blocks = t.blocks.filter((b: Json) => b.kind !== 'contacts');
        t.blocks = t.blocks.map((b: Json) => (b.kind === 'checklist' ? { ...b, items: b.items.filter((i: string) => !i.includes('150')) } : b));
      }),
    );
    expect(out.some((p) => p.includes('names neither Helpline 150 nor has a contacts block'))).toBe(true);
  });
});
