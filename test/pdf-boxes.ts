// Where a PDF really put its words and images, read back with poppler (pdftotext -bbox-layout,
// pdftohtml -xml): layout checks compare these boxes instead of trusting the layout code.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Box = { page: number; xMin: number; yMin: number; xMax: number; yMax: number };
export type WordBox = Box & { text: string };
export type PdfBoxes = { pageWidth: number; pageHeight: number; words: WordBox[]; images: Box[] };

const num = (attrs: string, name: string) => Number(new RegExp(`${name}="([-\\d.]+)"`).exec(attrs)?.[1] ?? NaN);
const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Word and image boxes of every page, in PDF points from the page's top-left corner. */
export function pdfBoxes(pdf: Uint8Array): PdfBoxes {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kko-boxes-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, pdf);
    const layout = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8' });
    const words: WordBox[] = [];
    let page = 0;
    let pageWidth = 0;
    let pageHeight = 0;
    for (const m of layout.matchAll(/<page ([^>]*)>|<word ([^>]*)>([^<]*)<\/word>/g)) {
      if (m[1]) {
        page++;
        pageWidth = num(m[1], 'width');
        pageHeight = num(m[1], 'height');
      } else {
        words.push({ page, xMin: num(m[2]!, 'xMin'), yMin: num(m[2]!, 'yMin'), xMax: num(m[2]!, 'xMax'), yMax: num(m[2]!, 'yMax'), text: unescape(m[3]!) });
      }
    }
    // pdftohtml rounds to whole units and caps its zoom (at 3): the scale is read from the page size.
    execFileSync('pdftohtml', ['-xml', '-q', '-zoom', '3', file, path.join(dir, 'out')]);
    const xml = fs.readFileSync(path.join(dir, 'out.xml'), 'utf8');
    const images: Box[] = [];
    page = 0;
    let zoom = 1;
    for (const m of xml.matchAll(/<page ([^>]*)>|<image ([^>]*)\/>/g)) {
      if (m[1]) {
        page = num(m[1], 'number');
        zoom = num(m[1], 'width') / pageWidth;
      } else {
        const [top, left, width, height] = ['top', 'left', 'width', 'height'].map((k) => num(m[2]!, k) / zoom) as [number, number, number, number];
        images.push({ page, xMin: left, yMin: top, xMax: left + width, yMax: top + height });
      }
    }
    return { pageWidth, pageHeight, words, images };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** True when the two boxes share more than `tolerance` points in both directions. */
export function overlaps(a: Box, b: Box, tolerance = 0.5) {
  return (
    a.page === b.page && Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin) > tolerance && Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin) > tolerance
  );
}
