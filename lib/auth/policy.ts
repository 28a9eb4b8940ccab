import type { Prisma, Role } from '@/lib/db/client';

// The one place that decides who may do what. Pages, server actions, route
// handlers and exports ask `can(...)`; list queries take their `where` from the
// scope functions below, so a list never shows what `can` would refuse.

export type SessionUser = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** SOE_LIAISON: the SOE the user works for. */
  soeId: number | null;
  /** VILLAGE_COMMITTEE: the user's village, and through it the zone. */
  villageId: number | null;
  zoneId: number | null;
  /** An administrator chose the password (new account or reset): only changing it is allowed until then. */
  mustChangePassword?: boolean;
};

/** What a rule needs to know about the thing acted on. */
export type Resources = {
  dashboard: Record<string, never>;
  zone: { zoneId: number; soeIds: number[] };
  village: { villageId: number; zoneId: number; soeIds: number[] };
  soe: { soeId: number };
  /** soeIds of a project: its own SOE. zoneSoeIds: SOEs paired with its zone. villageIds: villages it serves. */
  project: { soeId: number; zoneId: number | null; zoneSoeIds: number[]; villageIds: number[] };
  masterData: Record<string, never>;
  accreditation: Record<string, never>;
  /** Rules about what a role may do at all, with no particular record: nothing to know. */
  none: Record<string, never>;
  user: { userId: number };
  audit: Record<string, never>;
  /** An in-app notification: whose it is. */
  notification: { userId: number };
  /**
   * An evidence file, known only through the record it belongs to: a monthly update, one step of its
   * history or feedback (their project), or an accreditation round's criterion (its zone). `actorId`:
   * who wrote the owner record (a dispute's village, feedback's author). `uploaderId`: once uploaded.
   */
  attachment:
    | { kind: 'UPDATE' | 'UPDATE_EVENT' | 'FEEDBACK'; project: Resources['project']; actorId?: number | null; feedbackVillageId?: number | null; uploaderId?: number }
    | { kind: 'CRITERION'; zone: Resources['zone']; uploaderId?: number };
  /** A zone's pioneer team, and the side (village or SOE) of a member being added. */
  pioneerTeam: { zoneId: number; soeIds: number[]; side: 'VILLAGE' | 'SOE' };
  /** A practical task (实事清单): its zone and the SOE that owns it (null: the zone's villages). */
  task: { zoneId: number; ownerSoeId: number | null };
  /** A joint venture: its zone (null: none recorded) and the SOEs concerned (the zone's paired SOEs and its SOE partners). */
  jointVenture: { zoneId: number | null; soeIds: number[] };
  /** A spreadsheet import: its kind, the SOE it is for (projects) and, once committed, who made it. */
  import: { kind: string; soeId: number | null; importedById?: number | null };
};

type Rule<K extends keyof Resources> = (user: SessionUser, resource: Resources[K]) => boolean;

const isOrg = (u: SessionUser) => u.role === 'ORG_ADMIN' || u.role === 'ORG_VIEWER';
const isAdmin = (u: SessionUser) => u.role === 'ORG_ADMIN';
const isLiaisonOf = (u: SessionUser, soeId: number) => u.role === 'SOE_LIAISON' && u.soeId === soeId;
const isCommitteeIn = (u: SessionUser, zoneId: number | null) =>
  u.role === 'VILLAGE_COMMITTEE' && zoneId !== null && u.zoneId === zoneId;
const liaisonPairedWith = (u: SessionUser, soeIds: number[]) =>
  u.role === 'SOE_LIAISON' && u.soeId !== null && soeIds.includes(u.soeId);

