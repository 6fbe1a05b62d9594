export type ModuleStatus = 'not_started' | 'in_progress' | 'completed';

export function moduleStatus(readCount: number, attempts: number, completed: boolean): ModuleStatus {
  if (completed) return 'completed';
  return readCount > 0 || attempts > 0 ? 'in_progress' : 'not_started';
}
