export const QUIZ_SIZE = 8;

/** Fisher-Yates on a copy; `random` is injectable so tests are deterministic. */
export function shuffle<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Draws a quiz from the bank, taking questions the teacher has not seen in earlier attempts
 * first, so a retry is a fresh set as far as the bank allows.
 */
export function drawQuestions(bank: readonly string[], lastSeen: readonly string[], size = QUIZ_SIZE, random: () => number = Math.random): string[] {
  const seen = new Set(lastSeen);
  const fresh = shuffle(
    bank.filter((id) => !seen.has(id)),
    random,
  );
  const repeats = shuffle(
    bank.filter((id) => seen.has(id)),
    random,
  );
  return [...fresh, ...repeats].slice(0, Math.min(size, bank.length));
}

/** Each question's options in a fresh order for this attempt: position never gives the key away. */
export function shuffleOptions(questions: readonly { id: string; options: readonly { id: string }[] }[], random: () => number = Math.random) {
  return Object.fromEntries(
    questions.map((q) => [
      q.id,
      shuffle(
        q.options.map((o) => o.id),
        random,
      ),
    ]),
  );
}
