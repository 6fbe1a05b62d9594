import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGlossary, glossaryHits, loadGlossary } from './glossary';

const glossary = loadGlossary();

describe('glossaryHits', () => {
  it('finds a forbidden Kazakh stem in any case form', () => {
    const text = 'Баяндама мұны көрсетеді.\nБұл баяндамада айтылған.\nБаяндаманың 5-бөлімі.';
    const hits = glossaryHits(text, 'kk', glossary);
    expect(hits.map((h) => [h.found, h.line, h.use])).toEqual([
      ['Баяндама', 1, 'есеп'],
      ['баяндамада', 2, 'есеп'],
      ['Баяндаманың', 3, 'есеп'],
    ]);
  });

  it('finds every Russian variant of sextortion, and only once each', () => {
    const text = 'Это секс-шантаж. Сексторшн редок. Про секстортинг и секс-вымогательства говорят реже.';
    expect(glossaryHits(text, 'ru', glossary).map((h) => h.found)).toEqual(['секс-шантаж', 'Сексторшн', 'секстортинг', 'секс-вымогательства']);
  });

  it('passes the chosen terms in their inflected forms', () => {
    expect(
      glossaryHits('Есепте айтылғандай, 150 сенім телефонына қоңырау шалыңыз; жыныстық бопсалауға ұшыраса, жауапты маманға айтыңыз.', 'kk', glossary),
    ).toEqual([]);
    expect(
      glossaryHits('В отчёте сказано: сообщите ответственному специалисту о сексуальном вымогательстве и позвоните в телефон доверия 150.', 'ru', glossary),
    ).toEqual([]);
  });

  it('does not match a stem inside another word or a related verb', () => {
    // "докладывать" (to report to someone) is not the noun "доклад" (the report).
    expect(glossaryHits('Учитель должен докладывать директору.', 'ru', glossary)).toEqual([]);
    expect(glossaryHits('В докладе сказано.', 'ru', glossary).map((h) => h.found)).toEqual(['докладе']);
  });

  it('catches a multi-word synonym in any case form', () => {
    expect(glossaryHits('Мальчикам уроки о травле в сети не нужны; травлю в интернете видели многие.', 'ru', glossary).map((h) => h.found)).toEqual([
      'травле в сети',
      'травлю в интернете',
    ]);
    expect(glossaryHits('Травля в классе продолжается.', 'ru', glossary)).toEqual([]);
  });

  it('checks each language against its own list', () => {
    expect(glossaryHits('горячая линия 150', 'kk', glossary)).toEqual([]);
    expect(glossaryHits('горячая линия 150', 'ru', glossary).map((h) => h.concept)).toEqual(['helpline']);
  });
});

describe('checkGlossary', () => {
  it('reports the file and line of a forbidden term in lessons, quizzes and messages', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-'));
    fs.mkdirSync(path.join(root, 'modules', '9-10', 'x'), { recursive: true });
    fs.mkdirSync(path.join(root, 'messages'));
    fs.copyFileSync(path.join(process.cwd(), 'modules', 'glossary.json'), path.join(root, 'modules', 'glossary.json'));
    fs.writeFileSync(path.join(root, 'modules', '9-10', 'x', 'kk.mdx'), '---\ntitle: x\n---\nЖыныстық бопсалау.\nСекс-бопсалауға тап болса.\n');
    fs.writeFileSync(path.join(root, 'modules', '9-10', 'x', 'en.mdx'), 'The report says: sextortion, секс-шантаж.\n');
    fs.writeFileSync(path.join(root, 'modules', '9-10', 'x', 'quiz.ru.json'), '{"q": "Кибертравля в чате"}\n');
    fs.writeFileSync(path.join(root, 'messages', 'kk.json'), '{}\n');
    fs.writeFileSync(path.join(root, 'messages', 'ru.json'), '{\n"a": "Звоните на горячую линию 150"\n}\n');
    const problems = checkGlossary(root);
    expect(problems.map((p) => p.where)).toEqual(['messages/ru.json:2', 'modules/9-10/x/kk.mdx:5', 'modules/9-10/x/quiz.ru.json:1']);
    expect(problems[1]!.message).toContain('"жыныстық бопсалау"');
    fs.rmSync(root, { recursive: true });
  });

  it('passes on the repository content', () => {
    expect(checkGlossary()).toEqual([]);
  });

  it('refuses a glossary entry without forbidden variants', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-')), 'g.json');
    fs.writeFileSync(
      file,
      JSON.stringify({ concepts: [{ id: 'report', en: 'report', kk: { term: 'есеп', forbidden: [] }, ru: { term: 'отчёт', forbidden: ['доклад'] } }] }),
    );
    expect(() => loadGlossary(file)).toThrow();
  });
});
