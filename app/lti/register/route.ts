import { registerPlatform } from '@/lib/lti/server/registry';
import { registerWithPlatform } from '@/lib/lti/dynamic-registration';
import { LtiError } from '@/lib/lti/errors';
import { verifyBindToken } from '@/lib/lti/server/bind-token';
import { toolFor } from '@/lib/lti/server/context';
import { ltiErrorPage, ltiPage } from '@/lib/lti/server/pages';
import { requestNonce } from '@/lib/server/csp';

export const runtime = 'nodejs';

// A local LMS or the test platform speaks http on localhost; production platforms must use https.
const allowLoopbackHttp = process.env.NODE_ENV !== 'production' || process.env.LTI_ALLOW_LOOPBACK_HTTP === '1';

/** LTI Dynamic Registration: the LMS opens this URL (with its configuration and a token) in a frame. */
async function handle(request: Request) {
  const url = new URL(request.url);
  const config = url.searchParams.get('openid_configuration');
  const token = url.searchParams.get('registration_token') ?? undefined;
  const bind = url.searchParams.get('bind');
  if (!config) return ltiErrorPage(400, 'missing_param', 'Open this address from your LMS\'s "register an LTI tool" page; it adds openid_configuration.');
  const schoolId = bind ? await verifyBindToken(bind) : null;
  if (bind && !schoolId) return ltiErrorPage(400, 'bind_expired', 'This registration address expired. Ask the school admin for a new one from the LMS page of KKO Teach.');
  const tool = toolFor(request);
  try {
    const { registration } = await registerWithPlatform(
      { openidConfigurationUrl: config, registrationToken: token, info: { tool, clientName: 'KKO Teach', description: "Children's online safety training for teachers", targetLinkUri: new URL('learn', tool.baseUrl).href, deepLinkingUri: tool.launchUrl, deepLinkingLabel: 'KKO Teach modules' } },
      { allowLoopbackHttp },
    );
    const saved = await registerPlatform({ actorId: null, schoolId }, { ...registration, schoolId });
    if (!saved.ok) return ltiErrorPage(409, 'other_school', 'This LMS client is already connected to another school.');
    return ltiPage(
      200,
      'KKO Teach is registered',
      `<p>The tool is registered${schoolId ? ' and connected to the school' : '; a school admin must now connect it on the LMS page of KKO Teach'}. You can close this window.</p>`,
      `<script nonce="${requestNonce(request.headers) ?? ''}">(window.opener || window.parent).postMessage({ subject: 'org.imsglobal.lti.close' }, '*');</script>`,
    );
  } catch (err) {
    if (err instanceof LtiError) return ltiErrorPage(400, err.code, err.message);
    throw err;
  }
}

export { handle as GET, handle as POST };
