import { ConflictError, FieldError } from '@/lib/action';
import { Prisma } from '@/lib/db/client';
import { reportIncomeSchema, villageSchema } from '@/lib/villages/schemas';
import { editedSince, implausible, parseCell, type ImportChange, type ImportedChange, type ImportPlan, type ImportSpec, type RowIssue } from './engine';
import { comparePinyin } from '@/lib/i18n/sort';

// Villages with their yearly collective income: one row per village and year.
// A village is found by district + zone + name (created when new; population
// and households changed when given); an income row is created or corrected.
// Cells are checked by the same schemas as the forms.

type Existing = { id: number; version: number; population: number | null; households: number | null };
type Income = { id: number; version: number; year: number; amount: string; reportedById: number | null; sourceId: number | null };
type Ctx = {
  districts: Set<string>;
  zones: Map<string, number>;
  villages: Map<string, Existing>;
  seen: Set<string>;
  /** Filled by plan(): the incomes of the file's existing villages, by village id. */
  incomes: Map<number, Income[]>;
};
type Row = { zoneId: number; label: string; village: string; population: number | null; households: number | null; year: number | null; income: string | null };

const villageKey = (r: { zoneId: number; village: string }) => `${r.zoneId}|${r.village}`;
const sameAmount = (a: string, b: string) => new Prisma.Decimal(a).equals(b);

