import { getLocale, getTranslations } from 'next-intl/server';
import { DemoTag } from '@/components/ui/demo-banner';
import { toLocale } from '@/lib/i18n/config';
import { formatDate } from '@/lib/i18n/format';
import type { ProgramOverview } from '@/lib/program/queries';

export async function ZoneTable({ zones }: { zones: ProgramOverview['zones'] }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale().then(toLocale)]);
  return (
    <section aria-labelledby="zones" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="zones" className="text-base font-semibold">
        {t('home.zones')} <span className="text-sm font-normal text-slate-500">{t('home.zoneCount', { count: zones.length })}</span>
      </h2>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-3">{t('zone.name')}</th>
              <th scope="col" className="py-2 pr-3">{t('zone.district')}</th>
              <th scope="col" className="py-2 pr-3">{t('zone.township')}</th>
              <th scope="col" className="py-2 pr-3 text-right">{t('zone.villages')}</th>
              <th scope="col" className="py-2 pr-3">{t('zone.soes')}</th>
              <th scope="col" className="py-2">{t('zone.accredited')}</th>
            </tr>
          </thead>
          <tbody>
            {zones.map((z) => (
              <tr key={z.id} className="border-b border-slate-100">
                <td className="py-2 pr-3 font-medium">
                  {z.name}
                  {z.isDemo && <DemoTag />}
                </td>
                <td className="py-2 pr-3">{z.district}</td>
                <td className="py-2 pr-3">{z.township ?? '—'}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{z.villages}</td>
                <td className="py-2 pr-3">{z.soes.join('、')}</td>
                <td className="py-2">{z.accreditedAt ? t('zone.accreditedOn', { date: formatDate(z.accreditedAt, locale) }) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {zones.length === 0 && <p className="py-4 text-sm text-slate-500">{t('home.empty')}</p>}
      </div>
    </section>
  );
}
