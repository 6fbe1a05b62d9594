import { describe, expect, it } from 'vitest';
import { loadCatalogFromDisk } from '@/lib/content/catalog';
import type { Question } from '@/lib/content/types';
import { LOCALES } from '@/lib/i18n/locales';
import { drawQuestions } from './draw';
import { scoreAnswers, type Answers } from './score';

/** Test-wise guessers who never read the lesson. For a multiple-choice item they pick two options. */
const guessers: Record<string, (q: Question) => string[]> = {
  'always the longest option': (q) => {
    const byLength = [...q.options].sort((a, b) => b.text.length - a.text.length).map((o) => o.id);
    return byLength.slice(0, q.type === 'multiple' ? 2 : 1);
  },
  'always the second option': (q) => q.options.slice(1, q.type === 'multiple' ? 3 : 2).map((o) => o.id),
};

const ATTEMPTS = 200;
const MAX_MEAN_SCORE = 40;

/** A small seeded generator, so every run draws the same quizzes. */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A teacher who keeps retrying: each draw prefers questions not seen in the last attempt, as the app does. */
function simulate(bank: readonly Question[], guess: (q: Question) => string[], seed = 1) {
  const random = seeded(seed);
  let lastSeen: string[] = [];
  let total = 0;
  let passes = 0;
  for (let i = 0; i < ATTEMPTS; i++) {
    const ids = drawQuestions(
      bank.map((q) => q.id),
      lastSeen,
      undefined,
      random,
    );
    const answers: Answers = Object.fromEntries(ids.map((id) => [id, guess(bank.find((q) => q.id === id)!)]));
    const score = scoreAnswers(ids, bank, answers);
    total += score.score;
    if (score.passed) passes++;
    lastSeen = ids;
  }
  return { mean: total / ATTEMPTS, passes };
}

describe('the simulation', () => {
  it('catches a bank whose key is always the second and longest option', () => {
    const bank: Question[] = Array.from({ length: 20 }, (_, i) => ({
      id: `q${i}`,
      type: 'single',
      prompt: 'What do you do?',
      options: [
        { id: 'a', text: 'Ignore it' },
        { id: 'b', text: 'Listen, thank the pupil and agree the next step together' },
        { id: 'c', text: 'Take the phone' },
      ],
      correct: ['b'],
      explanation: 'Listening comes first.',
      findings: ['help-seeking.upset-who-told'],
    }));
    for (const guess of Object.values(guessers)) expect(simulate(bank, guess)).toEqual({ mean: 100, passes: ATTEMPTS });
  });
});

describe.each(loadCatalogFromDisk().map((m) => [m.id, m] as const))('module %s', (_, mod) => {
  it.each(LOCALES.flatMap((lang) => Object.keys(guessers).map((name) => [lang, name] as const)))(
    'in %s, a guesser who picks %s scores about chance and never passes',
    (lang, name) => {
      const result = simulate(mod.quizzes[lang].questions, guessers[name]!);
      expect(result.passes).toBe(0);
      expect(result.mean).toBeLessThanOrEqual(MAX_MEAN_SCORE);
    },
  );
});
