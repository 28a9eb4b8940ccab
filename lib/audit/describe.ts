import type { Locale } from '@/lib/i18n/config';
import { formatCount, formatDate, formatMonth, formatYuan } from '@/lib/i18n/format';
import { translator } from '@/lib/i18n/translator';

// The audit trail as a person reads it: each changed field by the label its form shows, in the
// reader's language, values as the pages show them (enums by name, money in 元, dates as dates,
// records by name), before → after. Never JSON: an unknown field gets its key in words.

/** Records a value can point at; their names come from `auditNames` (lib/audit/queries.ts). */
export const REF_KINDS = ['Project', 'Soe', 'Zone', 'Village', 'District', 'Township', 'User'] as const;
export type RefKind = (typeof REF_KINDS)[number];
export type AuditNames = Partial<Record<RefKind, Map<number, string>>>;

type Kind =
  | 'text'
  | 'money'
  | 'date'
  | 'month'
  | 'time'
  | 'count'
  | 'percent'
  | 'bool'
  | 'active'
  | { enum: string }
  | { enumList: string }
  | { ref: RefKind }
  | { refList: RefKind; key: string }
  // An import's audit row: its counts (labelled from `countsOf`), the records it made (by kind, not
  // id: 20,000 ids in a table cell), the records it changed (how many; its page lists them).
  | { countsOf: string }
  | 'importedRecords'
  | 'importedChanges';
type Field = { label: string; kind?: Kind };

const ref = (to: RefKind): Kind => ({ ref: to });
const enumIn = (messages: string): Kind => ({ enum: messages });

// Labels are the message keys the entity's form (or page) uses for the field.
const SHARED: Record<string, Field> = {
  name: { label: 'projects.name' },
  projectId: { label: 'projects.name', kind: ref('Project') },
  soeId: { label: 'projects.soe', kind: ref('Soe') },
  zoneId: { label: 'projects.zone', kind: ref('Zone') },
  villageId: { label: 'zones.village', kind: ref('Village') },
  districtId: { label: 'zones.district', kind: ref('District') },
  townshipId: { label: 'audit.field.township', kind: ref('Township') },
  reportedById: { label: 'audit.field.reportedBy', kind: ref('User') },
  authorId: { label: 'audit.field.author', kind: ref('User') },
  confirmedById: { label: 'audit.field.confirmedBy', kind: ref('User') },
  reason: { label: 'accreditation.reason' },
  population: { label: 'zones.population', kind: 'count' },
  households: { label: 'zones.households', kind: 'count' },
  year: { label: 'dashboard.year' },
};

