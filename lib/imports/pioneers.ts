import { FieldError } from '@/lib/action';
import { can, type SessionUser } from '@/lib/auth/policy';
import type { PioneerSide } from '@/lib/db/enums';
import en from '@/lib/i18n/messages/en.json';
import zhCN from '@/lib/i18n/messages/zh-CN.json';
import { comparePinyin } from '@/lib/i18n/sort';
import { memberSchema } from '@/lib/pioneers/schemas';
import { parseCell, type ImportSpec, type RowIssue } from './engine';

// The members of zones' pioneer teams (兴乡先锋队): zone, name, side, role — no more personal data,
// as the team form (memberSchema). Each row is asked of `pioneer.manageTeam`, as the form is: an
// administrator adds either side anywhere, a liaison team its SOE's side in its paired zones.
// A member already on the team (zone, name, side) is refused, as the form refuses one.

type Zone = { id: number; soeIds: number[] };
type Ctx = {
  user: SessionUser;
  /** Zones by name: more than one when two districts have a zone of that name. */
  zones: Map<string, Zone[]>;
  existing: Set<string>;
  seen: Set<string>;
};
type Row = { zoneId: number; name: string; side: PioneerSide; role: string };

/** A side as typed: its code, or its Chinese or English label (村 / 国企, Village / SOE). */
function sideOf(cell: string): PioneerSide | undefined {
  for (const table of [zhCN.enum.PioneerSide, en.enum.PioneerSide]) {
    for (const [code, label] of Object.entries(table)) if (cell === code || cell.toLowerCase() === label.toLowerCase()) return code as PioneerSide;
  }
  return undefined;
}

export const pioneerImport: ImportSpec<Ctx, Row> = {
  kind: 'pioneers',
  columns: [
    { key: 'zone', zh: '片区', en: 'Zone' },
    { key: 'name', zh: '姓名', en: 'Name' },
    { key: 'side', zh: '所属（村/国企）', en: 'Side (village/SOE)' },
    { key: 'role', zh: '队内职务', en: 'Role in the team' },
  ],
  async load(client, user) {
    const zones = await client.zone.findMany({ select: { id: true, name: true, pairings: { select: { soeId: true } } } });
    const byName = new Map<string, Zone[]>();
    for (const z of zones) byName.set(z.name, [...(byName.get(z.name) ?? []), { id: z.id, soeIds: [...new Set(z.pairings.map((p) => p.soeId))] }]);
    const members = await client.pioneerMember.findMany({ select: { zoneId: true, name: true, side: true } });
    return { user, zones: byName, existing: new Set(members.map((m) => `${m.zoneId}|${m.name}|${m.side}`)), seen: new Set() };
  },
  choices(ctx, locale) {
    // Only the zones this user may add members to.
    const mine = [...ctx.zones].filter(([, zones]) => zones.some((z) => can(ctx.user, 'pioneer.manageTeam', { zoneId: z.id, soeIds: z.soeIds, side: 'SOE' })));
    const sides = (['VILLAGE', 'SOE'] as const).filter((side) => [...ctx.zones.values()].flat().some((z) => can(ctx.user, 'pioneer.manageTeam', { zoneId: z.id, soeIds: z.soeIds, side })));
    return { zone: mine.map(([name]) => name).sort(comparePinyin), side: sides.map((s) => (locale === 'zh-CN' ? zhCN : en).enum.PioneerSide[s]) };
  },
  validate(cells, ctx) {
    const issues: RowIssue[] = [];
    const zones = cells.zone ? ctx.zones.get(cells.zone) : undefined;
    if (!cells.zone) issues.push({ column: 'zone', key: 'validation.required' });
    else if (!zones) issues.push({ column: 'zone', key: 'validation.unknownZoneName' });
    else if (zones.length > 1) issues.push({ column: 'zone', key: 'validation.zoneNameAmbiguous' });
    const side = sideOf(cells.side!);
    if (!side) issues.push({ column: 'side', key: 'validation.unknownEnum', params: { value: cells.side || '—' } });
    const name = parseCell(memberSchema.shape.name, cells.name!, 'name', issues);
    const role = parseCell(memberSchema.shape.role, cells.role!, 'role', issues);
    if (issues.length) return { issues };
    const zone = zones![0]!;
    if (!can(ctx.user, 'pioneer.manageTeam', { zoneId: zone.id, soeIds: zone.soeIds, side: side! })) {
      // Out of scope: a zone not paired with the liaison's SOE, or the villages' side.
      const pairedZone = can(ctx.user, 'pioneer.manageTeam', { zoneId: zone.id, soeIds: zone.soeIds, side: 'SOE' });
      return { issues: [pairedZone ? { column: 'side', key: 'validation.pioneerSideNotYours' } : { column: 'zone', key: 'validation.notPaired' }] };
    }
    const key = `${zone.id}|${name}|${side}`;
    if (ctx.existing.has(key)) return { issues: [{ column: 'name', key: 'validation.pioneerTaken' }] };
    if (ctx.seen.has(key)) return { issues: [{ column: 'name', key: 'validation.duplicateRow' }] };
    ctx.seen.add(key);
    return { value: { zoneId: zone.id, name: name!, side: side!, role: role! } };
  },
  async plan(_client, rows) {
    return { created: { PioneerMember: rows.length }, changes: [], warnings: [], unchanged: 0 };
  },
  async apply(tx, rows) {
    const created = await tx.pioneerMember.createManyAndReturn({ data: rows, select: { id: true } });
    return { counts: { pioneersCreated: created.length }, created: [{ entity: 'PioneerMember', ids: created.map((m) => m.id) }], changed: [] };
  },
  async undo(tx, record) {
    const ids = record.created.find((c) => c.entity === 'PioneerMember')?.ids ?? [];
    // A member who holds a post since stays (the post names them), and so does the import.
    const holding = await tx.pioneerMember.count({ where: { id: { in: ids }, posts: { some: {} } } });
    if (holding) throw new FieldError('importId', 'validation.importEdited', { count: holding });
    await tx.pioneerMember.deleteMany({ where: { id: { in: ids } } });
  },
};
