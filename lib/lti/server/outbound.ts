import 'server-only';
import { toolUrls } from '@/lib/lti/tool';
import { createGuardedFetch } from '@/lib/net/guarded-fetch';
import { env } from '@/env';

/**
 * Plain http to this machine (a local LMS, the e2e test platform) only with the explicit
 * LTI_ALLOW_LOOPBACK_HTTP=1; otherwise every outbound LTI request is https to a public address.
 */
export const allowLoopbackHttp = env().LTI_ALLOW_LOOPBACK_HTTP;

/** The one fetcher for every request to an address an LMS or a launch gave us. */
export const outboundFetch = createGuardedFetch({ allowLoopbackHttp });

/** Our key set's public address, for the advice shown when an LMS refuses our signed requests. */
const publicUrl = env().PUBLIC_URL;
export const toolJwksUrl: string | undefined = publicUrl ? toolUrls(publicUrl).jwksUrl : undefined;
