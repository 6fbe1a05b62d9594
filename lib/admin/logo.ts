import 'server-only';
import sharp from 'sharp';

/** Upload bounds: a logo is printed about 4 cm wide, so these leave ample room. */
export const LOGO_MAX_BYTES = 512 * 1024;
export const LOGO_MAX_SIDE = 2000;
const LOGO_MAX_PIXELS = LOGO_MAX_SIDE * LOGO_MAX_SIDE;
/** What is stored: re-encoded, at most this many pixels a side. */
export const LOGO_STORED_SIDE = 512;

export type LogoError = 'logoType' | 'logoTooBig' | 'logoDimensions' | 'logoUnreadable';
export type LogoResult = { ok: true; dataUrl: string } | { ok: false; error: LogoError };

const DATA_URL = /^data:image\/(?:png|jpeg);base64,([A-Za-z0-9+/]+=*)$/;

/** The upload's bytes once its size, format and header dimensions are within bounds; nothing is decoded yet. */
async function checkedBytes(dataUrl: string): Promise<{ ok: true; bytes: Buffer } | { ok: false; error: LogoError }> {
  const m = DATA_URL.exec(dataUrl);
  if (!m) return { ok: false, error: 'logoType' };
  const bytes = Buffer.from(m[1]!, 'base64');
  if (bytes.length > LOGO_MAX_BYTES) return { ok: false, error: 'logoTooBig' };
  const meta = await sharp(bytes)
    .metadata()
    .catch(() => null);
  if (!meta) return { ok: false, error: 'logoUnreadable' };
  if (meta.format !== 'png' && meta.format !== 'jpeg') return { ok: false, error: 'logoType' };
  if (!meta.width || !meta.height || meta.width > LOGO_MAX_SIDE || meta.height > LOGO_MAX_SIDE || (meta.pages ?? 1) > 1) {
    return { ok: false, error: 'logoDimensions' };
  }
  return { ok: true, bytes };
}

/**
 * Checks an uploaded logo and returns it re-encoded as a small PNG. A few hundred kilobytes
 * of PNG or JPEG can describe an image that decodes to gigabytes, so the dimensions are read
 * from the header first and the decoder itself is capped; the stored image is the re-encoded
 * one, never the upload.
 */
export async function normalizeLogo(dataUrl: string): Promise<LogoResult> {
  const checked = await checkedBytes(dataUrl);
  if (!checked.ok) return checked;
  try {
    const png = await sharp(checked.bytes, { limitInputPixels: LOGO_MAX_PIXELS, failOn: 'error', animated: false })
      .rotate()
      .resize(LOGO_STORED_SIDE, LOGO_STORED_SIDE, { fit: 'inside', withoutEnlargement: true })
      .png({ compressionLevel: 9, palette: true })
      .toBuffer();
    return { ok: true, dataUrl: `data:image/png;base64,${png.toString('base64')}` };
  } catch (err) {
    console.error('[logo] re-encoding failed:', (err as Error).message);
    return { ok: false, error: 'logoUnreadable' };
  }
}

/** A stored logo that is safe to draw: older rows were stored before these bounds existed. */
export async function drawableLogo(dataUrl: string | null): Promise<string | null> {
  return dataUrl && (await checkedBytes(dataUrl)).ok ? dataUrl : null;
}
