import { FieldError } from '@/lib/action';
import { comparePinyin } from '@/lib/i18n/sort';
import { commitmentSchema, COMMITMENT_MEASURES, type CommitmentInput, type CommitmentMeasure } from '@/lib/scorecard/schemas';
import { editedSince, parseCell, type ImportSpec, type RowIssue } from './engine';

// The org department's yearly commitments of each pairing (SOE + zone + year), as the clerks keep
// them in Excel: one row per pairing and year, each measure through the commitment form's own
// schema (commitmentSchema), the year within the pairing as saveCommitment requires. A pairing's
// year that already has commitments is refused: the import makes them, the scorecard's form edits them.

type Pairing = { id: number; since: number; until: number | null };
type Ctx = {
  soes: Set<string>;
  zones: Set<string>;
  /** Pairings by `SOE|zone`, newest first. */
  pairings: Map<string, Pairing[]>;
  /** `pairingId|year` of the commitments already kept. */
  existing: Set<string>;
  seen: Set<string>;
};
type Row = Pick<CommitmentInput, 'pairingId' | 'year' | CommitmentMeasure>;

const measures = commitmentSchema.shape;

export const commitmentImport: ImportSpec<Ctx, Row> = {
  kind: 'commitments',
  columns: [
    { key: 'soe', zh: '国企', en: 'SOE' },
    { key: 'zone', zh: '片区', en: 'Zone' },
    { key: 'year', zh: '年份', en: 'Year', kind: 'year' },
    { key: 'investment', zh: '承诺投资（元）', en: 'Investment committed (yuan)', kind: 'money' },
    { key: 'projects', zh: '承诺项目数', en: 'Projects committed', kind: 'count' },
    { key: 'jobs', zh: '承诺就业岗位', en: 'Jobs committed', kind: 'count' },
    { key: 'purchases', zh: '承诺采购农产品（元）', en: 'Farm-product purchases committed (yuan)', kind: 'money' },
    { key: 'trainingSessions', zh: '承诺培训场次', en: 'Training sessions committed', kind: 'count' },
    { key: 'staffStationed', zh: '承诺派驻人员', en: 'Staff stationed committed', kind: 'count' },
  ],
  async load(client) {
    const [pairings, soes, zones, commitments] = await Promise.all([
      client.pairing.findMany({ select: { id: true, since: true, until: true, soe: { select: { name: true } }, zone: { select: { name: true } } }, orderBy: { since: 'desc' } }),
      client.soe.findMany({ select: { name: true } }),
      client.zone.findMany({ select: { name: true } }),
      client.pairingCommitment.findMany({ select: { pairingId: true, year: true } }),
    ]);
    const byKey = new Map<string, Pairing[]>();
    for (const p of pairings) {
      const key = `${p.soe.name}|${p.zone.name}`;
      byKey.set(key, [...(byKey.get(key) ?? []), { id: p.id, since: p.since.getUTCFullYear(), until: p.until?.getUTCFullYear() ?? null }]);
    }
    return {
      soes: new Set(soes.map((s) => s.name)),
      zones: new Set(zones.map((z) => z.name)),
      pairings: byKey,
      existing: new Set(commitments.map((c) => `${c.pairingId}|${c.year}`)),
      seen: new Set(),
    };
  },
  choices(ctx) {
    const keys = [...ctx.pairings.keys()].map((k) => k.split('|') as [string, string]);
    return { soe: [...new Set(keys.map(([soe]) => soe))].sort(comparePinyin), zone: [...new Set(keys.map(([, zone]) => zone))].sort(comparePinyin) };
  },
  validate(cells, ctx) {
    const issues: RowIssue[] = [];
    if (!cells.soe) issues.push({ column: 'soe', key: 'validation.required' });
    else if (!ctx.soes.has(cells.soe)) issues.push({ column: 'soe', key: 'validation.unknownSoe' });
    if (!cells.zone) issues.push({ column: 'zone', key: 'validation.required' });
    else if (!ctx.zones.has(cells.zone)) issues.push({ column: 'zone', key: 'validation.unknownZoneName' });
    const year = parseCell(measures.year, cells.year!, 'year', issues);
    const values = Object.fromEntries(
      COMMITMENT_MEASURES.map((m) => [m, parseCell(measures[m], m === 'investment' || m === 'purchases' ? cells[m]!.replace(/,/g, '') : cells[m]!, m, issues) ?? null]),
    ) as Pick<CommitmentInput, CommitmentMeasure>;
    if (COMMITMENT_MEASURES.every((m) => cells[m] === '')) issues.push({ column: 'investment', key: 'validation.commitmentEmpty' });
    if (issues.length) return { issues };

    const pairings = ctx.pairings.get(`${cells.soe}|${cells.zone}`);
    if (!pairings) return { issues: [{ column: 'zone', key: 'validation.soeNotPairedWith', params: { soe: cells.soe! } }] };
    // The pairing in force that year (a zone paired again later has a newer one), as saveCommitment requires.
    const pairing = pairings.find((p) => p.since <= year! && (p.until === null || p.until >= year!));
    if (!pairing) {
      const newest = pairings[0]!;
      return { issues: [{ column: 'year', key: 'validation.commitmentYearOutside', params: { since: newest.since, until: newest.until ?? '—' } }] };
    }
    const key = `${pairing.id}|${year}`;
    if (ctx.existing.has(key)) return { issues: [{ column: 'year', key: 'validation.commitmentExists' }] };
    if (ctx.seen.has(key)) return { issues: [{ column: 'year', key: 'validation.duplicateRow' }] };
    ctx.seen.add(key);
    return { value: { pairingId: pairing.id, year: year!, ...values } };
  },
  async plan(_client, rows) {
    return { created: { PairingCommitment: rows.length }, changes: [], warnings: [], unchanged: 0 };
  },
  async apply(tx, rows) {
    const created = await tx.pairingCommitment.createManyAndReturn({
      data: rows,
      select: { id: true },
    });
    return { counts: { commitmentsCreated: created.length }, created: [{ entity: 'PairingCommitment', ids: created.map((c) => c.id) }], changed: [] };
  },
  async undo(tx, record) {
    const ids = record.created.find((c) => c.entity === 'PairingCommitment')?.ids ?? [];
    // A commitment edited since (figures corrected, delivery entered) stays, and so does the import.
    const edited = await editedSince(tx, 'PairingCommitment', ids.map((id) => ({ id, version: 1 })));
    if (edited.length) throw new FieldError('importId', 'validation.importEdited', { count: edited.length });
    await tx.pairingCommitment.deleteMany({ where: { id: { in: ids } } });
  },
};