export const villageImport: ImportSpec<Ctx, Row> = {
  kind: 'villages',
  columns: [
    { key: 'district', zh: '区', en: 'District' },
    { key: 'zone', zh: '片区', en: 'Zone' },
    { key: 'village', zh: '村', en: 'Village', openChoices: true },
    { key: 'population', zh: '人口', en: 'Population', kind: 'count' },
    { key: 'households', zh: '户数', en: 'Households', kind: 'count' },
    { key: 'year', zh: '年份', en: 'Year', kind: 'year' },
    { key: 'income', zh: '村集体经济收入（元）', en: 'Collective income (yuan)', kind: 'money' },
  ],
  async load(client) {
    const [zones, villages] = await Promise.all([
      client.zone.findMany({ select: { id: true, name: true, district: { select: { name: true } } } }),
      client.village.findMany({ select: { id: true, name: true, zoneId: true, version: true, population: true, households: true } }),
    ]);
    return {
      districts: new Set(zones.map((z) => z.district.name)),
      zones: new Map(zones.map((z) => [`${z.district.name}|${z.name}`, z.id])),
      villages: new Map(villages.map(({ name, zoneId, ...v }) => [`${zoneId}|${name}`, v])),
      seen: new Set(),
      incomes: new Map(),
    };
  },
  choices(ctx) {
    const zones = [...ctx.zones.keys()].map((k) => k.split('|')[1]!);
    const villages = [...ctx.villages.keys()].map((k) => k.slice(k.indexOf('|') + 1));
    const sorted = (names: string[]) => [...new Set(names)].sort(comparePinyin);
    return { district: sorted([...ctx.districts]), zone: sorted(zones), village: sorted(villages) };
  },
  validate(cells, ctx) {
    const issues: RowIssue[] = [];
    const zoneId = ctx.zones.get(`${cells.district}|${cells.zone}`);
    if (!cells.district) issues.push({ column: 'district', key: 'validation.required' });
    else if (!ctx.districts.has(cells.district)) issues.push({ column: 'district', key: 'validation.unknownDistrict' });
    if (!cells.zone) issues.push({ column: 'zone', key: 'validation.required' });
    else if (cells.district && ctx.districts.has(cells.district) && zoneId === undefined) issues.push({ column: 'zone', key: 'validation.unknownZone' });
    const village = parseCell(villageSchema.shape.name, cells.village!, 'village', issues);
    const population = parseCell(villageSchema.shape.population, cells.population!, 'population', issues);
    const households = parseCell(villageSchema.shape.households, cells.households!, 'households', issues);
    const year = cells.year ? parseCell(reportIncomeSchema.shape.year, cells.year, 'year', issues) : null;
    const income = cells.income ? parseCell(reportIncomeSchema.shape.amount, cells.income.replace(/,/g, ''), 'income', issues) : null;
    if (Boolean(cells.income) !== Boolean(cells.year)) issues.push({ column: cells.income ? 'year' : 'income', key: 'validation.yearAndIncome' });
    if (issues.length) return { issues };
    const key = `${zoneId}|${village}|${year ?? ''}`;
    if (ctx.seen.has(key)) return { issues: [{ column: 'village', key: 'validation.duplicateRow' }] };
    ctx.seen.add(key);
    return {
      value: {
        zoneId: zoneId!,
        label: `${cells.district} ${cells.zone} ${village}`,
        village: village!,
        population: population ?? null,
        households: households ?? null,
        year: year ?? null,
        income: income ?? null,
      },
    };
  },
  async plan(client, rows, ctx) {
    const existingIds = [...new Set(rows.map(({ value }) => ctx.villages.get(villageKey(value))?.id).filter((id) => id !== undefined))];
    const incomes = await client.villageIncome.findMany({
      where: { villageId: { in: existingIds } },
      select: { id: true, villageId: true, version: true, year: true, amount: true, reportedById: true, sourceId: true },
    });
    for (const { villageId, amount, ...income } of incomes) {
      if (!ctx.incomes.has(villageId)) ctx.incomes.set(villageId, []);
      ctx.incomes.get(villageId)!.push({ ...income, amount: amount.toString() });
    }

    const plan: ImportPlan = { created: { Village: 0, VillageIncome: 0 }, changes: [], warnings: [], unchanged: 0 };
    const newVillages = new Set<string>();
    const sizeChanges = new Map<string, ImportChange>(); // the last row of a village wins
    // Every year's amount per village (existing, then the file's), to weigh new figures against.
    const amounts = new Map<string, Map<number, number>>();
    for (const { value } of rows) {
      const found = ctx.villages.get(villageKey(value));
      if (!amounts.has(villageKey(value))) amounts.set(villageKey(value), new Map((found ? ctx.incomes.get(found.id) ?? [] : []).map((i) => [i.year, Number(i.amount)])));
    }
    const fresh: { row: number; value: Row }[] = [];
    for (const { row, value } of rows) {
      const found = ctx.villages.get(villageKey(value));
      let changes = 0;
      if (!found) {
        if (!newVillages.has(villageKey(value))) changes += 1;
        newVillages.add(villageKey(value));
      } else {
        for (const field of ['population', 'households'] as const) {
          if (value[field] === null || value[field] === found[field]) continue;
          changes += 1;
          const before = found[field];
          sizeChanges.set(`${found.id}|${field}`, {
            row, entity: 'Village', id: found.id, version: found.version, label: value.label, field,
            before: before === null ? null : String(before), after: String(value[field]),
            flag: before === null ? undefined : implausible(before, value[field]!),
          });
        }
      }
      if (value.year !== null) {
        const income = found ? ctx.incomes.get(found.id)?.find((i) => i.year === value.year) : undefined;
        if (!income) {
          changes += 1;
          plan.created.VillageIncome! += 1;
          fresh.push({ row, value });
        } else if (!sameAmount(income.amount, value.income!)) {
          changes += 1;
          plan.changes.push({
            row, entity: 'VillageIncome', id: income.id, version: income.version, label: `${value.label} ${value.year}`, field: 'income',
            before: income.amount, after: value.income, flag: implausible(Number(income.amount), Number(value.income)),
          });
        }
      }
      if (changes === 0) plan.unchanged += 1;
    }
    // A new year's figure is weighed against the nearest other year of the same village, as the file leaves it.
    for (const { value } of rows) if (value.year !== null) amounts.get(villageKey(value))!.set(value.year, Number(value.income));
    for (const { row, value } of fresh) {
      const years = [...amounts.get(villageKey(value))!].filter(([year]) => year !== value.year);
      const nearest = years.sort(([a], [b]) => Math.abs(a - value.year!) - Math.abs(b - value.year!) || b - a)[0];
      const flag = nearest && implausible(nearest[1], Number(value.income));
      if (flag) {
        plan.warnings.push({
          row, entity: 'VillageIncome', id: null, version: null, label: `${value.label} ${value.year}`, field: 'income',
          before: null, after: value.income, flag, reference: `${nearest[0]}: ${nearest[1].toFixed(2)}`,
        });
      }
    }
    plan.created.Village = newVillages.size;
    plan.changes.unshift(...sizeChanges.values());
    return plan;
  },
  async apply(tx, rows, plan, ctx, user) {
    // New villages first (one INSERT), then every village's id is known.
    const fresh = new Map<string, Row>();
    for (const r of rows) if (!ctx.villages.has(villageKey(r))) fresh.set(villageKey(r), r);
    const created = await tx.village.createManyAndReturn({
      data: [...fresh.values()].map((r) => ({ zoneId: r.zoneId, name: r.village, population: r.population, households: r.households })),
      select: { id: true, zoneId: true, name: true },
    });
    const ids = new Map([...ctx.villages].map(([key, v]) => [key, v.id]));
    for (const v of created) ids.set(`${v.zoneId}|${v.name}`, v.id);

    const changed: ImportedChange[] = [];
    // Sizes of existing villages, each only from the version the check saw.
    const villageChanges = new Map<number, { label: string; version: number; before: Existing; after: Existing }>();
    const byId = new Map([...ctx.villages.values()].map((v) => [v.id, v]));
    for (const c of plan.changes.filter((c) => c.entity === 'Village')) {
      const found = byId.get(c.id!)!;
      const entry = villageChanges.get(c.id!) ?? { label: c.label, version: c.version!, before: found, after: { ...found } };
      entry.after = { ...entry.after, [c.field]: Number(c.after) };
      villageChanges.set(c.id!, entry);
    }
    if (villageChanges.size) {
      const list = [...villageChanges];
      const count = await tx.$executeRawUnsafe(
        `UPDATE "Village" v SET population = t.p, households = t.h, version = v.version + 1, "updatedAt" = now()
         FROM unnest($1::int[], $2::int[], $3::int[], $4::int[]) AS t(id, p, h, ver) WHERE v.id = t.id AND v.version = t.ver`,
        list.map(([id]) => id),
        list.map(([, c]) => c.after.population),
        list.map(([, c]) => c.after.households),
        list.map(([, c]) => c.version),
      );
      if (count !== list.length) throw new ConflictError('imports.stale');
      for (const [id, c] of list) {
        changed.push({ entity: 'Village', id, label: c.label, version: c.version + 1, before: { population: c.before.population, households: c.before.households }, after: { population: c.after.population, households: c.after.households } });
      }
    }

    // New incomes in chunks of one statement each.
    const newIncomes = rows.filter((r) => r.year !== null && !ctx.incomes.get(ids.get(villageKey(r))!)?.some((i) => i.year === r.year));
    const createdIncomes: number[] = [];
    for (let i = 0; i < newIncomes.length; i += 2000) {
      const chunk = newIncomes.slice(i, i + 2000);
      const inserted = await tx.$queryRawUnsafe<{ id: number }[]>(
        `INSERT INTO "VillageIncome" ("villageId", year, amount, "reportedById", "updatedAt")
         SELECT v, y, a::numeric, $1, now() FROM unnest($2::int[], $3::int[], $4::text[]) AS t(v, y, a)
         ON CONFLICT ("villageId", year) DO NOTHING RETURNING id`,
        user.id,
        chunk.map((r) => ids.get(villageKey(r))!),
        chunk.map((r) => r.year!),
        chunk.map((r) => r.income!),
      );
      if (inserted.length !== chunk.length) throw new ConflictError('imports.stale');
      createdIncomes.push(...inserted.map((r) => r.id));
    }
    // Corrections, each only from the version the check saw.
    const corrections = plan.changes.filter((c) => c.entity === 'VillageIncome');
    const incomeById = new Map([...ctx.incomes.values()].flat().map((i) => [i.id, i]));
    for (let i = 0; i < corrections.length; i += 2000) {
      const chunk = corrections.slice(i, i + 2000);
      const count = await tx.$executeRawUnsafe(
        `UPDATE "VillageIncome" x SET amount = t.a::numeric, "reportedById" = $1, "sourceId" = NULL, version = x.version + 1, "updatedAt" = now()
         FROM unnest($2::int[], $3::text[], $4::int[]) AS t(id, a, ver) WHERE x.id = t.id AND x.version = t.ver`,
        user.id,
        chunk.map((c) => c.id!),
        chunk.map((c) => c.after!),
        chunk.map((c) => c.version!),
      );
      if (count !== chunk.length) throw new ConflictError('imports.stale');
    }
    for (const c of corrections) {
      const before = incomeById.get(c.id!)!;
      changed.push({
        entity: 'VillageIncome', id: c.id!, label: c.label, version: c.version! + 1,
        before: { amount: before.amount, reportedById: before.reportedById, sourceId: before.sourceId },
        after: { amount: c.after, reportedById: user.id, sourceId: null },
      });
    }
    return {
      counts: {
        villagesCreated: created.length,
        villagesChanged: villageChanges.size,
        incomesCreated: createdIncomes.length,
        incomesChanged: corrections.length,
        rowsUnchanged: plan.unchanged,
      },
      created: [
        { entity: 'Village', ids: created.map((v) => v.id) },
        { entity: 'VillageIncome', ids: createdIncomes },
      ],
      changed,
    };
  },
  async undo(tx, record) {
    const createdVillages = record.created.find((c) => c.entity === 'Village')?.ids ?? [];
    const createdIncomes = record.created.find((c) => c.entity === 'VillageIncome')?.ids ?? [];
    const changedVillages = record.changed.filter((c) => c.entity === 'Village');
    const changedIncomes = record.changed.filter((c) => c.entity === 'VillageIncome');
    const edited = [
      ...(await editedSince(tx, 'VillageIncome', [...changedIncomes, ...createdIncomes.map((id) => ({ id, version: 1 }))])),
      ...(await editedSince(tx, 'Village', [...changedVillages, ...createdVillages.map((id) => ({ id, version: 1 }))])),
    ];
    // A village the import made may have gained users, projects, other years, a share or dividends since: it stays, and so does the import.
    const used = createdVillages.length
      ? await tx.$queryRaw<{ id: number }[]>`
          SELECT v.id FROM "Village" v WHERE v.id = ANY(${createdVillages}::int[]) AND (
            EXISTS (SELECT 1 FROM "User" u WHERE u."villageId" = v.id) OR EXISTS (SELECT 1 FROM "ProjectVillage" p WHERE p."villageId" = v.id)
            OR EXISTS (SELECT 1 FROM "Beneficiary" b WHERE b."villageId" = v.id) OR EXISTS (SELECT 1 FROM "Feedback" f WHERE f."villageId" = v.id)
            OR EXISTS (SELECT 1 FROM "VillageIncome" i WHERE i."villageId" = v.id AND NOT i.id = ANY(${createdIncomes}::int[]))
            OR EXISTS (SELECT 1 FROM "CooperativeShare" cs WHERE cs."villageId" = v.id) OR EXISTS (SELECT 1 FROM "CooperativeDividend" cd WHERE cd."villageId" = v.id)
            OR EXISTS (SELECT 1 FROM "JointVenture" j WHERE j."villageId" = v.id) OR EXISTS (SELECT 1 FROM "JointVenturePartner" jp WHERE jp."villageId" = v.id))`
      : [];
    if (edited.length || used.length) throw new FieldError('importId', 'validation.importEdited', { count: edited.length + used.length });

    if (changedIncomes.length) {
      await tx.$executeRawUnsafe(
        `UPDATE "VillageIncome" x SET amount = t.a::numeric, "reportedById" = t.r, "sourceId" = t.s, version = x.version + 1, "updatedAt" = now()
         FROM unnest($1::int[], $2::text[], $3::int[], $4::int[]) AS t(id, a, r, s) WHERE x.id = t.id`,
        changedIncomes.map((c) => c.id),
        changedIncomes.map((c) => String(c.before.amount)),
        changedIncomes.map((c) => c.before.reportedById ?? null),
        changedIncomes.map((c) => c.before.sourceId ?? null),
      );
    }
    await tx.villageIncome.deleteMany({ where: { id: { in: createdIncomes } } });
    if (changedVillages.length) {
      await tx.$executeRawUnsafe(
        `UPDATE "Village" v SET population = t.p, households = t.h, version = v.version + 1, "updatedAt" = now()
         FROM unnest($1::int[], $2::int[], $3::int[]) AS t(id, p, h) WHERE v.id = t.id`,
        changedVillages.map((c) => c.id),
        changedVillages.map((c) => c.before.population ?? null),
        changedVillages.map((c) => c.before.households ?? null),
      );
    }
    await tx.village.deleteMany({ where: { id: { in: createdVillages } } });
  },
};
