'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { saveReminderSettings } from '@/db/queries/reminders';
import { formObject } from '@/lib/admin/form-errors';
import { actorOf, requireSchoolAdmin } from '@/app/_lib/session';
import { ReminderSettingsSchema } from './schema';

export async function saveReminderSettingsAction(data: FormData) {
  const admin = await requireSchoolAdmin();
  const parsed = ReminderSettingsSchema.safeParse(formObject(data, ['daysBefore']));
  if (!parsed.success) redirect('/admin/reminders?error=invalid');
  await saveReminderSettings(actorOf(admin), parsed.data);
  revalidatePath('/admin/reminders');
  redirect('/admin/reminders?saved=1');
}
