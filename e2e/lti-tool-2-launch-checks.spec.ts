import { expect, test } from './fixtures';
import { BASE, GUEST, INSTRUCTOR, MODULE, useJourneyPlatform } from './lti-journey';

const lms = useJourneyPlatform();

test.describe.serial('LTI 1.3 tool: forged and stale launches are refused; deep linking answers signed', () => {
  test('every forged or stale launch is refused with a clear 4xx page', async () => {
    const forgeries: [string, Record<string, unknown>][] = [
      ['bad signature', { signWith: 'foreign-key' }],
      ['unknown kid', { signWith: 'unknown-kid' }],
      ['wrong iss', { iss: 'https://evil.example' }],
      ['wrong aud', { aud: 'someone-else' }],
      ['missing azp with several audiences', { aud: ['kko-tool', 'other'], azp: null }],
      ['expired', { expiresInSeconds: -30 }],
      ['issued in the future', { iatOffsetSeconds: 600 }],
      ['wrong version', { version: '1.1' }],
      ['unknown message type', { messageType: 'LtiSomethingElse' }],
      ['foreign target_link_uri', { targetLinkUri: 'https://evil.example/learn' }],
      ['unknown deployment', { deploymentId: 'dep-unknown' }],
    ];
    for (const [name, forge] of forgeries) {
      const r = await lms().launchInto(`${BASE}/lti/login`, { forge });
      expect(r.status, name).toBeGreaterThanOrEqual(400);
      expect(r.status, name).toBeLessThan(500);
      expect(r.body, name).toContain('This LMS launch could not be accepted');
      expect(r.body, name).not.toContain('eyJ');
    }
    await lms().launchInto(`${BASE}/lti/login`, { custom: { module: MODULE } });
    const replay = await lms().launchInto(`${BASE}/lti/login`, { forge: { replayNonce: true } });
    expect(replay.status).toBe(401);
    expect(replay.body).toContain('nonce');
  });

  test('a launch with a missing or mismatched state is refused', async ({ request }) => {
    const honest = await lms().launchInto(`${BASE}/lti/login`, {});
    expect(honest.status).toBe(303);
    const withoutCookie = await request.post('/lti/launch', { form: { id_token: 'x.y.z', state: 'made-up' } });
    expect(withoutCookie.status()).toBe(401);
    expect(await withoutCookie.text()).toContain('state');
    const noState = await request.post('/lti/launch', { form: { id_token: 'x.y.z' } });
    expect(noState.status()).toBe(401);
  });

  test('a role that gives no access gets a clear page, not an error', async () => {
    const r = await lms().launchInto(`${BASE}/lti/login`, { roles: [GUEST], user: { sub: 'mentor-1' } });
    expect(r.status).toBe(403);
    expect(r.body).toContain('role');
  });

  test('deep linking returns a signed response with one link and line item per module', async () => {
    const r = await lms().launchInto(`${BASE}/lti/login`, { messageType: 'LtiDeepLinkingRequest', roles: [INSTRUCTOR], deepLinkingData: 'opaque-42' });
    expect(r.status).toBe(200);
    const context = /name="context" value="([^"]+)"/.exec(r.body)![1]!;
    const form = new URLSearchParams({ context });
    form.append('module', '9-10-living-online');
    form.append('module', '13-14-the-adult-they-tell');
    const res = await fetch(`${BASE}/lti/deep-link`, { method: 'POST', body: form });
    const html = await res.text();
    const jwt = /name="JWT" value="([^"]+)"/.exec(html)![1]!;
    const action = /action="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
    const back = await fetch(action, { method: 'POST', body: new URLSearchParams({ JWT: jwt }) });
    expect(back.status).toBeLessThan(400);
    const returned = lms().deepLinkReturns.at(-1)!;
    expect(returned.ok).toBe(true);
    if (!returned.ok) return;
    expect(returned.data).toBe('opaque-42');
    expect(returned.contentItems.map((i) => (i as { custom: { module: string } }).custom.module)).toEqual(['9-10-living-online', '13-14-the-adult-they-tell']);
    expect(returned.contentItems.every((i) => (i as { lineItem: { scoreMaximum: number } }).lineItem.scoreMaximum === 100)).toBe(true);
  });

  test('deep linking titles the activities in the launch language', async () => {
    const r = await lms().launchInto(`${BASE}/lti/login`, { messageType: 'LtiDeepLinkingRequest', roles: [INSTRUCTOR], locale: 'ru-RU' });
    expect(r.status).toBe(200);
    expect(r.body).toContain('<html lang="ru">');
    expect(r.body).toContain('Добавить в курс');
    const context = /name="context" value="([^"]+)"/.exec(r.body)![1]!;
    const res = await fetch(`${BASE}/lti/deep-link`, { method: 'POST', body: new URLSearchParams({ context, module: '9-10-living-online' }) });
    const html = await res.text();
    const jwt = /name="JWT" value="([^"]+)"/.exec(html)![1]!;
    const action = /action="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
    await fetch(action, { method: 'POST', body: new URLSearchParams({ JWT: jwt }) });
    const returned = lms().deepLinkReturns.at(-1)!;
    expect(returned.ok).toBe(true);
    if (!returned.ok) return;
    const { readModule } = await import('./content');
    const ru = readModule('9-10', 'living-online', 'ru');
    const [item] = returned.contentItems as { title: string; text: string; lineItem: { label: string } }[];
    expect(item).toMatchObject({ title: `${ru.title} (9-10)`, lineItem: { label: ru.title } });
    expect(item!.text).toMatch(/[а-яё]/i);
  });
});
