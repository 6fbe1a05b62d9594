import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getFindings } from '@/lib/content/findings';
import { getSources } from '@/lib/content/sources';
import { checkGuide, checkRespond, MAX_GUIDE_WORDS } from './check';
import { GuideError, loadGuide, parseGuide, SITUATIONS } from './guide';

const SECTIONS = ['first-hour', 'say', 'record', 'school', 'refer'];
const SOURCE = {
  id: 'test-source',
  title: 'A test source',
  publisher: 'Test Publisher',
  year: 2020,
  url: 'https://example.org/source',
  supports: 'Supports the test fixture statements.',
};

function guide(situation: string, lang: string, opts: { sections?: string[]; first?: string; refer?: string; extra?: string } = {}) {
  const comma = lang === 'en' ? '.' : ',';
  const bodies: Record<string, string> = {
    'first-hour':
      opts.first ?? `Children most often tell friends (31${comma}5%) <Cite id="help-seeking.upset-who-told" />. Call 112 <Source id="test-source" />.`,
    refer: opts.refer ?? '- **Helpline 150** <Cite id="help-seeking.helpline-150" />.\n- **102** police; **112** emergency.',
  };
  return `---
id: ${situation}
order: ${SITUATIONS.indexOf(situation as never) + 1}
title: Title ${lang}
summary: What happened, in ${lang}.
---

${(opts.sections ?? SECTIONS).map((s) => `<Section id="${s}" title="Heading ${s}">\n\n${bodies[s] ?? 'Plain text.'}${opts.extra && s === 'say' ? `\n\n${opts.extra}` : ''}\n\n</Section>`).join('\n\n')}
`;
}

let roots: string[] = [];
afterEach(() => {
  for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
  roots = [];
});

/** A complete guide folder plus sources registry, with per-file overrides. */
function tree(overrides: Record<string, string | null> = {}, sources: unknown = [SOURCE]) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kko-respond-'));
  roots.push(root);
  const dir = path.join(root, 'respond');
  fs.mkdirSync(dir);
  for (const s of SITUATIONS) {
    for (const lang of ['en', 'ru', 'kk']) {
      const name = `${s}.${lang}.mdx`;
      const text = name in overrides ? overrides[name] : guide(s, lang);
      if (text !== null) fs.writeFileSync(path.join(dir, name), text!);
    }
  }
  fs.writeFileSync(path.join(root, 'sources.json'), JSON.stringify(sources));
  return { dir, registry: path.join(root, 'sources.json'), root };
}
const run = (t: ReturnType<typeof tree>) => checkRespond(t.dir, t.registry, t.root).map((p) => `${path.basename(p.where)}: ${p.message}`);

