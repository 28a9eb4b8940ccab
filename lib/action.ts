import { z } from 'zod';
import type { ActionState, Echo } from './action-state';
import { writeAudit, type AuditEntry } from '@/lib/audit/log';
import { can, type Action, type SessionUser } from '@/lib/auth/policy';
import { db, Prisma } from '@/lib/db/client';
import { defaultLocale, type Locale } from '@/lib/i18n/config';
import { translateIssue, translator, zodErrorMap } from '@/lib/i18n/translator';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { logError, newRequestId } from '@/lib/server/request-id';

// Every write goes through defineMutation: user → parse → policy → one
// transaction (the write, exactly one audit row, the version check) → one state.
// 'use server' files wrap a mutation with the current user (lib/server-action.ts).
export type { ActionState } from './action-state';

export function echo(raw: unknown): Echo {
  const out: Echo = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const [key, value] of Object.entries(raw)) {
    if (/password/i.test(key)) continue;
    if (typeof value === 'string') out[key] = value.slice(0, 5000);
    else if (Array.isArray(value)) {
      out[key] = value.filter((v): v is string => typeof v === 'string');
      // Rows of a form (`rows.0.people`) come back under the names their fields have.
      value.slice(0, 200).forEach((row, i) => {
        if (!row || typeof row !== 'object' || Array.isArray(row)) return;
        for (const [field, v] of Object.entries(row)) if (typeof v === 'string' && !/password/i.test(field)) out[`${key}.${i}.${field}`] = v.slice(0, 5000);
      });
    }
    else if (typeof value === 'number' || typeof value === 'boolean') out[key] = String(value);
    // A field sent in parts (a money field's `amount.text` and `amount.unit`) comes back under its form names.
    else if (value && typeof value === 'object') for (const [part, v] of Object.entries(value)) if (typeof v === 'string') out[`${key}.${part}`] = v.slice(0, 5000);
  }
  return out;
}

/** The record changed since the form loaded it (its version moved on); `key` says it more precisely. */
export class ConflictError extends Error {
  constructor(readonly key: `${string}.${string}` = 'errors.conflict') {
    super(key);
  }
}
/** A field-level problem found inside the transaction (e.g. a duplicate). */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    readonly key: `validation.${string}`,
    readonly params?: Record<string, string | number>,
  ) {
    super(key);
  }
}
class DeniedError extends Error {}

type Tx = Prisma.TransactionClient;
type ResourceFor<A extends Action> = Parameters<typeof can<A>>[2];

/** The tables whose rows carry a `version` that edits must name. */
export type VersionedTable = 'Project' | 'ProjectUpdate' | 'Feedback' | 'VillageIncome' | 'Soe' | 'Zone' | 'Village' | 'Pairing' | 'Accreditation' | 'User' | 'Import' | 'ProgramPhase' | 'PairingCommitment' | 'AssessmentWeights' | 'PracticalTask' | 'Cooperative' | 'CooperativeShare' | 'CooperativeDividend' | 'JointVenture';
/** The record a write edits, and the version of it that the user saw. */
export type Versioned = { table: VersionedTable; id: number; version: number };

/** For a form that creates (no id) or edits (an id and the version it saw) one record. */
export const editedRecord = (table: VersionedTable) => (input: { id?: number; version?: number }): Versioned | null =>
  input.id ? { table, id: input.id, version: input.version ?? 0 } : null;
type AuditFn = (entry: Omit<AuditEntry, 'actorId' | 'actorName'>) => Promise<void>;

export type MutationDefinition<S extends z.ZodType, A extends Action, R> = {
  schema: S;
  action: A;
  /** What the policy needs to know, read inside the transaction; null when the record does not exist. */
  resource: (tx: Tx, input: z.output<S>, user: SessionUser) => Promise<ResourceFor<A> | null>;
  /**
   * The record this write edits and the version the user saw (null: it edits none, e.g. a create).
   * The wrapper locks the row and refuses a stale version before `run`, and after it insists the
   * version moved on by exactly one (`run` writes `version: { increment: 1 }` with its change).
   */
  versioned?: (input: z.output<S>, tx: Tx, user: SessionUser) => Versioned | null | Promise<Versioned | null>;
  run: (ctx: { tx: Tx; user: SessionUser; input: z.output<S>; audit: AuditFn }) => Promise<R>;
  /** The transaction's time limit (default 10 s), longer for bulk writes (imports). */
  timeout?: number;
};

