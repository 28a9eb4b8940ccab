import { z } from 'zod';
import { ConflictError, defineMutation, FieldError } from '@/lib/action';
import { db } from '@/lib/db/client';
import { idSchema } from '@/lib/ids';
import { defaultLocale, type Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translator';
import { checkSheet, IMPORT_KINDS, importResource, sha256, type ImportKind, type ImportOutcome, type ImportRecord, type ImportSpec } from './engine';
import { importSpec } from './registry';
import { readSheet } from './sheet';
import type { SessionUser } from '@/lib/auth/policy';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const kind = z.enum(IMPORT_KINDS);

/** While an import stands, the same file (by content) cannot be committed again for the same scope. */
const activeKey = (kind: ImportKind, soeId: number | null, fileSha256: string) => `${kind}:${soeId ?? 'all'}:${fileSha256}`;

const commitSchema = z.object({
  kind,
  token: hex64,
  acceptFlagged: z.boolean(),
  fileName: z.string().max(200).transform((s) => s.replace(/[\u0000-\u001F\u007F-\u009F]/g, '')).nullable(),
  fileSha256: hex64,
  sheet: z.object({ headers: z.array(z.string()), rows: z.array(z.array(z.string())) }),
});

/**
 * Writes what the check showed, all rows or none, with one audit row that
 * keeps every created id and every changed row's values before and after.
 */
const commitCore = defineMutation({
  schema: commitSchema,
  action: 'import.run',
  timeout: 120_000,
  resource: async (_tx, input, user) => importResource(input.kind, user),
  async run({ tx, input, user, audit }) {
    const spec = importSpec(input.kind)!;
    const { soeId } = importResource(input.kind, user);
    // First, so that a second commit of the same file waits here for this one, then fails on the key.
    const made = await tx.import.create({
      data: { kind: input.kind, fileName: input.fileName, fileSha256: input.fileSha256, rows: 0, counts: {}, soeId, userId: user.id, activeKey: activeKey(input.kind, soeId, input.fileSha256) },
      select: { id: true },
    });
    const checked = await checkSheet(spec, user, input.sheet, { client: tx, locale: defaultLocale, fileSha256: input.fileSha256 });
    if (!('token' in checked) || checked.token !== input.token) throw new ConflictError('imports.stale');
    if (checked.flagged > 0 && !input.acceptFlagged) throw new FieldError('acceptFlagged', 'validation.acceptFlagged');
    const record = await spec.apply(tx, checked.rows.map((r) => r.value), checked.plan, checked.ctx, user);
    await tx.import.update({ where: { id: made.id }, data: { rows: checked.rows.length, counts: record.counts } });
    await audit({ action: `import.${input.kind}`, entity: 'Import', entityId: made.id, after: { file: input.fileName, rows: checked.rows.length, ...record } });
    return { importId: made.id, rows: checked.rows.length, counts: record.counts };
  },
});

/** Reads the file again and commits it, if it is the file and the plan the user checked. */
export async function commitImport(
  spec: ImportSpec<never, never>,
  user: SessionUser | null,
  bytes: Buffer,
  options: { locale: Locale; token: string; acceptFlagged?: boolean; fileName?: string },
): Promise<ImportOutcome> {
  const started = performance.now();
  const t = translator(options.locale);
  const sheet = await readSheet(bytes);
  if (typeof sheet === 'string') return { status: 'failed', message: t(`imports.${sheet}`), errors: [], rows: 0 };
  const fileSha256 = sha256(bytes);
  const state = await commitCore(
    user,
    { kind: spec.kind, token: options.token, acceptFlagged: options.acceptFlagged ?? false, fileName: options.fileName ?? null, fileSha256, sheet },
    options.locale,
  );
  if (state.status === 'ok') return { status: 'committed', ...state.data, ms: Math.round(performance.now() - started) };
  if (state.status === 'conflict' && user) {
    const first = await db().import.findUnique({ where: { activeKey: activeKey(spec.kind, importResource(spec.kind, user).soeId, fileSha256) }, select: { id: true, createdAt: true } });
    if (first) return { status: 'failed', message: t('imports.alreadyImported', { id: first.id }), errors: [], rows: 0, importId: first.id };
  }
  if (state.status === 'invalid') {
    const message = Object.values(state.fieldErrors).flat()[0] ?? state.message;
    return { status: 'failed', message, errors: [], rows: 0 };
  }
  return { status: 'failed', message: state.status === 'idle' ? t('errors.unexpected') : state.message, errors: [], rows: 0 };
}

/** Takes an import back as a whole, while nothing it wrote has been edited since. */
export const undoImport = defineMutation({
  schema: z.object({ importId: idSchema, version: idSchema }),
  action: 'import.undo',
  timeout: 120_000,
  async resource(tx, input) {
    const found = await tx.import.findUnique({ where: { id: input.importId }, select: { kind: true, soeId: true, userId: true } });
    return found ? { kind: found.kind, soeId: found.soeId, importedById: found.userId } : null;
  },
  versioned: (input) => ({ table: 'Import', id: input.importId, version: input.version }),
  async run({ tx, input, user, audit }) {
    const before = await tx.import.findUniqueOrThrow({ where: { id: input.importId }, select: { id: true, kind: true, undoneAt: true, version: true, counts: true } });
    if (before.undoneAt) throw new FieldError('importId', 'validation.importUndone');
    await tx.import.update({
      where: { id: input.importId },
      data: { undoneAt: new Date(), undoneById: user.id, activeKey: null, version: { increment: 1 } },
    });
    const entry = await tx.auditLog.findFirstOrThrow({ where: { entity: 'Import', entityId: String(input.importId), action: `import.${before.kind}` }, select: { after: true } });
    const spec = importSpec(before.kind)!;
    await spec.undo(tx, entry.after as unknown as ImportRecord);
    await audit({ action: 'import.undo', entity: 'Import', entityId: input.importId, before, after: { ...before, undoneAt: new Date(), version: before.version + 1 } });
    return { importId: input.importId };
  },
});
