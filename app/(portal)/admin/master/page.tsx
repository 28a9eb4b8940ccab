import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { EndPairingForm, PairingForm, SoeForm, VillageForm, ZoneForm } from '@/components/master/master-forms';
import { requireUser } from '@/lib/auth/current-user';
import { toLocale } from '@/lib/i18n/config';
import { formatDate } from '@/lib/i18n/format';
import { getMasterData } from '@/lib/master/queries';

export default async function MasterDataPage() {
  const user = await requireUser();
  const data = await getMasterData(user);
  if (!data) notFound();
  const [t, locale] = await Promise.all([getTranslations(), getLocale().then(toLocale)]);
  const section = (id: string, title: string, body: React.ReactNode) => (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={id} className="mb-2 font-semibold">{title}</h2>
      {body}
    </section>
  );
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t('master.title')}</h1>
      {section('new-soe', t('master.createSoe'), <SoeForm />)}
      {section('new-zone', t('master.createZone'), <ZoneForm districts={data.districts} />)}
      {section('new-village', t('master.createVillage'), <VillageForm zones={data.zones} />)}
      {section('new-pairing', t('master.createPairing'), <PairingForm soes={data.soes} zones={data.zones} />)}
      {section(
        'pairings',
        t('master.pairings'),
        <table className="w-full text-left text-sm">
          <tbody>
            {data.pairings.map((p) => (
              <tr key={p.id} className="border-b border-slate-100">
                <td className="py-1 pr-3">{p.zone.name}</td>
                <td className="py-1 pr-3">{p.soe.name}</td>
                <td className="py-1 pr-3">{t('zones.since', { date: formatDate(p.since, locale) })}</td>
                <td className="py-1"><EndPairingForm pairingId={p.id} version={p.version} /></td>
              </tr>
            ))}
          </tbody>
        </table>,
      )}
    </div>
  );
}
