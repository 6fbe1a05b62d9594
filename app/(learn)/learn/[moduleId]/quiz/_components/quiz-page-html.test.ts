import { describe, expect, it } from 'vitest';
import { translator } from './client-messages';
import { quizPageHtml } from './quiz-page-html';
import type { QuizIslandData } from './quiz-island';
import en from '@/messages/en.json';
import ru from '@/messages/ru.json';

const questions = [
  {
    id: 'q1',
    type: 'single' as const,
    prompt: 'Who <b>tells</b>?',
    options: [
      { id: 'a', text: 'A friend' },
      { id: 'b', text: '</script><script>alert(1)</script>' },
    ],
  },
  {
    id: 'q2',
    type: 'multiple' as const,
    prompt: 'Which ones?',
    options: [
      { id: 'c', text: 'C' },
      { id: 'd', text: 'D' },
    ],
  },
];
const page = (view: Parameters<typeof quizPageHtml>[0]['view'], locale: 'en' | 'ru' = 'en') =>
  quizPageHtml({ locale, nonce: 'abcdefghijklmnopqrstuv', moduleId: 'm-1', moduleTitle: 'Module & co', passedScore: null, view, isTeacher: true });

function islandData(html: string): QuizIslandData {
  const json = html.match(/<script type="application\/json" id="quiz-data">(.*?)<\/script>/s)?.[1];
  return JSON.parse(json!) as QuizIslandData;
}

describe('quiz page as HTML', () => {
  it('sends the form inert, with its script under the nonce and its data as JSON that no option text can break out of', () => {
    const html = page({ kind: 'form', attemptId: 'att-1', questions });
    expect(html).toContain('<script src="/quiz.js" defer nonce="abcdefghijklmnopqrstuv"></script>');
    expect(html).toMatch(/<noscript><p class="notice error">This quiz needs JavaScript/);
    expect(html).toContain('data-ready="false"');
    expect(html).toContain('Who &lt;b&gt;tells&lt;/b&gt;?');
    // The only script elements are the JSON and /quiz.js: the option's markup stayed text.
    expect(html.match(/<script/g)).toHaveLength(2);
    const data = islandData(html);
    expect(data.questions[0]!.options[1]!.text).toBe('</script><script>alert(1)</script>');
    expect(data).toMatchObject({ attemptId: 'att-1', moduleId: 'm-1', locale: 'en', messages: { quiz: en.quiz, quizHelp: en.quizHelp } });
    // The answer key never travels: options carry only their id and text.
    expect(Object.keys(data.questions[0]!.options[0]!)).toEqual(['id', 'text']);
    expect(html.match(/type="radio"/g)).toHaveLength(2);
    expect(html.match(/type="checkbox"/g)).toHaveLength(2);
  });

  it('shows the start button posting to the quiz itself, with no script, in the page language', () => {
    const html = page({ kind: 'start', count: 8, passMark: 80, previous: { count: 2, score: 50 } }, 'ru');
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('<form method="post" action="/learn/m-1/quiz">');
    expect(html).toContain(ru.quiz.retry);
    expect(html).not.toContain('<script');
    expect(html).toContain('Module &amp; co');
  });

  it('lists the sections to reread, with the time the retry opens in Kazakhstan time', () => {
    const html = page({ kind: 'review', sections: [{ id: 's1', title: 'First' }], opensAt: new Date('2026-01-01T10:05:00Z') });
    expect(html).toContain('<a href="/learn/m-1/s1">First</a>');
    expect(html).toContain('3:05 PM');
  });
});

describe('browser-side quiz strings', () => {
  const t = translator({ quiz: en.quiz }, 'en-GB', 'Asia/Almaty');

  it('fills arguments and formats times in the given zone', () => {
    expect(t('quiz.correctCount', { correct: 3, total: 8 })).toBe('3 of 8 answers correct.');
    expect(t('quiz.retryOpens', { time: new Date('2026-01-01T10:05:00Z') })).toContain('15:05');
  });

  it('answers an unknown key with the key, not a crash', () => {
    expect(t('quiz.nope')).toBe('quiz.nope');
    expect(t('quiz.errors')).toBe('quiz.errors');
  });
});
