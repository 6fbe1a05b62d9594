import { toolFor } from '@/lib/lti/server/context';
import { SCOPE } from '@/lib/lti/types';

export const runtime = 'nodejs';

/** Canvas "Developer Key → LTI Key → Enter URL": the tool's configuration as Canvas reads it. */
export function GET(request: Request) {
  const tool = toolFor(request);
  return Response.json({
    title: 'KKO Teach',
    description: "Children's online safety training for teachers (Kazakhstan Kids Online, UNICEF 2023)",
    oidc_initiation_url: tool.loginUrl,
    target_link_uri: new URL('learn', tool.baseUrl).href,
    public_jwk_url: tool.jwksUrl,
    scopes: [SCOPE.lineItem, SCOPE.lineItemReadonly, SCOPE.resultReadonly, SCOPE.score, SCOPE.contextMembershipReadonly],
    extensions: [
      {
        platform: 'canvas.instructure.com',
        privacy_level: 'public',
        settings: {
          placements: [
            { placement: 'assignment_selection', message_type: 'LtiDeepLinkingRequest', target_link_uri: tool.launchUrl, text: 'KKO Teach modules' },
            { placement: 'link_selection', message_type: 'LtiDeepLinkingRequest', target_link_uri: tool.launchUrl, text: 'KKO Teach modules' },
          ],
        },
      },
    ],
    custom_fields: {},
  });
}
