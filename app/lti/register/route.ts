import { registerPlatform } from '@/lib/lti/server/registry';
import { registerWithPlatform } from '@/lib/lti/dynamic-registration';
import { LtiError } from '@/lib/lti/errors';
import { bindLinkHash, schoolOfBindLink } from '@/lib/lti/server/bind-link';
import { toolFor } from '@/lib/lti/server/context';
import { allowLoopbackHttp } from '@/lib/lti/server/outbound';
import { ltiErrorPage, ltiPage } from '@/lib/lti/server/pages';
import { requestNonce } from '@/lib/server/csp';

export const runtime = 'nodejs';

/** LTI Dynamic Registration: the LMS opens this URL (with its configuration and a token) in a frame. */
async function handle(request: Request) {
  const url = new URL(request.url);
  const config = url.searchParams.get('openid_configuration');
  const token = url.searchParams.get('registration_token') ?? undefined;
  const bind = url.searchParams.get('bind');
  if (!config) return ltiErrorPage(400, 'missing_param', 'Open this address from your LMS\'s "register an LTI tool" page; it adds openid_configuration.');
  const schoolId = bind ? await schoolOfBindLink(bind) : null;
  if (bind && !schoolId)
    return ltiErrorPage(
      400,
      'bind_expired',
      'This registration address was already used or has expired. Ask the school admin for a new one from the LMS page of KKO Teach.',
    );
  const tool = toolFor(request);
  try {
    const { registration } = await registerWithPlatform(
      {
        openidConfigurationUrl: config,
        registrationToken: token,
        info: {
          tool,
          clientName: 'KKO Teach',
          description: "Children's online safety training for teachers",
          targetLinkUri: new URL('learn', tool.baseUrl).href,
          deepLinkingUri: tool.launchUrl,
          deepLinkingLabel: 'KKO Teach modules',
        },
      },
      { allowLoopbackHttp },
    );
    const saved = await registerPlatform({ actorId: null, schoolId }, { ...registration, schoolId }, bind && schoolId ? bindLinkHash(bind) : undefined);
    if (!saved.ok) {
      if (saved.reason === 'link_used')
        return ltiErrorPage(
          400,
          'bind_expired',
          'This registration address was already used or has expired. Ask the school admin for a new one from the LMS page of KKO Teach.',
        );
      return ltiErrorPage(409, saved.reason, 'This LMS client is already registered. A school admin manages it on the LMS page of KKO Teach.');
    }
    return ltiPage(
      200,
      'KKO Teach is registered',
      `<p>The tool is registered${schoolId ? ' and connected to the school' : ', but not connected to any school: it stays inactive until an operator activates it (npm run lti -- activate). Schools connect their LMS with the registration address from the LMS page of KKO Teach'}. You can close this window.</p>`,
      `<script nonce="${requestNonce(request.headers) ?? ''}">(window.opener || window.parent).postMessage({ subject: 'org.imsglobal.lti.close' }, '*');</script>`,
    );
  } catch (err) {
    if (err instanceof LtiError) return ltiErrorPage(400, err.code, err.message);
    throw err;
  }
}

export { handle as GET, handle as POST };
