import type { ProjectStatus } from '@/lib/db/enums';

/** The moves a project's status may make: completed is final; suspended work can resume. */
export const STATUS_TRANSITIONS: Record<ProjectStatus, ProjectStatus[]> = {
  PREPARING: ['IN_PROGRESS', 'SUSPENDED'],
  IN_PROGRESS: ['COMPLETED', 'SUSPENDED'],
  SUSPENDED: ['IN_PROGRESS'],
  COMPLETED: [],
};

export function canMoveStatus(from: ProjectStatus, to: ProjectStatus) {
  return STATUS_TRANSITIONS[from].includes(to);
}
