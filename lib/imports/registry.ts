import { can, type SessionUser } from '@/lib/auth/policy';
import { importResource, type ImportKind, type ImportSpec } from './engine';
import { commitmentImport } from './commitments';
import { pioneerImport } from './pioneers';
import { projectImport } from './projects';
import { updateImport } from './updates';
import { villageImport } from './villages';

export const imports: Record<ImportKind, ImportSpec<never, never>> = {
  villages: villageImport as unknown as ImportSpec<never, never>,
  projects: projectImport as unknown as ImportSpec<never, never>,
  updates: updateImport as unknown as ImportSpec<never, never>,
  commitments: commitmentImport as unknown as ImportSpec<never, never>,
  pioneers: pioneerImport as unknown as ImportSpec<never, never>,
};

export function importSpec(kind: string) {
  return Object.hasOwn(imports, kind) ? imports[kind as ImportKind] : null;
}

/** The kinds of import this user may run. */
export function importKinds(user: SessionUser): ImportKind[] {
  return (Object.keys(imports) as ImportKind[]).filter((kind) => can(user, 'import.run', importResource(kind, user)));
}