describe('incident guide check', () => {
  it('passes a complete, consistent guide', () => {
    expect(run(tree())).toEqual([]);
  });

  it('passes the real guide and registry', () => {
    expect(checkRespond()).toEqual([]);
  });

  it('fails a missing language file', () => {
    expect(run(tree({ 'scams.kk.mdx': null }))).toEqual([expect.stringMatching(/^scams\.kk\.mdx: .*missing/)]);
  });

  it('fails missing, extra or reordered sections', () => {
    const problems = run(
      tree({
        'scams.ru.mdx': guide('scams', 'ru', { sections: ['first-hour', 'record', 'say', 'school', 'refer'] }),
        'self-harm.en.mdx': guide('self-harm', 'en', { sections: SECTIONS.slice(0, 4) }),
      }),
    );
    expect(problems.some((p) => p.startsWith('scams.ru.mdx: sections are first-hour, record, say'))).toBe(true);
    expect(problems.some((p) => p.startsWith('self-harm.en.mdx: sections are'))).toBe(true);
  });

  it('fails a figure that is not the cited finding’s, and a figure with no citation', () => {
    const problems = run(
      tree({
        'cyberbullying.en.mdx': guide('cyberbullying', 'en', {
          first: 'Friends: 33.3% <Cite id="help-seeking.upset-who-told" />. Also 12.5% of nobody. <Source id="test-source" />',
        }),
      }),
    );
    expect(problems).toContainEqual(expect.stringContaining('"33.3%" is not a figure of help-seeking.upset-who-told'));
    expect(problems).toContainEqual(expect.stringContaining('"12.5%" has no <Cite>'));
  });

  it('fails unknown finding and source ids, and a registered source nobody cites', () => {
    const problems = run(
      tree({ 'scams.en.mdx': guide('scams', 'en', { first: 'Text <Cite id="no.such-finding" /> and <Source id="no-such-source" />.' }) }, [
        SOURCE,
        { ...SOURCE, id: 'unused-source' },
      ]),
    );
    expect(problems).toContainEqual(expect.stringContaining('unknown finding id "no.such-finding"'));
    expect(problems).toContainEqual(expect.stringContaining('unknown source id "no-such-source"'));
    expect(problems).toContainEqual('sources.json: source "unused-source" is never cited');
    expect(problems).toContainEqual('scams.ru.mdx: cites different findings from the en file');
  });

  it('fails a referral section without 150, 102 or 112', () => {
    const problems = run(
      tree({ 'intimate-images.kk.mdx': guide('intimate-images', 'kk', { refer: '- **150** <Cite id="help-seeking.helpline-150" />. Police 1020.' }) }),
    );
    expect(problems).toContain('intimate-images.kk.mdx: section "refer" does not give 102');
    expect(problems).toContain('intimate-images.kk.mdx: section "refer" does not give 112');
  });

  it('fails components outside the guide set, code, and text that would not fit one printed page', () => {
    const long = Array.from({ length: MAX_GUIDE_WORDS }, (_, i) => `word${i}`).join(' ');
    const problems = run(
      tree({ 'scams.en.mdx': guide('scams', 'en', { extra: `<Scenario title="x">\n\nHi\n\n</Scenario>\n\nexport const x = 1\n\n${long}` }) }),
    );
    expect(problems).toContainEqual(expect.stringContaining('unknown component <Scenario>'));
    expect(problems).toContainEqual(expect.stringContaining('import/export statements are not allowed'));
    expect(problems).toContainEqual(expect.stringMatching(/words; at most \d+ fit on one printed page/));
  });

  it('fails a registry with http urls, duplicate ids or missing fields', () => {
    const http = run(tree({}, [SOURCE, { ...SOURCE, id: 'plain-http', url: 'http://example.org' }, { id: 'no-fields' }]));
    expect(http).toContainEqual(expect.stringMatching(/^sources\.json: invalid: 1\.url: must be an https/));
    expect(http).toContainEqual(expect.stringMatching(/^sources\.json: invalid: 2\.title: /));
    expect(run(tree({}, [SOURCE, { ...SOURCE }]))).toContainEqual('sources.json: invalid: 1.id: duplicate source id "test-source"');
    expect(run(tree({}, { not: 'a list' }))).toContainEqual(expect.stringMatching(/^sources\.json: invalid: \(root\): /));
  });

  it('rejects a file whose id does not match its name, and text outside sections', () => {
    expect(run(tree({ 'scams.en.mdx': guide('cyberbullying', 'en') }))).toContainEqual('scams.en.mdx: id "cyberbullying" does not match the file name "scams"');
    expect(() => parseGuide(`${guide('scams', 'en')}\nstray text`, 'en', 'x.mdx')).toThrow(GuideError);
  });
});

describe('the real guide', () => {
  it('gives the self-harm protocol: ask directly, stay, refer the same day, 150 and 112', () => {
    const en = loadGuide('self-harm', 'en');
    const text = en.sections.map((s) => s.body).join('\n');
    for (const phrase of ['Ask directly', 'Stay with the pupil', 'Refer the same day', 'Do not promise to keep it secret', 'Helpline 150', '112'])
      expect(text).toContain(phrase);
    expect(checkGuide(en, getFindings(), getSources())).toEqual([]);
  });

  it('quotes the peer sexual content findings with their counts and bases in the intimate-images guide', () => {
    for (const lang of ['en', 'ru', 'kk'] as const) {
      const text = loadGuide('intimate-images', lang)
        .sections.map((s) => s.body)
        .join('\n');
      expect(text).toContain('sexual-risk.sexual-content-sent-to-friends');
      expect(text).toContain('sexual-risk.received-sexual-content');
      expect(text).toMatch(/139/);
      expect(text).toMatch(/1[\s,]?201/);
      expect(text).toContain('ncmec-take-it-down');
    }
  });
});
