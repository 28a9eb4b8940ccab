import type { ImportSpec } from './engine';
import { projectImport } from './projects';
import { villageImport } from './villages';

export const imports: Record<string, ImportSpec<never, never>> = {
  villages: villageImport as unknown as ImportSpec<never, never>,
  projects: projectImport as unknown as ImportSpec<never, never>,
};

export function importSpec(kind: string) {
  return Object.hasOwn(imports, kind) ? imports[kind]! : null;
}
