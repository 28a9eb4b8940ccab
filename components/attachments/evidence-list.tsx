import { getLocale, getTranslations } from 'next-intl/server';
import type { AttachmentItem } from '@/lib/attachments/queries';
import { toLocale } from '@/lib/i18n/config';
import { RemoveAttachment } from './remove-attachment';

const timeFormat = (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
const size = (bytes: number) => (bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/**
 * A record's evidence: a thumbnail per photo (opening the original), a link per document; each with
 * its capture time and place from EXIF where present, who added it and when. Only rendered for
 * users who may read the record (the queries ask the policy).
 */
export async function EvidenceList({ items, label }: { items: AttachmentItem[]; label?: string }) {
  const [t, locale] = await Promise.all([getTranslations('attachments'), getLocale().then(toLocale)]);
  if (!items.length) return null;
  const time = timeFormat(locale);
  return (
    <figure className="mt-2" aria-label={label ?? t('title')}>
      <figcaption className="text-xs font-medium text-slate-600">
        {label ?? t('title')} · {t('count', { count: items.length })}
      </figcaption>
      <ul className="mt-1 grid grid-cols-2 gap-2 sm:grid-cols-4">
        {items.map((item) => (
          <li key={item.id} className="rounded border border-slate-200 bg-slate-50 p-1 text-xs" data-attachment={item.id}>
            <a href={`/api/attachments/${item.id}`} target="_blank" rel="noopener" className="block text-red-900 hover:underline" aria-label={t('open', { name: item.name })}>
              {item.isImage ? (
                // eslint-disable-next-line @next/next/no-img-element -- a thumbnail already sized by the server, behind its policy
                <img src={`/api/attachments/${item.id}/thumb`} alt={item.name} loading="lazy" className="aspect-[4/3] w-full rounded object-cover" />
              ) : (
                <span className="flex aspect-[4/3] items-center justify-center rounded bg-white p-1 text-center break-all">
                  {item.name}
                </span>
              )}
            </a>
            <p className="mt-1 break-all text-slate-700">{item.name} · {size(item.size)}</p>
            {item.takenAt && (
              <p className="text-slate-600">
                {item.latitude !== null && item.longitude !== null
                  ? t('takenAtPlace', { time: time.format(item.takenAt), lat: item.latitude.toFixed(5), lng: item.longitude.toFixed(5) })
                  : t('takenAt', { time: time.format(item.takenAt) })}
              </p>
            )}
            <p className="text-slate-500">{t('uploadedBy', { name: item.uploaderName, time: time.format(item.createdAt) })}</p>
            {item.removable && <RemoveAttachment id={item.id} name={item.name} />}
          </li>
        ))}
      </ul>
    </figure>
  );
}