const FIELDS: Record<string, Record<string, Field>> = {
  Project: {
    name: { label: 'projects.name' },
    status: { label: 'projects.status', kind: enumIn('status') },
    mode: { label: 'projectForm.mode', kind: enumIn('enum.CooperationMode') },
    method: { label: 'projectForm.method', kind: enumIn('enum.CooperationMethod') },
    outcomeArea: { label: 'projectForm.outcomeArea', kind: enumIn('enum.OutcomeArea') },
    batch: { label: 'projectForm.batch', kind: enumIn('enum.WorkBatch') },
    plannedInvestment: { label: 'projects.planned', kind: 'money' },
    startDate: { label: 'projectForm.startDate', kind: 'date' },
    endDate: { label: 'projectForm.endDate', kind: 'date' },
    jointVenture: { label: 'projectForm.jointVenture' },
    description: { label: 'projectForm.description' },
    villages: { label: 'projects.villages', kind: { refList: 'Village', key: 'villageId' } },
  },
  ProjectUpdate: {
    period: { label: 'updateForm.period', kind: 'month' },
    progressPct: { label: 'updateForm.progress', kind: 'percent' },
    investmentToDate: { label: 'dashboard.made', kind: 'money' },
    jobsCreated: { label: 'dashboard.jobs', kind: 'count' },
    incomeToVillages: { label: 'dashboard.incomeToVillages', kind: 'money' },
    narrative: { label: 'updateForm.narrative' },
    confirmation: { label: 'projects.status', kind: enumIn('enum.UpdateConfirmation') },
    disputeReason: { label: 'review.reason' },
    answer: { label: 'projectPage.answerDispute' },
    returnReason: { label: 'audit.field.returnReason' },
    reason: { label: 'projectPage.reviseReason' },
    beneficiaries: { label: 'dashboard.beneficiaries' },
  },
  VillageIncome: { amount: { label: 'income.amount', kind: 'money' } },
  Village: { name: { label: 'zones.village' }, zoneId: { label: 'zones.title', kind: ref('Zone') } },
  Zone: {
    name: { label: 'zones.title' },
    secretary: { label: 'zones.secretary' },
    firstSecretary: { label: 'zones.firstSecretary' },
    mechanisms: { label: 'zones.mechanisms', kind: { enumList: 'enum.Mechanism' } },
    accreditedAt: { label: 'zones.accreditedAt', kind: 'date' },
  },
  Soe: {
    name: { label: 'soe.name' },
    shortName: { label: 'master.shortName' },
    nameEn: { label: 'master.nameEn' },
    category: { label: 'soe.category', kind: enumIn('enum.SoeCategory') },
    level: { label: 'soe.level', kind: enumIn('enum.SoeLevel') },
    liaisonLead: { label: 'master.liaisonLead' },
  },
  Pairing: { soeId: { label: 'soe.name', kind: ref('Soe') }, zoneId: { label: 'zones.title', kind: ref('Zone') }, since: { label: 'master.since', kind: 'date' }, until: { label: 'audit.field.until', kind: 'date' } },
  User: {
    username: { label: 'users.username' },
    displayName: { label: 'users.displayName' },
    role: { label: 'users.role', kind: enumIn('role') },
    soeId: { label: 'users.soe', kind: ref('Soe') },
    villageId: { label: 'users.village', kind: ref('Village') },
    active: { label: 'users.status', kind: 'active' },
    lockedUntil: { label: 'audit.field.lockedUntil', kind: 'time' },
  },
  Accreditation: {
    zoneId: { label: 'zones.title', kind: ref('Zone') },
    status: { label: 'zones.result', kind: enumIn('enum.AccreditationStatus') },
    nominatedOn: { label: 'accreditation.nominatedOn', kind: 'date' },
    closedOn: { label: 'audit.field.closedOn', kind: 'date' },
    closeReason: { label: 'accreditation.reason' },
  },
  Feedback: { rating: { label: 'review.rating' }, comment: { label: 'review.comment' } },
  Import: {
    file: { label: 'imports.fileName' },
    rows: { label: 'imports.rows', kind: 'count' },
    counts: { label: 'audit.field.importCounts', kind: { countsOf: 'imports.counts' } },
    created: { label: 'imports.created', kind: 'importedRecords' },
    changed: { label: 'imports.changedRecords', kind: 'importedChanges' },
  },
  PairingCommitment: {
    pairingId: { label: 'scorecard.zones' },
    investment: { label: 'scorecard.measureName.investment', kind: 'money' },
    projects: { label: 'scorecard.measureName.projects', kind: 'count' },
    jobs: { label: 'scorecard.measureName.jobs', kind: 'count' },
    purchases: { label: 'scorecard.measureName.purchases', kind: 'money' },
    trainingSessions: { label: 'scorecard.measureName.trainingSessions', kind: 'count' },
    staffStationed: { label: 'scorecard.measureName.staffStationed', kind: 'count' },
    purchasesDone: { label: 'scorecard.done.purchasesDone', kind: 'money' },
    trainingDone: { label: 'scorecard.done.trainingDone', kind: 'count' },
    staffDone: { label: 'scorecard.done.staffDone', kind: 'count' },
  },
  PioneerMember: { name: { label: 'pioneers.name' }, side: { label: 'pioneers.side', kind: enumIn('enum.PioneerSide') }, role: { label: 'pioneers.role' }, zoneId: { label: 'zones.title', kind: ref('Zone') } },
  PioneerPost: { title: { label: 'pioneers.postTitle' }, memberId: { label: 'pioneers.member' } },
  Cooperative: {
    zoneId: { label: 'zones.title', kind: ref('Zone') }, name: { label: 'cooperative.name' },
    foundedOn: { label: 'cooperative.foundedOn', kind: 'date' }, plan: { label: 'cooperative.plan' },
    projectIds: { label: 'cooperative.projects' },
  },
  CooperativeShare: {
    villageId: { label: 'cooperative.village', kind: ref('Village') }, landMu: { label: 'cooperative.landMu' },
    amount: { label: 'cooperative.amount', kind: 'money' }, percent: { label: 'cooperative.percent' }, asOf: { label: 'cooperative.asOf', kind: 'date' },
  },
  CooperativeDividend: {
    villageId: { label: 'cooperative.village', kind: ref('Village') }, year: { label: 'cooperative.year' },
    amount: { label: 'cooperative.dividend', kind: 'money' }, paidOn: { label: 'cooperative.paidOn', kind: 'date' },
  },
  JointVenture: {
    name: { label: 'jointVenture.name' }, registeredOn: { label: 'jointVenture.registeredOn', kind: 'date' },
    zoneId: { label: 'zones.title', kind: ref('Zone') }, villageId: { label: 'jointVenture.village', kind: ref('Village') },
    description: { label: 'jointVenture.description' },
    partners: { label: 'jointVenture.partners' }, projectIds: { label: 'jointVenture.projects' },
  },
  PracticalTask: {
    title: { label: 'tasks.title' }, forWhom: { label: 'tasks.forWhom' }, responsible: { label: 'tasks.responsible' },
    soeId: { label: 'tasks.owner', kind: ref('Soe') }, dueOn: { label: 'tasks.dueOn', kind: 'date' },
    status: { label: 'tasks.status', kind: enumIn('enum.TaskStatus') }, evidence: { label: 'tasks.evidence' },
  },
  AssessmentWeights: {
    delivery: { label: 'scorecard.component_.delivery' },
    accreditation: { label: 'scorecard.component_.accreditation' },
    income: { label: 'scorecard.component_.income' },
    feedback: { label: 'scorecard.component_.feedback' },
    timeliness: { label: 'scorecard.component_.timeliness' },
    disputes: { label: 'scorecard.component_.disputes' },
  },
};

