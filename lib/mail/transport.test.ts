import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/env';
import { classifySendError, mailConfig } from './transport';

describe('mail configuration', () => {
  const config = (vars: Record<string, string>) => mailConfig(parseEnv(vars));
  it('is off without SMTP_URL and refuses anything but smtp(s) addresses', () => {
    expect(config({})).toBeNull();
    expect(config({ SMTP_URL: '  ' })).toBeNull();
    expect(() => config({ SMTP_URL: 'http://mail.example.kz' })).toThrow(/SMTP_URL must start with smtp:\/\//);
    expect(config({ SMTP_URL: 'smtps://u:p@mail.example.kz:465', MAIL_FROM: 'School <a@b.kz>' })).toEqual({
      url: 'smtps://u:p@mail.example.kz:465',
      from: 'School <a@b.kz>',
    });
    expect(config({ SMTP_URL: 'smtp://127.0.0.1:2525' })!.from).toBe('KKO Teach <no-reply@localhost>');
    expect(config({ SMTP_URL: 'smtp://127.0.0.1:2525', PUBLIC_URL: 'https://teach.example.kz' })!.from).toBe('KKO Teach <no-reply@teach.example.kz>');
  });
});

describe('send errors', () => {
  it('4xx and network trouble are retried, 5xx is final, and no server text is kept', () => {
    expect(classifySendError(Object.assign(new Error('451 4.7.1 greylisted, secret detail'), { responseCode: 451 }))).toEqual({
      message: 'The mail server answered 451 (try later).',
      permanent: false,
    });
    expect(classifySendError(Object.assign(new Error('550 no such user bob@x.kz'), { responseCode: 550 }))).toEqual({
      message: 'The mail server answered 550 (refused).',
      permanent: true,
    });
    expect(classifySendError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' })).permanent).toBe(false);
    expect(classifySendError(Object.assign(new Error('bad login'), { code: 'EAUTH' })).permanent).toBe(false);
    expect(classifySendError('weird').message).toBe('Sending failed.');
  });
});
