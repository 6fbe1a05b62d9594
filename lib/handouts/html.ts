import { LOCALE_NAMES, LOCALES, type Locale } from '@/lib/i18n/locales';
import { textWithCitations, type Handout } from './content';
import type { HandoutView } from './types';

import { escapeHtml as escape } from '@/lib/html';

function rich(text: string, sourceLabel: string) {
  return textWithCitations(text)
    .map((part) =>
      'cite' in part
        ? ` <a class="src" href="/findings/${encodeURIComponent(part.cite)}" aria-label="${escape(sourceLabel)}: ${escape(part.cite)}">ⓘ</a>`
        : escape(part.text),
    )
    .join('');
}

const CSS = `body{margin:0;font:17px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1b2530;background:#fff}
main{max-width:40rem;margin:0 auto;padding:1rem 1.1rem 3rem}header{display:flex;gap:.75rem;align-items:center;justify-content:space-between;flex-wrap:wrap;border-bottom:1px solid #ccd;padding-bottom:.6rem}
.school{font-weight:700}nav a{margin-left:.6rem}nav a[aria-current]{font-weight:700;color:#1b2530;text-decoration:none}h1{font-size:1.6rem;line-height:1.2;margin:1rem 0 .5rem}
h2{font-size:1.2rem;margin:1.6rem 0 .4rem}.key{border:2px solid #0b5cad;border-radius:.6rem;padding:.6rem 1rem .6rem 2.4rem;margin:1rem 0}.key li{font-weight:600;margin:.3rem 0}
.help{border:2px solid #1b2530;border-radius:.6rem;padding:.8rem 1rem;margin-top:1rem}.helpline{font-size:1.3rem;font-weight:800}.helpline a{display:inline-block;padding:.2rem 0}a{color:#0b5cad}.src{text-decoration:none;font-size:.85em}
.logo{max-height:3rem;max-width:6rem}button{font:inherit;padding:.5rem 1rem;border:1px solid #0b5cad;border-radius:.4rem;background:#fff;color:#0b5cad}footer{color:#4a5866;font-size:.85rem;margin-top:2rem}
@media print{nav,button{display:none}.src{display:none}}`;

/** The phone page: one small HTML document, readable without any script; printing is the only script. */
export function renderHandoutHtml(h: Handout, locale: Locale, view: HandoutView) {
  const { school, labels } = view;
  const base = `/handouts/${encodeURIComponent(school.slug)}/${h.tier}`;
  const langs = LOCALES.map(
    (l) => `<a href="${base}?lang=${l}" lang="${l}" hreflang="${l}"${l === locale ? ' aria-current="page"' : ''}>${escape(LOCALE_NAMES[l])}</a>`,
  ).join('');
  const sections = h.sections
    .map(
      (s) =>
        `<section><h2>${escape(s.heading)}</h2>${s.paragraphs.map((p) => `<p>${rich(p, labels.source)}</p>`).join('')}${
          s.bullets.length ? `<ul>${s.bullets.map((b) => `<li>${rich(b, labels.source)}</li>`).join('')}</ul>` : ''
        }</section>`,
    )
    .join('');
  const contact = [
    school.contactPhone &&
      `<li>${escape(labels.phone)}: <a href="tel:${escape(school.contactPhone.replace(/[^+0-9]/g, ''))}">${escape(school.contactPhone)}</a></li>`,
    school.contactEmail && `<li>${escape(labels.email)}: <a href="mailto:${escape(school.contactEmail)}">${escape(school.contactEmail)}</a></li>`,
    school.address && `<li>${escape(labels.address)}: ${escape(school.address)}</li>`,
    school.counsellorName &&
      `<li>${escape(labels.counsellor)}: ${escape(school.counsellorName)}${school.counsellorContact ? `, ${escape(school.counsellorContact)}` : ''}</li>`,
  ]
    .filter(Boolean)
    .join('');
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(h.title)} · ${escape(school.name[locale])}</title><meta name="description" content="${escape(h.keyMessages.join(' '))}"><style>${CSS}</style></head>
<body><main><header><span class="school">${school.logo ? `<img class="logo" src="${escape(school.logo)}" alt=""> ` : ''}${escape(school.name[locale])}</span><nav aria-label="${escape(labels.language)}">${langs}</nav></header>
<h1>${escape(h.title)}</h1><p>${escape(h.intro)}</p><ol class="key">${h.keyMessages.map((m) => `<li>${escape(m)}</li>`).join('')}</ol>${sections}
<div class="help"><p class="helpline"><a href="tel:150">${escape(labels.helplineTitle)}</a></p><p>${escape(labels.helplineText)}</p><h2>${escape(labels.schoolContact)}</h2><p>${escape(school.name[locale])}</p><ul>${contact}</ul></div>
<p><button type="button" onclick="window.print()">${escape(labels.print)}</button></p><footer>${escape(labels.sources)}</footer></main></body></html>`;
}
