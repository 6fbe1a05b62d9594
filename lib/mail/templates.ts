import type { Locale } from '@/lib/i18n/locales';

export const MAIL_KINDS = ['password_reset', 'join_confirm', 'invite'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export type MailInput = { link: string; name?: string | null; schoolName?: string | null };
export type RenderedMail = { subject: string; text: string; html: string; link: string };

type Copy = { subject: string; greeting: (name?: string | null) => string; body: (i: MailInput) => string; action: string; after: string };

const SIGN = { kk: 'KKO Teach', ru: 'KKO Teach', en: 'KKO Teach' } satisfies Record<Locale, string>;

const COPY: Record<MailKind, Record<Locale, Copy>> = {
  password_reset: {
    kk: {
      subject: 'KKO Teach: құпиясөзді қалпына келтіру',
      greeting: (n) => (n ? `Сәлеметсіз бе, ${n}!` : 'Сәлеметсіз бе!'),
      body: () => 'KKO Teach тіркелгіңіздің құпиясөзін қалпына келтіру сұралды. Жаңа құпиясөзді мына сілтеме арқылы орнатыңыз:',
      action: 'Жаңа құпиясөз орнату',
      after: 'Сілтеме бір сағат жарамды және бір рет қана жұмыс істейді. Егер сіз сұрамасаңыз, бұл хатты елемеңіз: құпиясөзіңіз өзгермейді.',
    },
    ru: {
      subject: 'KKO Teach: восстановление пароля',
      greeting: (n) => (n ? `Здравствуйте, ${n}!` : 'Здравствуйте!'),
      body: () => 'Для вашей учётной записи KKO Teach запрошено восстановление пароля. Задайте новый пароль по ссылке:',
      action: 'Задать новый пароль',
      after:
        'Ссылка действует один час и только один раз. Если вы не запрашивали восстановление, просто не обращайте внимания на это письмо: пароль не изменится.',
    },
    en: {
      subject: 'KKO Teach: reset your password',
      greeting: (n) => (n ? `Hello ${n},` : 'Hello,'),
      body: () => 'Someone asked to reset the password of your KKO Teach account. Set a new password here:',
      action: 'Set a new password',
      after: 'The link works once and for one hour. If you did not ask for it, ignore this message: your password stays as it is.',
    },
  },
  join_confirm: {
    kk: {
      subject: 'KKO Teach: электрондық поштаңызды растаңыз',
      greeting: (n) => (n ? `Сәлеметсіз бе, ${n}!` : 'Сәлеметсіз бе!'),
      body: (i) => `Сіз мектеп кодымен KKO Teach-ке тіркелдіңіз${i.schoolName ? ` (${i.schoolName})` : ''}. Тіркелгіні іске қосу үшін мекенжайыңызды растаңыз:`,
      action: 'Мекенжайды растау',
      after: 'Сілтеме 7 күн жарамды. Егер сіз тіркелмесеңіз, бұл хатты елемеңіз.',
    },
    ru: {
      subject: 'KKO Teach: подтвердите адрес электронной почты',
      greeting: (n) => (n ? `Здравствуйте, ${n}!` : 'Здравствуйте!'),
      body: (i) =>
        `Вы зарегистрировались в KKO Teach по коду школы${i.schoolName ? ` (${i.schoolName})` : ''}. Чтобы учётная запись заработала, подтвердите адрес:`,
      action: 'Подтвердить адрес',
      after: 'Ссылка действует 7 дней. Если вы не регистрировались, не обращайте внимания на это письмо.',
    },
    en: {
      subject: 'KKO Teach: confirm your e-mail address',
      greeting: (n) => (n ? `Hello ${n},` : 'Hello,'),
      body: (i) => `You joined KKO Teach with a school code${i.schoolName ? ` (${i.schoolName})` : ''}. Confirm your address to start using your account:`,
      action: 'Confirm my address',
      after: 'The link works for 7 days. If you did not sign up, ignore this message.',
    },
  },
  invite: {
    kk: {
      subject: 'KKO Teach: сізді шақырды',
      greeting: () => 'Сәлеметсіз бе!',
      body: (i) =>
        `${i.schoolName ?? 'Мектебіңіз'} сізді KKO Teach-ке шақырады: балалардың онлайн қауіпсіздігі бойынша мұғалімдерге арналған курс. Тіркелгі ашу үшін сілтемені ашыңыз:`,
      action: 'Шақыруды қабылдау',
      after: 'Шақыру 7 күн жарамды.',
    },
    ru: {
      subject: 'KKO Teach: вас пригласили',
      greeting: () => 'Здравствуйте!',
      body: (i) =>
        `${i.schoolName ?? 'Ваша школа'} приглашает вас в KKO Teach: курс для учителей о безопасности детей в интернете. Чтобы создать учётную запись, откройте ссылку:`,
      action: 'Принять приглашение',
      after: 'Приглашение действует 7 дней.',
    },
    en: {
      subject: 'KKO Teach: you are invited',
      greeting: () => 'Hello,',
      body: (i) =>
        `${i.schoolName ?? 'Your school'} invites you to KKO Teach, training for teachers in children's online safety. Open the link to create your account:`,
      action: 'Accept the invitation',
      after: 'The invitation works for 7 days.',
    },
  },
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One message in the recipient's language: plain text, and the same words as simple HTML. */
export function renderMail(kind: MailKind, locale: Locale, input: MailInput): RenderedMail {
  const c = COPY[kind][locale];
  const greeting = c.greeting(input.name);
  const body = c.body(input);
  const text = `${greeting}\n\n${body}\n\n${input.link}\n\n${c.after}\n\n${SIGN[locale]}\n`;
  const html = [
    `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.5;color:#1a1a1a">`,
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(body)}</p>`,
    `<p><a href="${escapeHtml(input.link)}" style="display:inline-block;padding:10px 16px;background:#0b5cad;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(c.action)}</a></p>`,
    `<p style="font-size:90%">${escapeHtml(input.link)}</p>`,
    `<p style="font-size:90%;color:#555">${escapeHtml(c.after)}</p>`,
    `<p>${SIGN[locale]}</p></body></html>`,
  ].join('\n');
  return { subject: c.subject, text, html, link: input.link };
}
