import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { bombPng } from '@/test/png-bomb';
import { drawableLogo, LOGO_STORED_SIDE, normalizeLogo } from './logo';

const asDataUrl = (buf: Buffer, type = 'png') => `data:image/${type};base64,${buf.toString('base64')}`;

describe('normalizeLogo', () => {
  it('refuses a decompression bomb by its header, before decoding it', async () => {
    const bomb = bombPng(7000);
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(await normalizeLogo(asDataUrl(bomb))).toEqual({ ok: false, error: 'logoDimensions' });
  });

  it('stores a normal logo re-encoded as a small PNG', async () => {
    const picture = Buffer.alloc(1200 * 800 * 3);
    for (let i = 0; i < picture.length; i++) picture[i] = (Math.floor(i / 3) % 1200) / 5 + (i % 3) * 20;
    const jpeg = await sharp(picture, { raw: { width: 1200, height: 800, channels: 3 } })
      .jpeg({ quality: 80 })
      .toBuffer();
    const result = await normalizeLogo(asDataUrl(jpeg, 'jpeg'));
    if (!result.ok) throw new Error(result.error);
    expect(result.dataUrl).toMatch(/^data:image\/png;base64,/);
    const stored = Buffer.from(result.dataUrl.split(',')[1]!, 'base64');
    const meta = await sharp(stored).metadata();
    expect(meta.format).toBe('png');
    expect(Math.max(meta.width!, meta.height!)).toBe(LOGO_STORED_SIDE);
    expect(meta.width! / meta.height!).toBeCloseTo(1.5, 1);
    expect(stored.length).toBeLessThan(400 * 1024);
  });

  it('keeps a small logo at its own size', async () => {
    const png = await sharp({ create: { width: 120, height: 60, channels: 4, background: '#0b5cad' } })
      .png()
      .toBuffer();
    const result = await normalizeLogo(asDataUrl(png));
    if (!result.ok) throw new Error(result.error);
    const meta = await sharp(Buffer.from(result.dataUrl.split(',')[1]!, 'base64')).metadata();
    expect([meta.width, meta.height]).toEqual([120, 60]);
  });

  it('refuses files over 512 kB, other formats behind an image MIME type, and garbage', async () => {
    expect(await normalizeLogo(asDataUrl(Buffer.alloc(600 * 1024, 1)))).toEqual({ ok: false, error: 'logoTooBig' });
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } })
      .gif()
      .toBuffer();
    expect(await normalizeLogo(asDataUrl(gif))).toEqual({ ok: false, error: 'logoType' });
    expect(await normalizeLogo('data:image/svg+xml;base64,PHN2Zz4=')).toEqual({ ok: false, error: 'logoType' });
    expect(await normalizeLogo(asDataUrl(Buffer.from('not an image at all')))).toEqual({ ok: false, error: 'logoUnreadable' });
  });
});

describe('drawableLogo', () => {
  it('drops a stored bomb from before the bounds existed, keeps a normal one', async () => {
    expect(await drawableLogo(asDataUrl(bombPng(7000)))).toBeNull();
    const png = await sharp({ create: { width: 40, height: 40, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    expect(await drawableLogo(asDataUrl(png))).toBe(asDataUrl(png));
    expect(await drawableLogo(null)).toBeNull();
  });
});
