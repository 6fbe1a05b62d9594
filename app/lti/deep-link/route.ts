import { getCatalog } from '@/lib/content/catalog';
import { buildDeepLinkingResponse, deepLinkingResponseHtml } from '@/lib/lti/deep-linking';
import { DeepLinkingError } from '@/lib/lti/errors';
import { toolFor } from '@/lib/lti/server/context';
import { verifyPickerContext } from '@/lib/lti/server/deep-link-context';
import { deepLinkItems } from '@/lib/lti/server/deep-link-items';
import { ltiErrorPage } from '@/lib/lti/server/pages';
import { getSigningKey } from '@/lib/lti/server/tool-keys';
import { requestNonce } from '@/lib/server/csp';

export const runtime = 'nodejs';

/** The picker's choice becomes a signed LtiDeepLinkingResponse, auto-posted back to the LMS. */
export async function POST(request: Request) {
  const form = await request.formData().catch(() => null);
  const token = form?.get('context');
  const context = typeof token === 'string' && token.length < 8000 ? await verifyPickerContext(token) : null;
  if (!context) return ltiErrorPage(400, 'picker_expired', 'This page expired. Start adding modules again from your course.');
  const chosen = (form?.getAll('module') ?? []).filter((v): v is string => typeof v === 'string');
  const mods = getCatalog().filter((m) => chosen.includes(m.id));
  if (mods.length === 0 || mods.length !== chosen.length) return ltiErrorPage(400, 'no_module', 'Choose at least one module from the list.');
  const tool = toolFor(request);
  try {
    const response = await buildDeepLinkingResponse({
      launch: context,
      signingKey: await getSigningKey(),
      items: deepLinkItems(mods, context.locale, tool.baseUrl),
    });
    return new Response(deepLinkingResponseHtml(response, { scriptNonce: requestNonce(request.headers) ?? undefined }), {
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    });
  } catch (err) {
    if (err instanceof DeepLinkingError) return ltiErrorPage(400, err.code, err.message);
    throw err;
  }
}