export type Mutation<R> = (user: SessionUser | null, raw: unknown, locale?: Locale) => Promise<ActionState<R>>;

export function defineMutation<S extends z.ZodType, A extends Action, R>(def: MutationDefinition<S, A, R>): Mutation<R> {
  return async (user, raw, locale = defaultLocale) => {
    const t = translator(locale);
    const values = echo(raw);
    if (!user) return { status: 'denied', message: t('errors.signedOut'), values };
    const parsed = def.schema.safeParse(raw, { error: zodErrorMap(locale) });
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path.join('.') || '_form';
        (fieldErrors[field] ??= []).push(translateIssue(issue.message, locale));
      }
      return { status: 'invalid', message: t('errors.invalid'), fieldErrors, values };
    }
    try {
      const data = await db().$transaction(async (tx) => {
        const resource = await def.resource(tx, parsed.data, user);
        if (!resource || !can(user, def.action, resource)) throw new DeniedError();
        const target = (await def.versioned?.(parsed.data, tx, user)) ?? null;
        if (target) await lockVersion(tx, target);
        let audited = 0;
        const audit: AuditFn = async (entry) => {
          audited += 1;
          await writeAudit(tx, { ...entry, actorId: user.id, actorName: user.username });
        };
        const result = await def.run({ tx, user, input: parsed.data, audit });
        if (audited !== 1) throw new Error(`${def.action}: a write must leave exactly one audit row, left ${audited}`);
        if (target && (await versionOf(tx, target)) !== target.version + 1) throw new Error(`${def.action}: ${target.table} ${target.id} must move to version ${target.version + 1}`);
        return result;
      }, { timeout: def.timeout ?? 10_000, maxWait: 10_000 });
      return { status: 'ok', data };
    } catch (error) {
      if (error instanceof DeniedError) return { status: 'denied', message: t(user.mustChangePassword ? 'errors.mustChangePassword' : 'errors.denied'), values };
      if (error instanceof ConflictError) return { status: 'conflict', message: t(error.key as 'errors.conflict'), values };
      // Two writes of the same natural key at once: the loser is told as of any other conflict.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return { status: 'conflict', message: t('errors.conflict'), values };
      if (error instanceof FieldError) {
        const fieldErrors = { [error.field]: [translateIssue(error.key, locale, error.params)] };
        return { status: 'invalid', message: t('errors.invalid'), fieldErrors, values };
      }
      return failed(error, values, locale);
    }
  };
}

/**
 * Any other failure, in one place: the form keeps what was typed and says nothing was
 * saved, and why in a clerk's words (the database did not answer, or something else
 * with the id the server log keeps the whole error under). No internal text is sent.
 */
export function failed(error: unknown, values: Echo, locale: Locale = defaultLocale): ActionState<never> {
  const t = translator(locale);
  const requestId = newRequestId();
  logError(requestId, error);
  const databaseUnavailable = isDatabaseUnavailable(error);
  const message = databaseUnavailable ? t('errors.saveFailedDatabase') : t('errors.saveFailed');
  return { status: 'error', message, values, requestId, databaseUnavailable };
}

async function versionOf(tx: Tx, { table, id }: Versioned): Promise<number | undefined> {
  const rows = await tx.$queryRawUnsafe<{ version: number }[]>(`SELECT version FROM "${table}" WHERE id = $1 FOR UPDATE`, id);
  return rows[0]?.version;
}

/**
 * Optimistic concurrency, in one place: the row is locked until the transaction
 * ends (concurrent edits of it queue), and a version other than the one the
 * user saw is a conflict, never an overwrite.
 */
async function lockVersion(tx: Tx, target: Versioned) {
  if ((await versionOf(tx, target)) !== target.version) throw new ConflictError();
}
