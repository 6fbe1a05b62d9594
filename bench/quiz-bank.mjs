// The modules' quiz banks read straight from modules/<tier>/<slug>/quiz.en.json: question ids and answer keys.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './options.mjs';

const QUIZ_SIZE = 8;

/** Map module id (the frontmatter `id`) → the English bank's questions. */
export function loadQuizBanks() {
  const banks = new Map();
  const base = path.join(ROOT, 'modules');
  for (const tier of fs.readdirSync(base)) {
    const tierDir = path.join(base, tier);
    if (!/^\d+-\d+$/.test(tier) || !fs.statSync(tierDir).isDirectory()) continue;
    for (const slug of fs.readdirSync(tierDir)) {
      const dir = path.join(tierDir, slug);
      const quizFile = path.join(dir, 'quiz.en.json');
      const mdx = path.join(dir, 'en.mdx');
      if (!fs.existsSync(quizFile) || !fs.existsSync(mdx)) continue;
      const id = /^id:\s*(\S+)\s*$/m.exec(fs.readFileSync(mdx, 'utf8'))?.[1] ?? `${tier}-${slug}`;
      banks.set(id, JSON.parse(fs.readFileSync(quizFile, 'utf8')).questions);
    }
  }
  return banks;
}

function shuffled(items, random = Math.random) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export function drawQuestionIds(questions, random = Math.random) {
  return shuffled(
    questions.map((q) => q.id),
    random,
  ).slice(0, QUIZ_SIZE);
}

/** Answers with `wrong` of the drawn questions answered wrongly (the rest exactly right). */
export function answersFor(questions, questionIds, wrong = 0) {
  const answers = {};
  questionIds.forEach((qid, i) => {
    const q = questions.find((x) => x.id === qid);
    if (i >= questionIds.length - wrong) {
      const other = q.options.find((o) => !q.correct.includes(o.id));
      answers[qid] = other ? [other.id] : q.correct.slice(0, 1);
    } else {
      answers[qid] = [...q.correct];
    }
  });
  return answers;
}

/** Per module, `count` drawn quizzes with answer sets scoring 8/8, 7/8 (both pass) and 5/8 (fails), for the seed. */
export function quizVariants(banks, count = 12, random = Math.random) {
  const rows = [];
  for (const [moduleId, questions] of banks) {
    for (let v = 0; v < count; v++) {
      const ids = drawQuestionIds(questions, random);
      rows.push({
        moduleId,
        v,
        questionIds: ids,
        a100: answersFor(questions, ids, 0),
        a88: answersFor(questions, ids, 1),
        a63: answersFor(questions, ids, 3),
      });
    }
  }
  return rows;
}
