import 'server-only';
import { getSchoolIdBySlug } from '@/db/queries/operator';
import { listAllRegistrations, listSchoolRegistrations } from '@/db/queries/lti-registrations';
import { activatePlatform, registerPlatform, unregisterPlatform } from './registry';
import { PlatformInputSchema } from './registration-input';

export type LtiCommand =
  | { action: 'add-platform'; school: string; platform: unknown }
  | { action: 'list'; school?: string }
  | { action: 'remove'; id: string }
  | { action: 'activate'; id: string; school: string };

/** The operator's `npm run lti` commands, validated like the admin form. Returns lines to print. */
export async function runLtiCommand(cmd: LtiCommand): Promise<{ ok: boolean; log: string[] }> {
  if (cmd.action === 'add-platform') {
    const schoolId = await getSchoolIdBySlug(cmd.school);
    if (!schoolId) return { ok: false, log: [`No school with slug "${cmd.school}".`] };
    const parsed = PlatformInputSchema.safeParse(cmd.platform);
    if (!parsed.success) return { ok: false, log: parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`) };
    const saved = await registerPlatform({ actorId: null, schoolId }, { ...parsed.data, schoolId });
    if (!saved.ok) return { ok: false, log: ['This issuer and client id are already connected to another school.'] };
    return { ok: true, log: [`Registered ${parsed.data.issuer} (client ${parsed.data.clientId}) for ${cmd.school}: ${saved.id}`] };
  }
  if (cmd.action === 'list') {
    const schoolId = cmd.school ? await getSchoolIdBySlug(cmd.school) : undefined;
    if (cmd.school && !schoolId) return { ok: false, log: [`No school with slug "${cmd.school}".`] };
    const rows = schoolId ? await listSchoolRegistrations(schoolId) : await listAllRegistrations();
    const status = (r: (typeof rows)[number]) => (r.schoolId && r.activatedAt ? 'active' : 'pending');
    return {
      ok: true,
      log: rows.length
        ? rows.map(
            (r) =>
              `${r.id}  ${r.issuer}  client=${r.clientId}  deployments=${r.deploymentIds.join(',') || '-'}  school=${r.schoolId ?? 'unbound'}  ${status(r)}`,
          )
        : ['No platforms registered.'],
    };
  }
  if (cmd.action === 'activate') {
    const schoolId = await getSchoolIdBySlug(cmd.school);
    if (!schoolId) return { ok: false, log: [`No school with slug "${cmd.school}".`] };
    const done = /^[0-9a-f-]{36}$/.test(cmd.id) && (await activatePlatform({ actorId: null, schoolId }, cmd.id, schoolId));
    return done ? { ok: true, log: [`Activated ${cmd.id} for ${cmd.school}.`] } : { ok: false, log: [`No pending (unbound) registration ${cmd.id}.`] };
  }
  const removed = /^[0-9a-f-]{36}$/.test(cmd.id) && (await unregisterPlatform({ actorId: null, schoolId: null }, cmd.id, { operator: true }));
  return removed ? { ok: true, log: [`Removed ${cmd.id}.`] } : { ok: false, log: [`No registration ${cmd.id}.`] };
}
