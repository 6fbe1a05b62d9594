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

let documentFonts = 0;

/**
 * A font family of its own for one document, dropped when the document is done. Rendering
 * many documents on one shared fontkit instance was measured to drop or garble glyphs (Latin
 * A, T, Y after a Kazakh and a Russian document), so these renders never share it.
 */
export async function withDocumentFonts<T>(render: (family: string) => Promise<T>): Promise<T> {
  registerPdfFonts();
  const family = `${FONT_FAMILY} ${++documentFonts}`;
  Font.register({
    family,
    fonts: [
      { src: fontFile(400), fontWeight: 400 },
      { src: fontFile(700), fontWeight: 700 },
    ],
  });
  try {
    return await render(family);
  } finally {
    delete Font.getRegisteredFonts()[family];
  }
}
