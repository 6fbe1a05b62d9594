import type { Question } from './types';

/**
 * Rules that keep a quiz from being passed by test-wiseness instead of knowledge: no surface
 * cue (length, position, a bare figure to recall) may give the key away.
 */
export const MIN_BANK_SIZE = 20;
export const MAX_LONGEST_KEY_SHARE = 0.3;
export const KEY_LENGTH_TOLERANCE = 0.2;
export const MAX_KEY_POSITION_SHARE = 0.4;

const singleKey = (q: Question) => q.type !== 'multiple';
const length = (text: string) => text.trim().length;

/** Words that hedge a figure ("about 30%", "около 30%", "шамамен 30%") or name its unit. */
const HEDGES = new Set(
  (
    'about around approximately roughly nearly almost over under more less than just only some percent per cent year years old of children ' +
    'около примерно приблизительно почти более менее свыше больше меньше чем лишь только всего процентов процента процент лет года год детей ' +
    'шамамен шамасы жуық астам артық кем тек пайыз пайызы жас жыл бала баланың балалардың'
  ).split(' '),
);

/** True when the option is essentially a number or percentage: a figure to recall, not a judgement. */
export function isBareNumber(text: string): boolean {
  const rest = text
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => !HEDGES.has(w.replace(/^[("«]+|[.,;:!?)"»]+$/gu, '')))
    .join(' ');
  return /\d/.test(rest) && /^[\s\d.,%–—~≈<>+\-/]+$/u.test(rest);
}

export type BankStats = {
  singles: number;
  longestKeyShare: number;
  keyLengthRatio: number;
  positionShares: number[];
};

export function bankStats(questions: readonly Question[]): BankStats {
  const singles = questions.filter(singleKey);
  let longest = 0;
  const positions: number[] = [];
  for (const q of singles) {
    const key = q.options.find((o) => o.id === q.correct[0]);
    if (!key) continue;
    if (q.options.every((o) => o === key || length(o.text) < length(key.text))) longest++;
    const at = q.options.indexOf(key);
    positions[at] = (positions[at] ?? 0) + 1;
  }
  let keyChars = 0;
  let keys = 0;
  let otherChars = 0;
  let others = 0;
  for (const q of questions) {
    for (const o of q.options) {
      if (q.correct.includes(o.id)) {
        keyChars += length(o.text);
        keys++;
      } else {
        otherChars += length(o.text);
        others++;
      }
    }
  }
  const meanKey = keys ? keyChars / keys : 0;
  const meanOther = others ? otherChars / others : 0;
  return {
    singles: singles.length,
    longestKeyShare: singles.length ? longest / singles.length : 0,
    keyLengthRatio: meanOther ? meanKey / meanOther : 1,
    positionShares: Array.from(positions, (n) => (n ?? 0) / singles.length),
  };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The fairness rules for one bank in one language; returns one message per broken rule or item. */
export function checkBankFairness(questions: readonly Question[]): string[] {
  const errors: string[] = [];
  if (questions.length < MIN_BANK_SIZE) errors.push(`has ${questions.length} questions; at least ${MIN_BANK_SIZE} are required`);
  const s = bankStats(questions);
  if (s.longestKeyShare > MAX_LONGEST_KEY_SHARE) {
    errors.push(`the key is the strictly longest option in ${pct(s.longestKeyShare)} of single/scenario questions (at most ${pct(MAX_LONGEST_KEY_SHARE)})`);
  }
  if (Math.abs(s.keyLengthRatio - 1) > KEY_LENGTH_TOLERANCE) {
    errors.push(`correct options are on average ${pct(s.keyLengthRatio)} of the length of wrong ones (must be within ±${pct(KEY_LENGTH_TOLERANCE)})`);
  }
  s.positionShares.forEach((share, i) => {
    if (share > MAX_KEY_POSITION_SHARE) {
      errors.push(`option ${i + 1} is the key of ${pct(share)} of single/scenario questions (at most ${pct(MAX_KEY_POSITION_SHARE)})`);
    }
  });
  for (const q of questions) {
    for (const o of q.options) {
      if (isBareNumber(o.text))
        errors.push(`question "${q.id}": option "${o.id}" is a bare number ("${o.text}"); ask for a judgement, give figures in the stem`);
    }
  }
  return errors;
}

/** Every question names a lesson section, so a failed attempt can point the teacher to what to re-read. */
export function checkQuestionSections(questions: readonly Question[], sectionIds: readonly string[]): string[] {
  const errors: string[] = [];
  for (const q of questions) {
    if (!q.section) errors.push(`question "${q.id}": no "section" naming the lesson section it tests`);
    else if (!sectionIds.includes(q.section)) errors.push(`question "${q.id}": section "${q.section}" is not a section of the lesson`);
  }
  return errors;
}

/** Question ids are unique across the whole catalog, so attempts and results never mix modules up. */
export function duplicateQuestionIds(banks: readonly { moduleId: string; questionIds: readonly string[] }[]): string[] {
  const owner = new Map<string, string>();
  const errors: string[] = [];
  for (const b of banks) {
    for (const id of b.questionIds) {
      const first = owner.get(id);
      if (first && first !== b.moduleId) errors.push(`question id "${id}" is also used by module ${first}`);
      else owner.set(id, b.moduleId);
    }
  }
  return errors;
}
