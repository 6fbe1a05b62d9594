// npm run lti -- add-platform --school <slug> --issuer <url> --client-id <id> --auth-url <url>
//                 --token-url <url> --jwks-url <url> --deployment <id> [--deployment <id>…]
// npm run lti -- list [--school <slug>]
// npm run lti -- remove <registration id>
// npm run lti -- activate <registration id> --school <slug>   (a pending dynamic registration)
import { parseArgs } from 'node:util';
import { dataDirFromEnv, openFromEnv } from '@/db/client';
import { useHandle } from '@/db';
import { readLock } from '@/db/lock';
import { migrateDatabase } from '@/db/migrate';
import type { LtiCommand } from '@/lib/lti/server/platforms';

function usage(message?: string): never {
  if (message) console.error(message);
  console.error(
    'Usage: npm run lti -- add-platform --school <slug> --issuer <url> --client-id <id> --auth-url <url> --token-url <url> --jwks-url <url> --deployment <id>\n       npm run lti -- list [--school <slug>]\n       npm run lti -- remove <registration id>\n       npm run lti -- activate <registration id> --school <slug>',
  );
  process.exit(2);
}

function command(): LtiCommand {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      school: { type: 'string' },
      issuer: { type: 'string' },
      'client-id': { type: 'string' },
      'auth-url': { type: 'string' },
      'token-url': { type: 'string' },
      'jwks-url': { type: 'string' },
      deployment: { type: 'string', multiple: true },
    },
  });
  const [action, id] = positionals;
  if (action === 'list') return { action, school: values.school };
  if (action === 'remove') return id ? { action, id } : usage('remove needs a registration id (see list).');
  if (action === 'activate') return id && values.school ? { action, id, school: values.school } : usage('activate needs a registration id and --school.');
  if (action !== 'add-platform') usage(action ? `Unknown command "${action}".` : undefined);
  if (!values.school) usage('--school is required.');
  return {
    action,
    school: values.school,
    platform: {
      issuer: values.issuer ?? '',
      clientId: values['client-id'] ?? '',
      authUrl: values['auth-url'] ?? '',
      tokenUrl: values['token-url'] ?? '',
      jwksUrl: values['jwks-url'] ?? '',
      deploymentIds: values.deployment ?? [],
    },
  };
}

async function main() {
  const cmd = command();
  const holder = process.env.DATABASE_URL ? null : readLock(dataDirFromEnv());
  if (holder) {
    // The embedded database is held by the running server: send the command through it.
    const res = await fetch(`http://127.0.0.1:${holder.port}/api/operator/lti`, {
      method: 'POST',
      headers: { authorization: `Bearer ${holder.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(cmd),
    });
    const body = (await res.json().catch(() => ({}))) as { log?: string[]; error?: string };
    console.log((body.log ?? [body.error ?? `HTTP ${res.status}`]).join('\n'));
    process.exit(res.ok ? 0 : 1);
  }
  const handle = await openFromEnv();
  useHandle(handle);
  try {
    await migrateDatabase(handle);
    const { runLtiCommand } = await import('@/lib/lti/server/platforms');
    const result = await runLtiCommand(cmd);
    console.log(result.log.join('\n'));
    process.exitCode = result.ok ? 0 : 1;
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