/** How many items of a list an audit value names. */
const LIST_SHOWN = 20;
/** Bookkeeping, not what anyone changed. */
const UNSHOWN = new Set(['id', 'version', 'createdAt', 'updatedAt', 'sourceId', 'sessionEpoch', 'passwordHash', 'passwordChangedAt']);

/** One field an audit row changed; `edited`: before → after (an edit), else the value it was given (a creation). */
export type AuditChange = { field: string; label: string; edited: boolean; before: string | null; after: string | null };

type Translate = ReturnType<typeof translator>;
const translators = new Map<Locale, Translate>();
function messages(locale: Locale) {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = translator(locale)));
  const tr = t as unknown as { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };
  return tr;
}

/** "plannedInvestment" → "Planned investment": a field no registry names yet still reads as words. */
export function humanise(key: string) {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function fieldOf(entity: string, key: string): Field | undefined {
  return FIELDS[entity]?.[key] ?? SHARED[key];
}

export function fieldLabel(entity: string, key: string, locale: Locale) {
  const t = messages(locale);
  const field = fieldOf(entity, key);
  return field && t.has(field.label) ? t(field.label) : humanise(key);
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const time = new Map<Locale, Intl.DateTimeFormat>();
function formatTime(value: Date, locale: Locale) {
  let f = time.get(locale);
  if (!f) time.set(locale, (f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' })));
  return f.format(value);
}

/** One value as the pages show it; null for nothing (the page shows a dash). */
export function formatAuditValue(value: unknown, kind: Kind | undefined, locale: Locale, names: AuditNames = {}): string | null {
  if (value === null || value === undefined || value === '') return null;
  const t = messages(locale);
  const list = (items: unknown[], each: (v: unknown) => string | null) => {
    // A long list names its first LIST_SHOWN and counts the rest.
    const shown = items.slice(0, LIST_SHOWN).map(each).filter((v) => v !== null).join(locale === 'zh-CN' ? '、' : ', ') || null;
    return shown && items.length > LIST_SHOWN ? t('audit.more', { shown, count: formatCount(items.length, locale) }) : shown;
  };
  const words = (pairs: [string, string | null][]) => pairs.filter(([, v]) => v !== null).map(([k, v]) => `${k} ${v}`).join(locale === 'zh-CN' ? '；' : '; ') || null;
  if (typeof kind === 'object') {
    if ('enum' in kind) return t.has(`${kind.enum}.${value}`) ? t(`${kind.enum}.${value}`) : String(value);
    if ('enumList' in kind) return Array.isArray(value) ? list(value, (v) => formatAuditValue(v, { enum: kind.enumList }, locale)) : formatAuditValue(value, { enum: kind.enumList }, locale);
    if ('ref' in kind) return names[kind.ref]?.get(Number(value)) ?? `#${String(value)}`;
    if ('countsOf' in kind) {
      const counts = asRecord(value) ?? {};
      return words(Object.entries(counts).map(([k, v]) => [t.has(`${kind.countsOf}.${k}`) ? t(`${kind.countsOf}.${k}`) : humanise(k), formatAuditValue(v, 'count', locale)]));
    }
    if ('refList' in kind && Array.isArray(value)) {
      const ids = value.map((v) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[kind.key] : v));
      return list(ids, (id) => formatAuditValue(id, { ref: kind.refList }, locale, names));
    }
  }
  switch (kind) {
    case 'money':
      return Number.isFinite(Number(value)) ? formatYuan(String(value), locale) : String(value);
    case 'count':
      return Number.isFinite(Number(value)) ? formatCount(String(value), locale) : String(value);
    case 'percent':
      return `${String(value)}%`;
    case 'date':
      return formatDate(new Date(String(value)), locale);
    case 'month':
      return formatMonth(new Date(String(value)), locale);
    case 'time':
      return formatTime(new Date(String(value)), locale);
    case 'active':
      return t(value ? 'users.active' : 'users.inactive');
    case 'importedRecords':
      return Array.isArray(value)
        ? list(value, (r) => {
            const { entity, ids } = (asRecord(r) ?? {}) as { entity?: string; ids?: unknown[] };
            if (!entity) return null;
            const name = t.has(`imports.entity.${entity}`) ? t(`imports.entity.${entity}`) : entity;
            return t('imports.createdItem', { entity: name, count: formatCount(ids?.length ?? 0, locale) });
          })
        : null;
    case 'importedChanges':
      return Array.isArray(value) ? t('audit.records', { count: formatCount(value.length, locale) }) : null;
  }
  if (typeof value === 'boolean') return t(value ? 'audit.yes' : 'audit.no');
  if (typeof value === 'string' && ISO_TIME.test(value) && !Number.isNaN(Date.parse(value))) return formatTime(new Date(value), locale);
  if (Array.isArray(value)) return list(value, (v) => formatAuditValue(v, undefined, locale, names));
  if (typeof value === 'object') {
    // A nested record (a beneficiary, an import's counts): its fields in words, never braces.
    return words(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !UNSHOWN.has(k))
        .map(([k, v]) => [humanise(k), formatAuditValue(v, undefined, locale, names)]),
    );
  }
  return String(value);
}

const asRecord = (value: unknown): Record<string, unknown> | null => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null);

/**
 * What an audit row changed, field by field, labelled and formatted for `locale`: for an edit the
 * fields whose value moved (before → after), for a creation every field it was given (after only).
 * Fields in the form's order first, then any others in the order the row keeps them.
 */
export function describeAuditChanges(entry: { entity: string; before: unknown; after: unknown }, locale: Locale, names: AuditNames = {}): AuditChange[] {
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  if (!before && !after) {
    const only = entry.after ?? entry.before;
    const value = formatAuditValue(only, undefined, locale, names);
    return value === null ? [] : [{ field: '', label: messages(locale)('audit.value'), edited: false, before: null, after: value }];
  }
  const known = Object.keys(FIELDS[entry.entity] ?? {});
  const keys = [...new Set([...known, ...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (k) => !UNSHOWN.has(k) && ((before && k in before) || (after && k in after)),
  );
  const changes: AuditChange[] = [];
  for (const key of keys) {
    const kind = fieldOf(entry.entity, key)?.kind;
    const was = before ? formatAuditValue(before[key], kind, locale, names) : null;
    const now = after ? formatAuditValue(after[key], kind, locale, names) : null;
    if (before && after && was === now) continue;
    if (!(before && after) && (now ?? was) === null) continue;
    // A record only removed (no after) shows what it held.
    changes.push({ field: key, label: fieldLabel(entry.entity, key, locale), edited: Boolean(before && after), before: after ? was : null, after: after ? now : was });
  }
  return changes;
}

/** Where an audit row's record lives, and the ids its name and link need. */
export function auditRecordRef(entry: { entity: string; entityId: string | null; before: unknown; after: unknown }): { kind: RefKind; id: number; href: string } | null {
  const row = { ...asRecord(entry.before), ...asRecord(entry.after) };
  const id = (v: unknown) => (v === null || v === undefined || v === '' || !/^\d+$/.test(String(v)) ? null : Number(v));
  const own = id(entry.entityId);
  const link = (kind: RefKind, at: number | null, path: string) => (at === null ? null : { kind, id: at, href: `${path}/${at}` });
  switch (entry.entity) {
    case 'Project':
      return link('Project', own, '/projects');
    case 'Zone':
      return link('Zone', own, '/zones');
    case 'Village':
      return link('Village', own, '/villages');
    case 'Soe':
      return link('Soe', own, '/soes');
    case 'User':
      return own === null ? null : { kind: 'User', id: own, href: '/admin/users' };
    case 'Import':
      return null;
    case 'ProjectUpdate':
    case 'Feedback':
      return link('Project', id(row.projectId), '/projects');
    case 'VillageIncome':
      return link('Village', id(row.villageId), '/villages');
    case 'Accreditation':
    case 'Pairing':
      return link('Zone', id(row.zoneId), '/zones');
    default:
      return null;
  }
}

/** Every id an audit row names (its record and the values that point at records): loaded once per page. */
export function auditRefs(entry: { entity: string; entityId: string | null; before: unknown; after: unknown }) {
  const refs: { kind: RefKind; id: number }[] = [];
  const record = auditRecordRef(entry);
  if (record) refs.push(record);
  for (const side of [asRecord(entry.before), asRecord(entry.after)]) {
    for (const [key, value] of Object.entries(side ?? {})) {
      const kind = fieldOf(entry.entity, key)?.kind;
      if (typeof kind !== 'object') continue;
      if ('ref' in kind && /^\d+$/.test(String(value))) refs.push({ kind: kind.ref, id: Number(value) });
      if ('refList' in kind && Array.isArray(value))
        for (const item of value) {
          const v = item && typeof item === 'object' ? (item as Record<string, unknown>)[kind.key] : item;
          if (/^\d+$/.test(String(v))) refs.push({ kind: kind.refList, id: Number(v) });
        }
    }
  }
  return refs;
}

/** The record an audit row is about, by name (as it was then when the row keeps it), with a link to its page. */
export function auditRecordName(entry: { entity: string; entityId: string | null; before: unknown; after: unknown }, locale: Locale, names: AuditNames = {}): { name: string; href: string | null } | null {
  const row = { ...asRecord(entry.before), ...asRecord(entry.after) };
  const record = auditRecordRef(entry);
  const own = typeof row.name === 'string' && record?.kind === entry.entity ? row.name : null;
  const base = own ?? (record ? names[record.kind]?.get(record.id) : undefined);
  const detail =
    entry.entity === 'ProjectUpdate' && row.period ? formatAuditValue(row.period, 'month', locale)
    : entry.entity === 'VillageIncome' && row.year ? String(row.year)
    : entry.entity === 'Pairing' && row.soeId ? formatAuditValue(row.soeId, ref('Soe'), locale, names)
    : null;
  // An import is known by its number, and its page.
  if (entry.entity === 'Import' && entry.entityId && /^\d+$/.test(entry.entityId)) return { name: `#${entry.entityId}`, href: `/imports/${entry.entityId}` };
  if (!base) return entry.entityId ? { name: `#${entry.entityId}`, href: record?.href ?? null } : null;
  return { name: detail ? `${base} · ${detail}` : base, href: record?.href ?? null };
}
