/** The quiz strings the browser needs (the `quiz` and `quizHelp` namespaces of one language), sent in the page. */
export type QuizMessages = { quiz: Record<string, unknown>; quizHelp: Record<string, unknown> };
export type Translate = (key: string, values?: Record<string, string | number | Date>) => string;

/**
 * A translator for the quiz's few browser-side strings: `{name}` arguments and `{name, time, short}`
 * (in Kazakhstan time), the only forms they use. next-intl's full message formatter was a twelfth of
 * the page's script; the server still formats every other string with next-intl.
 */
export function translator(messages: Record<string, unknown>, locale: string, timeZone: string): Translate {
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: 'numeric', timeZone });
  return (key, values = {}) => {
    const raw = key.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined), messages);
    if (typeof raw !== 'string') return key;
    return raw.replace(/\{(\w+)(, time, short)?\}/g, (_, name: string) => {
      const v = values[name];
      return v instanceof Date ? time.format(v) : String(v ?? '');
    });
  };
}
