import 'server-only';
import { Prisma } from '@/lib/db/client';
import type { SqlScope } from './policy';

// The policy's scopes as SQL conditions, for the queries that aggregate in SQL (the dashboard's
// "needs attention" lists, the map, the org department's to-do): exactly projectScope and
// zoneScope/villageScope of policy.ts, given `sqlScope(user)`. Arguments that name columns are
// trusted code, never user input.

const col = (name: string) => Prisma.raw(name);

/** The project aliased `project` (its "soeId" and "zoneId") is one the scope may read. */
export function projectInScope(scope: SqlScope, project: string) {
  return Prisma.sql`(${scope.all}::boolean OR ${col(project)}."soeId" = ${scope.soeId}::int OR ${col(project)}."zoneId" = ${scope.zoneId}::int)`;
}

/** The zone whose id is the column `zone` is one the scope may read (and so are its villages). */
export function zoneInScope(scope: SqlScope, zone: string) {
  return Prisma.sql`(${scope.all}::boolean OR ${col(zone)} = ${scope.zoneId}::int
    OR EXISTS (SELECT 1 FROM "Pairing" sp WHERE sp."zoneId" = ${col(zone)} AND sp."soeId" = ${scope.soeId}::int))`;
}
