import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { SampleTag } from '@/components/ui/sample-banner';
import type { SessionUser } from '@/lib/auth/policy';
import { toLocale } from '@/lib/i18n/config';
import { formatDate } from '@/lib/i18n/format';
import { getZoneJointVentures } from '@/lib/joint-ventures/queries';
import { JointVentureForm } from './joint-venture-form';

/** The zone's village–enterprise joint ventures: partners and shares, projects; forms for administrators. */
export async function JointVentureSection({ user, zoneId }: { user: SessionUser; zoneId: number }) {
  const [t, locale, data] = await Promise.all([getTranslations(), getLocale().then(toLocale), getZoneJointVentures(user, zoneId)]);
  if (!data) return null;
  // Chinese and English punctuation: brackets, list separator, colon.
  const [open, close, comma, list, colon] = locale === 'zh-CN' ? ['（', '）', '，', '、', '：'] : [' (', ')', ', ', '; ', ': '];
  const forms = { villages: data.villages, projects: data.projects, partnerOptions: data.partnerOptions };
  return (
    <section id="joint-ventures" aria-labelledby="joint-ventures-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="joint-ventures-title" className="font-semibold">{t('jointVenture.heading')}</h2>
      <p className="text-xs text-slate-600">{t('jointVenture.intro')}</p>
      {data.ventures.length === 0 && <p className="text-sm text-slate-500">{t('jointVenture.none')}</p>}
      {data.ventures.map((j) => (
        <article key={j.id} id={`joint-venture-${j.id}`} className="space-y-1 rounded border border-slate-100 p-3 text-sm">
          <h3 className="font-medium">{j.name}{j.isSample && <SampleTag />}</h3>
          <p className="text-slate-600">
            {t('jointVenture.registeredOn')} {j.registeredOn ? formatDate(j.registeredOn, locale) : '—'} · {t('jointVenture.village')} {j.village ?? '—'}
            {j.description ? ` · ${j.description}` : ''}
          </p>
          <p>
            {t('jointVenture.partners')}{colon}
            {j.partners.map((p) => `${p.name ?? ''}${open}${t(`enum.JointVenturePartnerKind.${p.kind}`)}${comma}${p.percent ? `${p.percent}%` : t('jointVenture.shareUnknown')}${close}`).join(list)}
          </p>
          <p>
            {t('jointVenture.projects')}{colon}
            {j.projects.length === 0 ? t('jointVenture.noProjects') : j.projects.map((p, i) => (
              <span key={p.id}>{i > 0 && list}<Link href={`/projects/${p.id}`} className="text-red-900 hover:underline">{p.name}</Link></span>
            ))}
          </p>
          {j.sourceNote && <p className="text-xs text-slate-500">{t('sample.factTag')}: {j.sourceTitle} — {j.sourceNote}</p>}
          {j.canManage && (
            <details className="rounded border border-slate-200 p-3">
              <summary className="cursor-pointer font-medium">{t('jointVenture.edit', { name: j.name })}</summary>
              <div className="mt-2">
                <JointVentureForm
                  zoneId={zoneId}
                  record={{ id: j.id, version: j.version, name: j.name, registeredOn: j.registeredOn?.toISOString().slice(0, 10) ?? null, villageId: j.villageId, description: j.description, partners: j.partners.map((p) => ({ ref: p.ref, percent: p.percent })), projectIds: j.projects.map((p) => p.id) }}
                  {...forms}
                />
              </div>
            </details>
          )}
        </article>
      ))}
      {data.canCreate && (
        <details className="rounded border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm font-medium">{t('jointVenture.create')}</summary>
          <div className="mt-2"><JointVentureForm zoneId={zoneId} record={null} {...forms} /></div>
        </details>
      )}
    </section>
  );
}
