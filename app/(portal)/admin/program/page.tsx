import { getLocale, getTranslations } from 'next-intl/server';
import { PhaseForm } from '@/components/program/phase-form';
import { requirePermission } from '@/lib/auth/current-user';
import { portalNow } from '@/lib/clock';
import { toLocale } from '@/lib/i18n/config';
import { formatDate } from '@/lib/i18n/format';
import { listPhases, phaseName, phasesAt } from '@/lib/program/phases';

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The program's phases and their targets: administrators open a new phase and edit any. */
export default async function ProgramPhasesPage() {
  await requirePermission('program.manage', {});
  const [t, locale, phases] = await Promise.all([getTranslations(), getLocale().then(toLocale), listPhases(true)]);
  const { current } = phasesAt(phases, portalNow());
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t('program.title')}</h1>
      <p className="text-sm text-slate-600">{t('program.intro')}</p>
      {phases.map((p) => (
        <section key={p.id} aria-labelledby={`phase-${p.id}`} className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id={`phase-${p.id}`} className="mb-2 font-semibold">
            {phaseName(p, locale)}{' '}
            <span className="text-sm font-normal text-slate-600">
              {formatDate(p.startsOn, locale)} – {formatDate(p.endsOn, locale)}
              {current?.id === p.id && ` · ${t('program.running')}`}
            </span>
          </h2>
          <PhaseForm
            phase={{
              id: p.id, version: p.version, name: p.name, nameEn: p.nameEn ?? '', startsOn: iso(p.startsOn), endsOn: iso(p.endsOn),
              zonesTarget: p.targets?.zones ?? 0, incomeTarget: p.targets?.income ?? '',
            }}
          />
        </section>
      ))}
      <section aria-labelledby="new-phase" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-phase" className="mb-2 font-semibold">{t('program.newPhase')}</h2>
        <PhaseForm />
      </section>
    </div>
  );
}
