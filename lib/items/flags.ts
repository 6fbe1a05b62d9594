/** Below this many answers an item's numbers are noise: no flag is raised. */
export const MIN_ANSWERS = 20;
export const TOO_EASY = 0.95;
export const TOO_HARD = 0.2;

export type ItemFlag = 'tooEasy' | 'tooHard' | 'negative';

export type ItemNumbers = { answered: number; correct: number; discrimination: number | null };

/** Difficulty is the share answering correctly (the classical p-value): high means easy. */
export function difficulty(item: Pick<ItemNumbers, 'answered' | 'correct'>): number | null {
  return item.answered === 0 ? null : item.correct / item.answered;
}

/** Too easy (> 95% correct), too hard (< 20%) or negatively discriminating, once there are enough answers. */
export function itemFlags(item: ItemNumbers): ItemFlag[] {
  const p = difficulty(item);
  if (p === null || item.answered < MIN_ANSWERS) return [];
  const flags: ItemFlag[] = [];
  if (p > TOO_EASY) flags.push('tooEasy');
  if (p < TOO_HARD) flags.push('tooHard');
  if (item.discrimination !== null && item.discrimination < 0) flags.push('negative');
  return flags;
}
