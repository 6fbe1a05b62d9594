import bcrypt from 'bcryptjs';

const COST = 10;

export function hashPassword(password: string) {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string) {
  return bcrypt.compare(password, hash);
}

// Compared against when there is no stored hash, so the answer takes as long either way.
const DUMMY_HASH = '$2b$10$CwTycUXWue0Thq9StjUM0uJ8.qOZ7c9Tq9u1Y7F3m9hJ3dZ8m0w6e';

/** Whether `password` matches a stored hash; with none, still spends a comparison's time and says no. */
export async function matchesStoredPassword(password: string, hash: string | null | undefined) {
  const ok = await verifyPassword(password, hash ?? DUMMY_HASH);
  return ok && !!hash;
}
