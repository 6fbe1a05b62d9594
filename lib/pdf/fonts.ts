import path from 'node:path';
import { Font } from '@react-pdf/renderer';

export const FONT_FAMILY = 'Noto Sans';
export const fontFile = (weight: 400 | 700) =>
  path.join(process.cwd(), 'lib', 'pdf', 'fonts', weight === 700 ? 'NotoSans_700Bold.ttf' : 'NotoSans_400Regular.ttf');

let registered = false;

/** react-pdf keeps fonts in global state: register once per process. */
export function registerPdfFonts() {
  if (registered) return;
  Font.register({
    family: FONT_FAMILY,
    fonts: [
      { src: fontFile(400), fontWeight: 400 },
      { src: fontFile(700), fontWeight: 700 },
    ],
  });
  // The built-in hyphenator is English-only and breaks Kazakh words wrongly.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}

type LoadedSource = { data: { _glyphs?: Record<number, unknown> } | null };
let sharedTurn: Promise<unknown> = Promise.resolve();

/**
 * Renders on the one shared, parsed font (loaded once per process or worker thread), one
 * document at a time. fontkit caches glyph objects by id, and a glyph first created by id (as
 * embedding a subset does) has no code points: a later document that laid out that glyph
 * dropped it (the sixth handout in a row lost its Latin A and T; diegomura/react-pdf#3404).
 * Emptying that cache before each document keeps the parsed tables and loses only the glyphs.
 */
export function withSharedFonts<T>(render: (family: string) => Promise<T>): Promise<T> {
  registerPdfFonts();
  const run = sharedTurn.then(() => {
    for (const source of (Font.getRegisteredFonts()[FONT_FAMILY]?.sources ?? []) as LoadedSource[]) {
      if (source.data?._glyphs) source.data._glyphs = {};
    }
    return render(FONT_FAMILY);
  });
  sharedTurn = run.catch(() => undefined);
  return run;
}
