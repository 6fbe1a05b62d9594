import { SignJWT } from 'jose';
import { DeepLinkingError } from './errors';
import type { ToolSigningKey } from './keys';
import type { DeepLinkingLaunch } from './launch-claims';
import { randomToken } from './random';
import { systemClock, type Clock } from './stores';
import { CLAIM, DEEP_LINKING_RESPONSE, LTI_VERSION } from './types';
import { escapeHtml } from '@/lib/html';

/** One chosen module, placed in the course as an LTI resource link with a gradebook column. */
export type DeepLinkItem = {
  url: string;
  title: string;
  text?: string;
  custom?: Record<string, string>;
  lineItem?: { label: string; resourceId: string; tag?: string; scoreMaximum?: number };
};

export type DeepLinkingResponseInput = {
  launch: Pick<DeepLinkingLaunch, 'issuer' | 'clientId' | 'deploymentId' | 'deepLinking'>;
  items: readonly DeepLinkItem[];
  signingKey: ToolSigningKey;
  clock?: Clock;
  /** Shown to the person in the LMS after the return. */
  message?: string;
  errorMessage?: string;
};

export type DeepLinkingResponse = { jwt: string; returnUrl: string };

const RESPONSE_TTL_SECONDS = 300;

function contentItem(item: DeepLinkItem) {
  return {
    type: 'ltiResourceLink',
    url: item.url,
    title: item.title,
    ...(item.text ? { text: item.text } : {}),
    ...(item.custom ? { custom: item.custom } : {}),
    ...(item.lineItem
      ? {
          lineItem: {
            scoreMaximum: item.lineItem.scoreMaximum ?? 100,
            label: item.lineItem.label,
            resourceId: item.lineItem.resourceId,
            ...(item.lineItem.tag ? { tag: item.lineItem.tag } : {}),
          },
        }
      : {}),
  };
}

/**
 * The signed LtiDeepLinkingResponse for a deep-linking launch: iss is our client_id, aud the
 * platform, and the request's opaque `data` is echoed as the spec requires. An empty item list
 * is a valid answer (the person cancelled).
 */
export async function buildDeepLinkingResponse(input: DeepLinkingResponseInput): Promise<DeepLinkingResponse> {
  const settings = input.launch.deepLinking;
  if (input.items.length > 0 && !settings.accept_types.includes('ltiResourceLink')) {
    throw new DeepLinkingError('type_not_accepted', 'This LMS placement does not accept LTI resource links.');
  }
  if (input.items.length > 1 && settings.accept_multiple === false) {
    throw new DeepLinkingError('single_item_only', 'This LMS placement accepts only one item; choose one module.');
  }
  const now = Math.floor((input.clock ?? systemClock).now().getTime() / 1000);
  const claims: Record<string, unknown> = {
    nonce: randomToken(),
    [CLAIM.messageType]: DEEP_LINKING_RESPONSE,
    [CLAIM.version]: LTI_VERSION,
    [CLAIM.deploymentId]: input.launch.deploymentId,
    [CLAIM.contentItems]: input.items.map(contentItem),
  };
  if (settings.data !== undefined) claims[CLAIM.deepLinkingData] = settings.data;
  if (input.message) claims[CLAIM.deepLinkingMsg] = input.message;
  if (input.errorMessage) claims[CLAIM.deepLinkingErrorMsg] = input.errorMessage;

  const jwt = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: input.signingKey.kid, typ: 'JWT' })
    .setIssuer(input.launch.clientId)
    .setAudience(input.launch.issuer)
    .setIssuedAt(now)
    .setExpirationTime(now + RESPONSE_TTL_SECONDS)
    .sign(input.signingKey.key);
  return { jwt, returnUrl: settings.deep_link_return_url };
}

/**
 * The page that returns the response to the LMS: a form POSTing field `JWT` to the return URL,
 * submitted by script, with a button for when scripts are blocked. Pass the CSP nonce when the
 * page is served under a nonce-based script policy.
 */
export function deepLinkingResponseHtml(response: DeepLinkingResponse, options: { scriptNonce?: string } = {}): string {
  const nonce = options.scriptNonce ? ` nonce="${escapeHtml(options.scriptNonce)}"` : '';
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Returning to the LMS</title></head>
<body>
<form id="lti-deep-linking-response" method="post" action="${escapeHtml(response.returnUrl)}">
<input type="hidden" name="JWT" value="${escapeHtml(response.jwt)}">
<noscript><button type="submit">Continue</button></noscript>
</form>
<script${nonce}>document.getElementById('lti-deep-linking-response').submit();</script>
</body></html>
`;
}
