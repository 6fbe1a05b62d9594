import 'server-only';
import fs from 'node:fs';
import { ImageResponse } from 'next/og';
import QRCode from 'qrcode';
import type { Locale } from '@/lib/i18n/locales';
import { fontFile } from '@/lib/pdf/fonts';
import type { Handout } from './content';
import type { HandoutView } from './types';

export const CARD_SIZE = { width: 1080, height: 1350 };
let fonts: { name: string; data: Buffer; weight: 400 | 700 }[] | undefined;

/** A portrait card for WhatsApp/Telegram groups: the three key messages, the helpline and the QR code. */
export async function renderHandoutCard(h: Handout, locale: Locale, view: HandoutView): Promise<Buffer> {
  fonts ??= [
    { name: 'Noto Sans', data: fs.readFileSync(fontFile(400)), weight: 400 },
    { name: 'Noto Sans', data: fs.readFileSync(fontFile(700)), weight: 700 },
  ];
  const qr = await QRCode.toDataURL(view.pageUrl, { margin: 1, width: 300 });
  const image = new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        background: '#ffffff',
        padding: 64,
        fontFamily: 'Noto Sans',
        color: '#1b2530',
      }}
    >
      <div style={{ display: 'flex', fontSize: 34, fontWeight: 700, color: '#0b5cad' }}>{view.school.name[locale]}</div>
      <div style={{ display: 'flex', fontSize: 58, fontWeight: 700, lineHeight: 1.15, marginTop: 28 }}>{h.title}</div>
      <div style={{ display: 'flex', flexDirection: 'column', marginTop: 40 }}>
        {h.keyMessages.map((m, i) => (
          <div key={i} style={{ display: 'flex', fontSize: 40, lineHeight: 1.3, marginBottom: 28 }}>
            <div
              style={{
                display: 'flex',
                width: 64,
                height: 64,
                borderRadius: 32,
                background: '#0b5cad',
                color: '#fff',
                alignItems: 'center',
                justifyContent: 'center',
                fontWeight: 700,
                marginRight: 24,
                flexShrink: 0,
              }}
            >
              {i + 1}
            </div>
            <div style={{ display: 'flex', flex: 1 }}>{m}</div>
          </div>
        ))}
      </div>
      <div style={{ display: 'flex', marginTop: 'auto', alignItems: 'center', border: '4px solid #1b2530', borderRadius: 24, padding: 32 }}>
        <div style={{ display: 'flex', flexDirection: 'column', flex: 1, paddingRight: 24 }}>
          <div style={{ display: 'flex', fontSize: 48, fontWeight: 700 }}>{view.labels.helplineTitle}</div>
          <div style={{ display: 'flex', fontSize: 30, marginTop: 8 }}>{view.labels.helplineText}</div>
          <div style={{ display: 'flex', fontSize: 28, marginTop: 16, color: '#0b5cad' }}>{view.shortUrl}</div>
        </div>
        {/* eslint-disable-next-line @next/next/no-img-element -- satori renders plain img */}
        <img src={qr} width={220} height={220} alt="" />
      </div>
    </div>,
    { ...CARD_SIZE, fonts },
  );
  return Buffer.from(await image.arrayBuffer());
}