const zoneRead: Rule<'zone'> = (u, r) => isOrg(u) || liaisonPairedWith(u, r.soeIds) || isCommitteeIn(u, r.zoneId);
const projectRead: Rule<'project'> = (u, r) => isOrg(u) || isLiaisonOf(u, r.soeId) || isCommitteeIn(u, r.zoneId);
const committeeOfProjectVillage: Rule<'project'> = (u, r) => isCommitteeIn(u, r.zoneId) && u.villageId !== null && r.villageIds.includes(u.villageId);
/** Whoever may see the record an evidence file belongs to may see the file (and its EXIF); no one else. */
const pioneerPosts: Rule<'project'> = (u, r) => isAdmin(u) || isLiaisonOf(u, r.soeId);
const attachmentRead: Rule<'attachment'> = (u, r) => (r.kind === 'CRITERION' ? zoneRead(u, r.zone) : projectRead(u, r.project));

export const rules = {
  'dashboard.read': ((u) => u.role !== 'VILLAGE_COMMITTEE') as Rule<'dashboard'>,
  'zone.read': zoneRead,
  'zone.manage': ((u) => isAdmin(u)) as Rule<'zone'>,
  'zone.accredit': ((u) => isAdmin(u)) as Rule<'zone'>,
  'village.read': ((u, r) => zoneRead(u, r)) as Rule<'village'>,
  'village.manage': ((u) => isAdmin(u)) as Rule<'village'>,
  'village.reportIncome': ((u, r) =>
    isAdmin(u) || (u.role === 'VILLAGE_COMMITTEE' && u.villageId === r.villageId)) as Rule<'village'>,
  'soe.read': ((u, r) => isOrg(u) || isLiaisonOf(u, r.soeId)) as Rule<'soe'>,
  /** The SOE list: every SOE for the org department, its own for a liaison team. */
  'soe.list': ((u) => isOrg(u) || u.role === 'SOE_LIAISON') as Rule<'none'>,
  'soe.manage': ((u) => isAdmin(u)) as Rule<'soe'>,
  /** An SOE's scorecard (commitments against delivery, its zones, feedback, timeliness): the org department, and the SOE's own liaison team. */
  'soe.scorecard': ((u, r) => isOrg(u) || isLiaisonOf(u, r.soeId)) as Rule<'soe'>,
  /** A pairing's yearly commitments (and the delivery no record holds): the org department's administrators. */
  'commitment.manage': ((u) => isAdmin(u)) as Rule<'soe'>,
  /** The yearly assessment (考核) of the SOEs: the org department reads the ranking; administrators set its weights. */
  'assessment.read': ((u) => isOrg(u)) as Rule<'none'>,
  'assessment.manage': ((u) => isAdmin(u)) as Rule<'none'>,
  'project.read': projectRead,
  /** Every project, not only the user's own SOE's or zone's. */
  'project.readAll': ((u) => isOrg(u)) as Rule<'none'>,
  /** May start a new project at all (for its SOE; `project.create` then checks the zone). */
  'project.propose': ((u) => u.role === 'SOE_LIAISON' && u.soeId !== null) as Rule<'none'>,
  /** A liaison creates projects for its SOE, only in zones paired with it. */
  'project.create': ((u, r) =>
    isLiaisonOf(u, r.soeId) && r.zoneId !== null && r.zoneSoeIds.includes(r.soeId)) as Rule<'project'>,
  'project.update': ((u, r) => isLiaisonOf(u, r.soeId)) as Rule<'project'>,
  'project.postUpdate': ((u, r) => isLiaisonOf(u, r.soeId)) as Rule<'project'>,
  /** A liaison revises its SOE's unconfirmed, disputed or returned updates, or answers a dispute. */
  'project.reviseUpdate': ((u, r) => isLiaisonOf(u, r.soeId)) as Rule<'project'>,
  /** The org department sends an unconfirmed update back for revision. */
  'project.returnUpdate': ((u) => isAdmin(u)) as Rule<'project'>,
  /** The org department closes a dispute (the village's objection upheld, or the liaison's figures). */
  'project.closeDispute': ((u) => isAdmin(u)) as Rule<'project'>,
  /** Confirmed is final; only the org department reopens it, with a reason. */
  'project.reopenUpdate': ((u) => isAdmin(u)) as Rule<'project'>,
  /** A village committee confirms or disputes updates about its own village. */
  'project.confirmUpdate': committeeOfProjectVillage,
  'project.giveFeedback': ((u, r) => isCommitteeIn(u, r.zoneId)) as Rule<'project'>,
  'attachment.read': attachmentRead,
  /**
   * Evidence is added by who wrote the record: the liaison team to its SOE's updates (the village it
   * concerns adds its own while confirming or disputing), the author of a dispute, answer or feedback,
   * the assessors (administrators) to a round's criteria.
   */
  'attachment.add': ((u, r) => {
    switch (r.kind) {
      case 'UPDATE':
        return isLiaisonOf(u, r.project.soeId) || committeeOfProjectVillage(u, r.project);
      case 'UPDATE_EVENT':
        return r.actorId != null && r.actorId === u.id && projectRead(u, r.project);
      case 'FEEDBACK':
        return u.role === 'VILLAGE_COMMITTEE' && r.feedbackVillageId != null && u.villageId === r.feedbackVillageId && projectRead(u, r.project);
      case 'CRITERION':
        return isAdmin(u);
    }
  }) as Rule<'attachment'>,
  /** Removed (softly, with a reason) by whoever uploaded it, or an administrator. */
  'attachment.delete': ((u, r) => attachmentRead(u, r) && (isAdmin(u) || (r.uploaderId != null && r.uploaderId === u.id))) as Rule<'attachment'>,
  /**
   * A zone's pioneer team (兴乡先锋队): administrators add and remove members of either side, the paired SOEs' liaison
   * teams their own side's (the side of the member added or removed).
   */
  'pioneer.manageTeam': ((u, r) => isAdmin(u) || (r.side === 'SOE' && liaisonPairedWith(u, r.soeIds))) as Rule<'pioneerTeam'>,
  /** A pioneer post (兴乡先锋岗) on a project: its SOE's liaison team, and administrators. */
  'pioneer.addPost': pioneerPosts,
  /** Ending a post: whoever may set one up on that project. */
  'pioneer.removePost': pioneerPosts,
  /** A zone's practical tasks (实事清单), as the zone decided them: entered by administrators. */
  'task.create': ((u) => isAdmin(u)) as Rule<'zone'>,
  /** Moving a task on (status, evidence): its owning SOE's liaison team, and administrators. */
  'task.update': ((u, r) => isAdmin(u) || (r.ownerSoeId !== null && isLiaisonOf(u, r.ownerSoeId))) as Rule<'task'>,
  /** A task's text (what, for whom, who is responsible, by when) is the zone's decision: administrators, who entered it. */
  'task.edit': ((u) => isAdmin(u)) as Rule<'task'>,
  /** A zone's cooperative (股份制经济联合社), its villages' shares and the projects it brought in: administrators; whoever reads the zone reads them. */
  'cooperative.manage': ((u) => isAdmin(u)) as Rule<'zone'>,
  /**
   * A year's dividend paid to a village: administrators (from the cooperative's accounts), or that
   * village's own committee (its accountant books what the village received) — the same people who
   * report the village's income, of which the dividend is part.
   */
  'cooperative.recordDividend': ((u, r) => isAdmin(u) || (u.role === 'VILLAGE_COMMITTEE' && u.villageId === r.villageId)) as Rule<'village'>,
  /** A joint venture is read by the org department, the teams of the SOEs concerned and the committees of its zone. */
  'jointVenture.read': ((u, r) => isOrg(u) || liaisonPairedWith(u, r.soeIds) || isCommitteeIn(u, r.zoneId)) as Rule<'jointVenture'>,
  /** Joint ventures, their partners and shares: administrators (registration is a fact of record, not a team's entry). */
  'jointVenture.manage': ((u) => isAdmin(u)) as Rule<'jointVenture'>,
  'masterData.manage': ((u) => isAdmin(u)) as Rule<'masterData'>,
  'accreditation.manage': ((u) => isAdmin(u)) as Rule<'accreditation'>,
  /** The program's phases and their targets: administrators open and edit them. */
  'program.manage': ((u) => isAdmin(u)) as Rule<'none'>,
  'user.manage': ((u) => isAdmin(u)) as Rule<'none'>,
  /** Another user's role and scope: an administrator, never their own (no one demotes the last administrator by accident). */
  'user.changeAccess': ((u, r) => isAdmin(u) && u.id !== r.userId) as Rule<'user'>,
  /** Lifting a lock after too many wrong passwords (the password stays). */
  'user.unlock': ((u) => isAdmin(u)) as Rule<'user'>,
  'user.changeOwnPassword': ((u, r) => u.id === r.userId) as Rule<'user'>,
  /** Signing out ends the user's own sessions, on every device. */
  'user.endOwnSessions': ((u, r) => u.id === r.userId) as Rule<'user'>,
  'audit.read': ((u) => isAdmin(u)) as Rule<'audit'>,
  /** Everyone reads and marks read their own notifications, and no one else's. */
  'notification.read': ((u, r) => u.id === r.userId) as Rule<'notification'>,
  /** Deliveries by e-mail and webhook, and their failures: administrators. */
  'notification.deliveries': ((u) => isAdmin(u)) as Rule<'none'>,
  /** Whose to-do (待办) a user has: a village committee's, a liaison team's, the org department's (administrators, who act on it). */
  'todo.village': ((u) => u.role === 'VILLAGE_COMMITTEE' && u.villageId !== null) as Rule<'none'>,
  'todo.liaison': ((u) => u.role === 'SOE_LIAISON' && u.soeId !== null) as Rule<'none'>,
  'todo.org': ((u) => isAdmin(u)) as Rule<'none'>,
  /**
   * Administrators import villages and incomes, and pairings' commitments (as `commitment.manage`); a liaison team
   * imports its own SOE's projects and their monthly updates; pioneer team members as `pioneer.manageTeam` (administrators
   * either side; a liaison team its SOE's side, each row asked again of that rule).
   */
  'import.run': ((u, r) => {
    switch (r.kind) {
      case 'villages':
      case 'commitments':
        return isAdmin(u);
      case 'pioneers':
        return isAdmin(u) || (r.soeId !== null && isLiaisonOf(u, r.soeId));
      case 'projects':
      case 'updates':
        return r.soeId !== null && isLiaisonOf(u, r.soeId);
      default:
        return false;
    }
  }) as Rule<'import'>,
  'import.read': ((u, r) => isOrg(u) || (r.soeId !== null && isLiaisonOf(u, r.soeId))) as Rule<'import'>,
  /** An administrator undoes any import; whoever made one may undo it too. */
  'import.undo': ((u, r) => isAdmin(u) || (r.importedById != null && r.importedById === u.id)) as Rule<'import'>,
} satisfies Record<string, Rule<never>>;

