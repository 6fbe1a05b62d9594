// A minimal LTI 1.3 platform for the launch scenario: its own RS256 key, the key set served over
// http on localhost (the app fetches it as it would an LMS's), a registration + deployment bound to
// a bench school, and id_tokens signed for the state and nonce the app asked for.
import http from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { withClient } from './db.mjs';

const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
const AGS = 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint';
const LEARNER = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner';
export const BENCH_ISSUER = 'https://lms.bench.kko';
export const BENCH_CLIENT_ID = 'kko-bench-tool';
export const BENCH_DEPLOYMENT = 'bench-deployment-1';

/** Starts the key server; `jwksFetches` counts how often the app fetched the key set. */
export async function startBenchPlatform() {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = `bench-${Date.now().toString(36)}`;
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] });
  let jwksFetches = 0;
  const server = http.createServer((req, res) => {
    if (req.url === '/jwks') {
      jwksFetches++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
    } else res.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    jwksUrl: `${origin}/jwks`,
    get jwksFetches() {
      return jwksFetches;
    },
    /** The id_token a conforming platform posts back for this auth request (a Learner of the staff course). */
    idToken({ sub, nonce, targetLinkUri, moduleId, contextId = 'bench-course' }) {
      const iat = Math.floor(Date.now() / 1000);
      return new SignJWT({
        iss: BENCH_ISSUER,
        aud: BENCH_CLIENT_ID,
        azp: BENCH_CLIENT_ID,
        sub,
        iat,
        exp: iat + 300,
        nonce,
        name: `Bench ${sub}`,
        locale: 'ru',
        [`${LTI}message_type`]: 'LtiResourceLinkRequest',
        [`${LTI}version`]: '1.3.0',
        [`${LTI}deployment_id`]: BENCH_DEPLOYMENT,
        [`${LTI}target_link_uri`]: targetLinkUri,
        [`${LTI}resource_link`]: { id: `link-${moduleId}` },
        [`${LTI}roles`]: [LEARNER],
        [`${LTI}context`]: { id: contextId, title: 'Staff course', type: ['http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering'] },
        [`${LTI}launch_presentation`]: { document_target: 'iframe', locale: 'ru' },
        [`${LTI}custom`]: { module: moduleId },
        [AGS]: {
          scope: ['https://purl.imsglobal.org/spec/lti-ags/scope/score'],
          lineitem: `${BENCH_ISSUER}/contexts/${contextId}/lineitems/${moduleId}/lineitem`,
        },
      })
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
        .sign(privateKey);
    },
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * The bench LMS registered, activated and bound to a school of its own (so the accounts its
 * launches create change no other scenario's school); its key set URL is this run's.
 */
export async function seedBenchRegistration(url, { jwksUrl, origin }) {
  return withClient(url, async (c) => {
    const school = await c.query(
      `insert into schools (slug, name) values ('bench-lms', '{"kk":"Bench LMS","ru":"Bench LMS","en":"Bench LMS"}')
       on conflict (slug) do update set slug = excluded.slug returning id`,
    );
    const schoolId = school.rows[0].id;
    const { rows } = await c.query(
      `insert into lti_registrations (school_id, issuer, client_id, auth_url, token_url, jwks_url, activated_at)
       values ($1, $2, $3, $4, $5, $6, now())
       on conflict (issuer, client_id) do update set school_id = excluded.school_id, auth_url = excluded.auth_url,
         token_url = excluded.token_url, jwks_url = excluded.jwks_url, activated_at = now()
       returning id`,
      [schoolId, BENCH_ISSUER, BENCH_CLIENT_ID, `${origin}/auth`, `${origin}/token`, jwksUrl],
    );
    const id = rows[0].id;
    await c.query('insert into lti_deployments (registration_id, deployment_id) values ($1, $2) on conflict do nothing', [id, BENCH_DEPLOYMENT]);
    return id;
  });
}
