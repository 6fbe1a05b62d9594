import path from 'node:path';
import { Font } from '@react-pdf/renderer';

export const FONT_FAMILY = 'Noto Sans';
export const fontFile = (weight: 400 | 700) =>
  path.join(process.cwd(), 'lib', 'pdf', 'fonts', weight === 700 ? 'NotoSans_700Bold.ttf' : 'NotoSans_400Regular.ttf');

let registered = false;

/** react-pdf keeps fonts in global state: register once per process. */
export function registerPdfFonts() {
  if (registered) return;
  Font.register({ family: FONT_FAMILY, fonts: [{ src: fontFile(400), fontWeight: 400 }, { src: fontFile(700), fontWeight: 700 }] });
  // The built-in hyphenator is English-only and breaks Kazakh words wrongly.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}