export type Action = keyof typeof rules;
type ResourceOf<A extends Action> = Parameters<(typeof rules)[A]>[1];

/** All a user who must change an administrator-chosen password may do: change it, or sign out. */
export const PASSWORD_CHANGE_ACTIONS: readonly Action[] = ['user.changeOwnPassword', 'user.endOwnSessions'];

/** False while the user must still replace an administrator-chosen password: nothing else is served (pages, downloads). */
export const passwordSettled = (user: SessionUser) => !user.mustChangePassword;

/** May this (signed-in, active) user do this action on this resource? */
export function can<A extends Action>(user: SessionUser | null, action: A, resource: ResourceOf<A>): boolean {
  if (!user) return false;
  if (!passwordSettled(user) && !PASSWORD_CHANGE_ACTIONS.includes(action)) return false;
  return (rules[action] as (u: SessionUser, r: ResourceOf<A>) => boolean)(user, resource);
}

/** The scope a user of each role is tied to: an SOE (liaison), a village (village committee), or none. */
export const ROLE_SCOPE = {
  ORG_ADMIN: null,
  ORG_VIEWER: null,
  SOE_LIAISON: 'soe',
  VILLAGE_COMMITTEE: 'village',
} as const satisfies Record<Role, 'soe' | 'village' | null>;

