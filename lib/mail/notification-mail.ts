import { escapeHtml } from '@/lib/html';
import type { Locale } from '@/lib/i18n/locales';

/** What a notification says by mail: a reminder, a refresher, or a school admin's weekly digest. */
export type NotificationMailInput = {
  kind: string;
  name: string;
  moduleTitle: string | null;
  dueDate: string | null;
  daysLeft: number | null;
  overdueCount: number;
  passedCount: number;
  /** Absolute link to the page to open; null when no public address is configured (the text says where instead). */
  link: string | null;
};

type Words = {
  hello: (n: string) => string;
  due: (i: NotificationMailInput) => [string, string];
  overdue: (i: NotificationMailInput) => [string, string];
  refresher: (i: NotificationMailInput) => [string, string];
  digest: (i: NotificationMailInput) => [string, string];
  open: string;
  where: string;
  optional: string;
};

const WORDS: Record<Locale, Words> = {
  kk: {
    hello: (n) => `Сәлеметсіз бе, ${n}!`,
    due: (i) => [`KKO Teach: «${i.moduleTitle}» мерзімі ${i.dueDate}`, `«${i.moduleTitle}» модулін ${i.dueDate} дейін аяқтау керек (${i.daysLeft} күн қалды).`],
    overdue: (i) => [`KKO Teach: «${i.moduleTitle}» мерзімі өтті`, `«${i.moduleTitle}» модулінің мерзімі (${i.dueDate}) өтті. Оны бүгін аяқтауға болады.`],
    refresher: (i) => [
      `KKO Teach: «${i.moduleTitle}» бойынша қысқа қайталау`,
      `«${i.moduleTitle}» модулі бойынша 3 сұрақтан тұратын қысқа қайталау дайын: телефонда екі минуттан аз уақыт алады.`,
    ],
    digest: (i) => [`KKO Teach: апталық шолу`, `Мерзімі өткен модульдер: ${i.overdueCount}. Соңғы 7 күнде аяқталған модульдер: ${i.passedCount}.`],
    open: 'Ашу',
    where: 'KKO Teach-ті ашып, «Менің оқуым» бөліміне өтіңіз.',
    optional: 'Мұндай хаттарды «Менің тіркелгім» бетінде өшіруге болады.',
  },
  ru: {
    hello: (n) => `Здравствуйте, ${n}!`,
    due: (i) => [`KKO Teach: срок «${i.moduleTitle}» — ${i.dueDate}`, `Модуль «${i.moduleTitle}» нужно пройти до ${i.dueDate} (осталось дней: ${i.daysLeft}).`],
    overdue: (i) => [`KKO Teach: срок «${i.moduleTitle}» прошёл`, `Срок модуля «${i.moduleTitle}» (${i.dueDate}) прошёл. Его можно пройти сегодня.`],
    refresher: (i) => [
      `KKO Teach: короткое повторение «${i.moduleTitle}»`,
      `Готово короткое повторение по модулю «${i.moduleTitle}»: 3 вопроса, меньше двух минут на телефоне.`,
    ],
    digest: (i) => [`KKO Teach: обзор за неделю`, `Просроченных модулей: ${i.overdueCount}. Модулей пройдено за 7 дней: ${i.passedCount}.`],
    open: 'Открыть',
    where: 'Откройте KKO Teach и перейдите в «Моё обучение».',
    optional: 'Такие письма можно отключить на странице «Моя учётная запись».',
  },
  en: {
    hello: (n) => `Hello ${n},`,
    due: (i) => [`KKO Teach: "${i.moduleTitle}" is due ${i.dueDate}`, `The module "${i.moduleTitle}" is due on ${i.dueDate} (${i.daysLeft} days left).`],
    overdue: (i) => [`KKO Teach: "${i.moduleTitle}" is overdue`, `The module "${i.moduleTitle}" was due on ${i.dueDate}. You can still complete it today.`],
    refresher: (i) => [
      `KKO Teach: a short refresher on "${i.moduleTitle}"`,
      `A short refresher on "${i.moduleTitle}" is ready: 3 questions, under two minutes on a phone.`,
    ],
    digest: (i) => [`KKO Teach: your weekly summary`, `Overdue modules: ${i.overdueCount}. Modules passed in the last 7 days: ${i.passedCount}.`],
    open: 'Open',
    where: 'Open KKO Teach and go to My training.',
    optional: 'You can turn such messages off on your account page.',
  },
};

const KINDS = { 'reminder.due': 'due', 'reminder.overdue': 'overdue', 'refresher.due': 'refresher', 'digest.weekly': 'digest' } as const;

/** The mail for a notification in the recipient's language; null for a kind that sends no mail. */
export function renderNotificationMail(locale: Locale, i: NotificationMailInput, optional: boolean) {
  const key = KINDS[i.kind as keyof typeof KINDS];
  if (!key) return null;
  const w = WORDS[locale];
  const [subject, body] = w[key](i);
  const tail = [i.link ? null : w.where, optional ? w.optional : null].filter(Boolean) as string[];
  const text = [w.hello(i.name), body, i.link, ...tail, 'KKO Teach'].filter(Boolean).join('\n\n') + '\n';
  const html = [
    `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.5;color:#1a1a1a">`,
    `<p>${escapeHtml(w.hello(i.name))}</p>`,
    `<p>${escapeHtml(body)}</p>`,
    i.link ? `<p><a href="${escapeHtml(i.link)}">${escapeHtml(w.open)}</a></p>` : '',
    ...tail.map((t) => `<p style="font-size:90%;color:#555">${escapeHtml(t)}</p>`),
    '<p>KKO Teach</p></body></html>',
  ].join('\n');
  return { subject, text, html, link: i.link };
}
