import type { LocalizedText } from '@/db/schema';

export type HandoutSchool = {
  slug: string;
  name: LocalizedText;
  address: string;
  contactPhone: string;
  contactEmail: string;
  counsellorName: string;
  counsellorContact: string;
  logo: string | null;
  profileVersion: number;
};

export type HandoutLabels = {
  helplineTitle: string;
  helplineText: string;
  schoolContact: string;
  counsellor: string;
  phone: string;
  email: string;
  address: string;
  print: string;
  language: string;
  sources: string;
  scan: string;
  source: string;
};

/** Everything one rendering needs; `pageUrl` is the phone page the QR code and short link open. */
export type HandoutView = { school: HandoutSchool; labels: HandoutLabels; pageUrl: string; shortUrl: string };