/** Who is copied when a reminder is more than 30 days overdue: the org department's administrators. */
export const REMINDER_ESCALATION_ROLES = ['ORG_ADMIN'] as const satisfies readonly Role[];

/** Where signing in lands: the citywide dashboard for the org department, one's own projects otherwise. */
export function homePath(user: SessionUser) {
  if (user.mustChangePassword) return PASSWORD_PATH;
  return isOrg(user) ? '/dashboard' : '/projects';
}

/** Where a user who must change their password is sent, from every other page. */
export const PASSWORD_PATH = '/account/password';

// ── Scopes for lists: the same answers as `can(user, '<x>.read', …)`, as SQL ──

const NOTHING = { id: -1 };

export function projectScope(user: SessionUser): Prisma.ProjectWhereInput {
  if (user.mustChangePassword) return NOTHING;
  if (isOrg(user)) return {};
  if (user.role === 'SOE_LIAISON' && user.soeId !== null) return { soeId: user.soeId };
  if (user.role === 'VILLAGE_COMMITTEE' && user.zoneId !== null) return { zoneId: user.zoneId };
  return NOTHING;
}

export function zoneScope(user: SessionUser): Prisma.ZoneWhereInput {
  if (user.mustChangePassword) return NOTHING;
  if (isOrg(user)) return {};
  if (user.role === 'SOE_LIAISON' && user.soeId !== null) return { pairings: { some: { soeId: user.soeId } } };
  if (user.role === 'VILLAGE_COMMITTEE' && user.zoneId !== null) return { id: user.zoneId };
  return NOTHING;
}

