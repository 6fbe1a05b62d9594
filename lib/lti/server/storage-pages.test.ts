import { describe, expect, it } from 'vitest';
import { STORAGE_LAUNCH_PATH, STORAGE_SCRIPT, storageGetPage, storagePutPage } from './storage-pages';

const storage = { target: 'post_message_forwarding', platformOrigin: 'https://sso.canvaslms.com', key: 'lti_state_abc' };

describe('platform-storage pages', () => {
  it('login: hands the static script what to store and where to go next, escaped, with the state cookie kept', async () => {
    const page = await storagePutPage({
      ...storage,
      value: 'abc',
      next: 'https://sso.canvaslms.com/api/lti/authorize_redirect?a=1&state="x"',
      stateCookie: 'lti_state_abc=abc; Path=/lti/launch',
    });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toContain('lti_state_abc=abc');
    expect(html).toContain(
      `<script src="${STORAGE_SCRIPT}" data-mode="put" data-target="post_message_forwarding" data-origin="https://sso.canvaslms.com" data-key="lti_state_abc" data-value="abc"`,
    );
    expect(html).toContain('data-next="https://sso.canvaslms.com/api/lti/authorize_redirect?a=1&amp;state=&quot;x&quot;"');
    expect(html).not.toMatch(/<script>/);
  });

  it('launch: carries the id_token and state to the storage step, and cannot be broken out of by a hostile value', async () => {
    const page = await storageGetPage({ ...storage, target: '"><script>alert(1)</script>', idToken: 'a.b.c', state: 's"1' });
    const html = await page.text();
    expect(html).toContain(`action="${STORAGE_LAUNCH_PATH}"`);
    expect(html).toContain('name="id_token" value="a.b.c"');
    expect(html).toContain('name="state" value="s&quot;1"');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('data-mode="get"');
  });
});
