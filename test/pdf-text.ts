import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The text poppler reads out of a PDF; set KKO_PDF_OUT to keep the files for a look. */
export function pdfText(body: Uint8Array, name: string) {
  const dir = process.env.KKO_PDF_OUT ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kko-pdf-'));
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, body);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  if (!process.env.KKO_PDF_OUT) fs.rmSync(dir, { recursive: true, force: true });
  return { text, flat: text.replace(/\s+/g, ' '), pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), fonts };
}
