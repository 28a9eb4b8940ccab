import type { SessionUser } from '../../lib/auth/policy';
import { previewImport, type ImportOutcome, type ImportSpec } from '../../lib/imports/engine';
import { commitImport } from '../../lib/imports/mutations';
import type { Locale } from '../../lib/i18n/config';

/** What the upload route does: a check, then (when asked) a commit carrying the check's token. */
export async function checkThenCommit(
  spec: ImportSpec<never, never>,
  user: SessionUser | null,
  bytes: Buffer,
  options: { commit?: boolean; locale?: Locale; fileName?: string; acceptFlagged?: boolean } = {},
): Promise<ImportOutcome> {
  const locale = options.locale ?? 'zh-CN';
  const preview = await previewImport(spec, user, bytes, locale);
  if (options.commit === false || preview.status !== 'preview') return preview;
  return commitImport(spec, user, bytes, { locale, token: preview.token, fileName: options.fileName, acceptFlagged: options.acceptFlagged });
}
