// What the service worker keeps and where: pure rules, shared with their tests.

export const CACHES = {
  /** Pages the same for everyone (lessons, incident guide, parent phone pages) and their style and script. */
  public: 'kko-public-v1',
  /** One teacher's pages (My training, module and quiz pages, read marks): emptied at sign-in and sign-out. */
  personal: 'kko-personal-v1',
  /** Next's hashed, immutable script and style files. */
  assets: 'kko-assets-v1',
} as const;

export const MARK_PATH = /^\/api\/progress\/[^/]+\/[^/]+$/;
export const ANSWER_PATH = /^\/api\/attempts\/[^/]+$/;
/** The pages a lesson's form may name as its next step: a lesson section or a module's quiz, on this site. */
export const SAFE_NEXT = /^\/(lessons\/(kk|ru|en)\/[^/?#\\]+\/[^/?#\\]+|learn\/[^/?#\\]+\/quiz)$/;

export type OfflineMessage = { type: 'synced'; sent: number; left: number };

/** The lessons' style and script, and the quiz page's (the quiz page itself is personal). */
export const PUBLIC_FILES = ['/lesson.css', '/lesson.js', '/app.css', '/quiz.js'];

/** Public pages to keep: whole-page loads of lessons, the incident guide and a handout's phone page (not its PDF or card). */
export function isPublicPage(url: URL, mode: string) {
  if (PUBLIC_FILES.includes(url.pathname)) return true;
  if (mode !== 'navigate') return false;
  return (
    /^\/lessons\/(kk|ru|en)\/[^/]+\/[^/]+$/.test(url.pathname) ||
    /^\/respond(\/[a-z-]+)?$/.test(url.pathname) ||
    /^\/handouts\/[^/]+\/[0-9]+-[0-9]+$/.test(url.pathname)
  );
}

/** Personal pages to keep: whole-page loads of My training, a module and its quiz, and a module's read marks (JSON). */
export function isPersonalPage(url: URL, mode: string) {
  if (/^\/api\/progress\/[^/]+$/.test(url.pathname)) return true;
  if (mode !== 'navigate') return false;
  return url.pathname === '/learn' || /^\/learn\/[^/]+(\/quiz)?$/.test(url.pathname);
}
