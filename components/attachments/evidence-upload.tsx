'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { ACCEPT_ATTRIBUTE, MAX_FILE_BYTES, MAX_FILES_PER_RECORD, MAX_RECORD_BYTES, UPLOAD_MAX_SIDE } from '@/lib/attachments/limits';

type Owner = { ownerKind: 'UPDATE' | 'UPDATE_EVENT' | 'FEEDBACK' | 'CRITERION'; ownerId: number; criterion?: string };

/**
 * Attach photos and documents to one record, from a phone: several at once or straight from the
 * camera; large photos are downscaled here first (sparing mobile data), their EXIF sent beside
 * them; one request per file, with a progress bar. The server decides what is accepted.
 */
export function EvidenceUpload({ owner, label }: { owner: Owner; label?: string }) {
  const t = useTranslations('attachments');
  const router = useRouter();
  const id = useId();
  const [progress, setProgress] = useState<{ done: number; total: number; fraction: number } | null>(null);
  const [messages, setMessages] = useState<{ ok: boolean; text: string }[]>([]);

  async function send(list: FileList | null, input: HTMLInputElement) {
    const files = [...(list ?? [])];
    input.value = '';
    if (!files.length || progress) return;
    const out: { ok: boolean; text: string }[] = [];
    let sent = 0;
    for (const [i, original] of files.entries()) {
      setProgress({ done: i, total: files.length, fraction: 0 });
      const prepared = await prepare(original);
      if (prepared.file.size > MAX_FILE_BYTES) {
        out.push({ ok: false, text: t('refused.tooLarge', { name: original.name, max: MAX_FILE_BYTES / 2 ** 20 }) });
        continue;
      }
      const answer = await post(owner, prepared, (fraction) => setProgress({ done: i, total: files.length, fraction }));
      if (answer === 'network') {
        out.push({ ok: false, text: t('networkError') });
        break;
      }
      if (answer.status === 'ok') sent += 1;
      else out.push({ ok: false, text: answer.message ?? '' });
    }
    if (sent) out.unshift({ ok: true, text: t('uploaded', { count: sent }) });
    setMessages(out);
    setProgress(null);
    if (sent) router.refresh();
  }

  const busy = progress !== null;
  const button = 'inline-flex min-h-11 cursor-pointer items-center rounded border border-red-800 px-3 py-2 text-sm font-medium text-red-900 hover:bg-red-50 has-[:disabled]:opacity-60';
  return (
    <div className="mt-2 space-y-2 text-sm" data-evidence-upload>
      <div className="flex flex-wrap gap-2">
        <label className={button}>
          {label ?? t('add')}
          <input type="file" multiple accept={ACCEPT_ATTRIBUTE} disabled={busy} className="sr-only" onChange={(e) => void send(e.currentTarget.files, e.currentTarget)} />
        </label>
        <label className={button}>
          {t('camera')}
          <input type="file" accept="image/*" capture="environment" disabled={busy} className="sr-only" onChange={(e) => void send(e.currentTarget.files, e.currentTarget)} />
        </label>
      </div>
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        {t('hint', { maxFile: MAX_FILE_BYTES / 2 ** 20, maxFiles: MAX_FILES_PER_RECORD, maxRecord: MAX_RECORD_BYTES / 2 ** 20 })}
      </p>
      {progress && (
        <div role="status" aria-live="polite">
          <progress className="h-2 w-full" max={progress.total} value={progress.done + progress.fraction} />
          <span className="text-xs">{t('uploading', { done: progress.done + 1, total: progress.total })}</span>
        </div>
      )}
      {messages.length > 0 && (
        <div className="space-y-1">
          {messages.map((m, i) => (
            <p key={i} role={m.ok ? 'status' : 'alert'} className={`rounded px-2 py-1 ${m.ok ? 'bg-emerald-50 text-emerald-800' : 'bg-rose-50 text-rose-800'}`}>
              {m.text}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}

type Prepared = { file: File; exif: Blob | null };

/** A photo larger than UPLOAD_MAX_SIDE (or one the server cannot read, such as HEIC) is redrawn as a JPEG; the rest go as they are. */
async function prepare(file: File): Promise<Prepared> {
  if (!file.type.startsWith('image/') || file.type === 'image/gif' || file.type === 'image/svg+xml') return { file, exif: null };
  try {
    // EXIF orientation is applied when decoding, so the canvas is upright.
    const bitmap = await createImageBitmap(file);
    const heic = /hei[cf]/i.test(file.type) || /\.hei[cf]$/i.test(file.name);
    const scale = Math.min(1, UPLOAD_MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    if (scale === 1 && !heic) {
      bitmap.close();
      return { file, exif: null };
    }
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    if (!blob) return { file, exif: null };
    const name = file.name.replace(/\.[^.]*$/, '') + '.jpg';
    // A canvas keeps no EXIF: the original's capture time and place go beside it.
    return { file: new File([blob], name, { type: 'image/jpeg' }), exif: await exifSegment(file) };
  } catch {
    return { file, exif: null };
  }
}

/** A JPEG's EXIF (APP1) segment, or null. */
async function exifSegment(file: File): Promise<Blob | null> {
  const head = new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer());
  if (head[0] !== 0xff || head[1] !== 0xd8) return null;
  let at = 2;
  while (at + 4 <= head.length && head[at] === 0xff) {
    const marker = head[at + 1]!;
    const length = (head[at + 2]! << 8) | head[at + 3]!;
    if (marker === 0xe1 && head[at + 4] === 0x45 && head[at + 5] === 0x78 && head[at + 6] === 0x69 && head[at + 7] === 0x66) return new Blob([head.slice(at, at + 2 + length)]);
    if (marker === 0xda) break;
    at += 2 + length;
  }
  return null;
}

type Answer = { status: string; message?: string; id?: number };

function post(owner: Owner, prepared: Prepared, onProgress: (fraction: number) => void): Promise<Answer | 'network'> {
  const form = new FormData();
  form.set('ownerKind', owner.ownerKind);
  form.set('ownerId', String(owner.ownerId));
  if (owner.criterion) form.set('criterion', owner.criterion);
  form.set('file', prepared.file);
  if (prepared.exif) form.set('exif', prepared.exif, 'exif');
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/attachments');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => resolve((xhr.response as Answer | null) ?? { status: 'error', message: String(xhr.status) });
    xhr.onerror = () => resolve('network');
    xhr.send(form);
  });
}
