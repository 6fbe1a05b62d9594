import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';

type Question = { id: string; type: string; prompt: string; options: { id: string; text: string }[]; correct: string[] };

/** The module as written in modules/, so tests can find its titles and answer its quiz like a teacher who knows it. */
export function readModule(tier: string, slug: string, lang = 'en') {
  const dir = path.join(process.cwd(), 'modules', tier, slug);
  const mdx = fs.readFileSync(path.join(dir, `${lang}.mdx`), 'utf8');
  const title = /^title:\s*(.+)$/m.exec(mdx)![1]!.replace(/^["']|["']$/g, '');
  const sections = [...mdx.matchAll(/<Section\s+id="([^"]+)"\s+title="([^"]+)"/g)].map((m) => ({ id: m[1]!, title: m[2]! }));
  const questions = (JSON.parse(fs.readFileSync(path.join(dir, `quiz.${lang}.json`), 'utf8')) as { questions: Question[] }).questions;
  return { id: `${tier}-${slug}`, title, sections, questions };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The questions on screen, matched to the bank by their prompt. */
export async function questionsOnPage(page: Page, bank: Question[]) {
  await page.locator('form[data-ready="true"]').waitFor();
  const legends = await page.locator('fieldset.question legend').allInnerTexts();
  return legends.map((text) => {
    const q = bank.find((b) => text.includes(b.prompt));
    if (!q) throw new Error(`No bank question matches "${text}"`);
    return q;
  });
}

export function questionGroup(page: Page, q: Question): Locator {
  return page.getByRole('group', { name: new RegExp(escape(q.prompt)) });
}

/** Answers every question on the page, correctly or with a wrong option. */
export async function answerQuiz(page: Page, bank: Question[], correctly: boolean) {
  const shown = await questionsOnPage(page, bank);
  for (const q of shown) {
    const group = questionGroup(page, q);
    const picks = correctly ? q.correct : [q.options.find((o) => !q.correct.includes(o.id))!.id];
    for (const id of picks) {
      await group.getByLabel(q.options.find((o) => o.id === id)!.text, { exact: true }).check();
    }
  }
  return shown.map((q) => q.id);
}