export function villageScope(user: SessionUser): Prisma.VillageWhereInput {
  if (user.mustChangePassword) return NOTHING;
  if (isOrg(user)) return {};
  const zone = zoneScope(user);
  return zone === NOTHING ? NOTHING : { zone };
}

export function importScope(user: SessionUser): Prisma.ImportWhereInput {
  if (user.mustChangePassword) return NOTHING;
  if (isOrg(user)) return {};
  if (user.role === 'SOE_LIAISON' && user.soeId !== null) return { soeId: user.soeId };
  return NOTHING;
}

export function soeScope(user: SessionUser): Prisma.SoeWhereInput {
  if (user.mustChangePassword) return NOTHING;
  if (isOrg(user)) return {};
  if (user.role === 'SOE_LIAISON' && user.soeId !== null) return { id: user.soeId };
  return NOTHING;
}

/**
 * The same scopes for SQL (the dashboard's "needs attention" lists): `all`, or
 * the SOE whose projects — and whose paired zones' villages — a liaison reads,
 * or the zone a village committee reads; -1 matches nothing. A project is in
 * scope when `all OR soeId = p.soeId OR zoneId = p.zoneId`, a village when
 * `all OR zoneId = v.zoneId OR its zone has a pairing with soeId` — exactly
 * projectScope and villageScope above.
 */
export type SqlScope = { all: boolean; soeId: number; zoneId: number };
export function sqlScope(user: SessionUser): SqlScope {
  if (user.mustChangePassword) return { all: false, soeId: -1, zoneId: -1 };
  return {
    all: isOrg(user),
    soeId: user.role === 'SOE_LIAISON' && user.soeId !== null ? user.soeId : -1,
    zoneId: user.role === 'VILLAGE_COMMITTEE' && user.zoneId !== null ? user.zoneId : -1,
  };
}
