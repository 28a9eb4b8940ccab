import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { AssessForm, CloseForm, NominateForm } from '@/components/accreditation/accreditation-forms';
import { SampleTag } from '@/components/ui/sample-banner';
import { CRITERIA, nextSteps } from '@/lib/accreditation/rounds';
import { requireUser } from '@/lib/auth/current-user';
import { parseId } from '@/lib/ids';
import { toLocale } from '@/lib/i18n/config';
import { formatDate, formatPeople, formatYuan } from '@/lib/i18n/format';
import { getZone, listDistricts } from '@/lib/zones/queries';
import { ZoneForm } from '@/components/master/master-forms';
import { EvidenceList } from '@/components/attachments/evidence-list';
import { EvidenceUpload } from '@/components/attachments/evidence-upload';
import { attachmentsOfRound } from '@/lib/attachments/queries';
import { PioneerTeam } from '@/components/pioneers/pioneer-sections';
import { TaskList } from '@/components/tasks/task-list';
import { CooperativeSection } from '@/components/cooperatives/cooperative-section';
import { JointVentureSection } from '@/components/joint-ventures/joint-venture-section';

export default async function ZonePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = parseId((await params).id);
  const zone = id === null ? null : await getZone(user, id);
  if (!zone) notFound();
  const [t, locale, districts] = await Promise.all([getTranslations(), getLocale().then(toLocale), zone.canEdit ? listDistricts() : []]);
  const years = [...new Set(zone.villages.flatMap((v) => v.incomes.map((i) => i.year)))].sort();
  const round = zone.accreditations[0];
  const next = nextSteps(round);
  const evidence = round ? await attachmentsOfRound(user, round.id) : new Map();
  // Every record here carries its own provenance: a fact zone may hold sample villages, incomes, projects and accreditations.
  const standing = zone.accreditations.find((a) => a.status === 'ACCREDITED');
  return (
    <article className="space-y-4">
      <header>
        <h1 className="text-xl font-semibold">
          {zone.name}
          {zone.source?.isSample && <SampleTag />}
        </h1>
        <p className="text-sm text-slate-600">
          {zone.district.name}
          {zone.township ? ` · ${zone.township.name}` : ''}
          {zone.accreditedAt ? ` · ${t('zones.accredited')} ${formatDate(zone.accreditedAt, locale)}` : ''}
          {zone.accreditedAt && standing?.source?.isSample && <SampleTag />}
        </p>
        {zone.sourceNote && !zone.source?.isSample && (
          <p className="text-xs text-slate-500">{t('sample.factTag')}: {zone.source?.title} — {zone.sourceNote}</p>
        )}
      </header>
      {zone.canEdit && (
        <details className="rounded-lg border border-slate-200 bg-white p-4">
          <summary className="cursor-pointer font-semibold">{t('master.editZone')}</summary>
          <div className="mt-2">
            <ZoneForm
              districts={districts}
              record={{ id: zone.id, version: zone.version, name: zone.name, districtId: zone.districtId, townshipId: zone.townshipId, secretary: zone.secretary, firstSecretary: zone.firstSecretary, mechanisms: zone.mechanisms, lat: zone.lat, lng: zone.lng }}
            />
          </div>
        </details>
      )}
      <dl className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-3">
        <div><dt className="text-slate-500">{t('zones.secretary')}</dt><dd>{zone.secretary ?? '—'}</dd></div>
        <div><dt className="text-slate-500">{t('zones.firstSecretary')}</dt><dd>{zone.firstSecretary ?? '—'}</dd></div>
        <div><dt className="text-slate-500">{t('zones.mechanisms')}</dt><dd>{zone.mechanisms.map((m) => t(`enum.Mechanism.${m}`)).join('、') || '—'}</dd></div>
        <div className="sm:col-span-3">
          <dt className="text-slate-500">{t('zones.pairings')}</dt>
          <dd>
            {zone.pairings.map((p) => (
              <span key={`${p.soe.id}-${p.since.toISOString()}`} className="mr-3 inline-block">
                {p.soe.name} ({t('zones.since', { date: formatDate(p.since, locale) })}{p.until ? `, ${t('zones.until', { date: formatDate(p.until, locale) })}` : ''})
                {p.source?.isSample && <SampleTag />}
              </span>
            ))}
          </dd>
        </div>
      </dl>
      <section aria-labelledby="villages" className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="villages" className="font-semibold">{t('zones.incomes')}</h2>
        {zone.villages.some((v) => v.incomes.some((i) => i.isSample)) && <p className="text-xs text-amber-800">* {t('sample.incomeNote')}</p>}
        <DataTable
          className="mt-2 text-sm"
          rows={zone.villages}
          rowKey={(v) => v.id}
          columns={[
            {
              label: t('zones.village'),
              cell: (v) => (
                <>
                  <Link href={`/villages/${v.id}`} className="text-red-900 hover:underline">{v.name}</Link>
                  {v.source?.isSample && <SampleTag />}
                </>
              ),
            },
            { label: t('zones.population'), numeric: true, cell: (v) => (v.population === null ? '—' : formatPeople(v.population, locale)) },
            ...years.map((y) => ({
              label: String(y),
              numeric: true,
              cell: (v: (typeof zone.villages)[number]) => {
                const income = v.incomes.find((i) => i.year === y);
                return (
                  <>
                    {income ? formatYuan(income.amount, locale) : '—'}
                    {income?.isSample && <sup className="ml-0.5 text-amber-800" title={t('sample.tag')}>*</sup>}
                  </>
                );
              },
            })),
          ]}
        />
      </section>
      <section aria-labelledby="accreditation" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="accreditation" className="font-semibold">{t('zones.accreditation')}</h2>
        {!round ? (
          <p className="text-sm text-slate-500">{t('zones.noAccreditation')}</p>
        ) : (
          <>
            <p className="text-sm">
              {t(`enum.AccreditationStatus.${round.status}`)}
              {round.source?.isSample && <SampleTag />} · {t('zones.nominatedOn', { date: formatDate(round.nominatedOn, locale) })}
              {round.closeReason ? ` · ${t('zones.closeReason', { reason: round.closeReason })}` : ''}
            </p>
            <DataTable
              className="mt-2 text-sm"
              rows={CRITERIA.map((c) => ({ criterion: c, a: round.assessments.find((x) => x.criterion === c) }))}
              rowKey={(r) => r.criterion}
              columns={[
                { label: t('zones.criterion'), cell: (r) => t(`enum.Criterion.${r.criterion}`) },
                { label: t('zones.result'), cellClassName: (r) => (r.a?.result === 'FAIL' ? 'text-rose-700' : ''), cell: (r) => (r.a ? t(`enum.AssessmentResult.${r.a.result}`) : t('zones.notAssessed')) },
                { label: t('zones.assessedOn'), cell: (r) => (r.a ? formatDate(r.a.assessedOn, locale) : '—') },
                { label: t('zones.assessor'), cell: (r) => r.a?.assessorName ?? '—' },
                { label: t('zones.note'), cell: (r) => r.a?.note ?? '' },
                {
                  label: t('attachments.title'),
                  cell: (r) => {
                    const count = evidence.get(r.criterion)?.length ?? 0;
                    return count ? <a href={`#evidence-${r.criterion}`} className="text-red-900 hover:underline">{t('attachments.count', { count })}</a> : t('attachments.count', { count });
                  },
                },
              ]}
            />
            <section aria-labelledby="criterion-evidence" className="mt-3 space-y-2">
              <h3 id="criterion-evidence" className="text-sm font-semibold">{t('attachments.criterionEvidence')}</h3>
              {CRITERIA.map((c) => (
                <div key={c} id={`evidence-${c}`} className="scroll-mt-4 rounded border border-slate-100 p-2 target:bg-amber-50">
                  <p className="text-sm font-medium">{t(`enum.Criterion.${c}`)}</p>
                  {evidence.get(c)?.length ? <EvidenceList items={evidence.get(c)!} label={t(`enum.Criterion.${c}`)} /> : <p className="text-xs text-slate-500">{t('attachments.none')}</p>}
                  {zone.canAttachEvidence && round.status === 'CANDIDATE' && <EvidenceUpload owner={{ ownerKind: 'CRITERION', ownerId: round.id, criterion: c }} />}
                </div>
              ))}
            </section>
          </>
        )}
      </section>
      {zone.canAccredit && (
        <section aria-labelledby="accreditation-manage" className="space-y-3 rounded-lg border border-red-200 bg-red-50/40 p-4">
          <h2 id="accreditation-manage" className="font-semibold">{t('accreditation.manage')}</h2>
          {next.nominate && <NominateForm zoneId={zone.id} />}
          {round && next.assess && <AssessForm accreditationId={round.id} version={round.version} assessorName={user.displayName} passed={round.assessments.filter((a) => a.result === 'PASS').map((a) => a.criterion)} />}
          {round && next.reject && <CloseForm accreditationId={round.id} version={round.version} revoking={false} />}
          {round && next.revoke && <CloseForm accreditationId={round.id} version={round.version} revoking />}
        </section>
      )}
      <CooperativeSection user={user} zoneId={zone.id} />
      <JointVentureSection user={user} zoneId={zone.id} />
      <TaskList user={user} zoneId={zone.id} />
      <PioneerTeam user={user} zoneId={zone.id} soeIds={zone.pairings.map((p) => p.soe.id)} />
      <section aria-labelledby="zone-projects" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="zone-projects" className="font-semibold">{t('zones.projects')}</h2>
        <ul className="mt-2 space-y-1 text-sm">
          {zone.projects.map((p) => (
            <li key={p.id}>
              <Link href={`/projects/${p.id}`} className="text-red-900 hover:underline">{p.name}</Link>
              {p.source?.isSample && <SampleTag />} · {p.soe.name} · {t(`status.${p.status}`)}
            </li>
          ))}
          {zone.projects.length === 0 && <li className="text-slate-500">{t('projects.empty')}</li>}
        </ul>
      </section>
    </article>
  );
}
