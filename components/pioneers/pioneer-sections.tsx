import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/data-table';
import { SampleTag } from '@/components/ui/sample-banner';
import { can, type SessionUser } from '@/lib/auth/policy';
import { getPioneerTeam, getProjectPosts } from '@/lib/pioneers/queries';
import { PioneerMemberForm, PioneerPostForm, RemovePioneerMember, RemovePioneerPost } from './pioneer-forms';

/** The zone's pioneer team (兴乡先锋队), and the form for those who may add to it. */
export async function PioneerTeam({ user, zoneId, soeIds }: { user: SessionUser; zoneId: number; soeIds: number[] }) {
  const [t, team] = await Promise.all([getTranslations(), getPioneerTeam(user, zoneId)]);
  if (!team) return null;
  const sides = (['VILLAGE', 'SOE'] as const).filter((side) => can(user, 'pioneer.manageTeam', { zoneId, soeIds, side }));
  return (
    <section aria-labelledby="pioneer-team" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="pioneer-team" className="font-semibold">{t('pioneers.team')}</h2>
      <p className="text-xs text-slate-600">{t('pioneers.teamIntro')}</p>
      {team.length === 0 ? (
        <p className="text-sm text-slate-500">{t('pioneers.noTeam')}</p>
      ) : (
        <DataTable
          rows={team}
          rowKey={(m) => m.id}
          columns={[
            { label: t('pioneers.name'), cell: (m) => <>{m.name}{m.isSample && <SampleTag />}</> },
            { label: t('pioneers.side'), cell: (m) => t(`enum.PioneerSide.${m.side}`) },
            { label: t('pioneers.role'), cell: (m) => m.role },
            { label: t('pioneers.posts'), numeric: true, cell: (m) => m.posts },
            ...(team.some((m) => m.canRemove) ? [{ label: t('pioneers.removeMember'), hideLabel: true, cell: (m: (typeof team)[number]) => m.canRemove && <RemovePioneerMember id={m.id} name={m.name} /> }] : []),
          ]}
        />
      )}
      {sides.length > 0 && <PioneerMemberForm zoneId={zoneId} sides={[...sides]} />}
    </section>
  );
}

/** The pioneer posts (兴乡先锋岗) on a project, and the form for its SOE's liaison team and administrators. */
export async function PioneerPosts({ user, projectId }: { user: SessionUser; projectId: number }) {
  const [t, found] = await Promise.all([getTranslations(), getProjectPosts(user, projectId)]);
  if (!found || (found.posts.length === 0 && !found.canAdd)) return null;
  const { posts, team, canAdd, canRemove } = found;
  return (
    <section aria-labelledby="pioneer-posts" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="pioneer-posts" className="font-semibold">{t('pioneers.postsTitle')}</h2>
      {posts.length === 0 ? (
        <p className="text-sm text-slate-500">{t('pioneers.noPosts')}</p>
      ) : (
        <DataTable
          rows={posts}
          rowKey={(p) => p.id}
          columns={[
            { label: t('pioneers.postTitle'), cell: (p) => <>{p.title}{p.isSample && <SampleTag />}</> },
            { label: t('pioneers.member'), cell: (p) => p.name },
            { label: t('pioneers.side'), cell: (p) => t(`enum.PioneerSide.${p.side}`) },
            { label: t('pioneers.role'), cell: (p) => p.role },
            ...(canRemove ? [{ label: t('pioneers.removePost'), hideLabel: true, cell: (p: (typeof posts)[number]) => <RemovePioneerPost id={p.id} title={p.title} /> }] : []),
          ]}
        />
      )}
      {canAdd && (team.length ? <PioneerPostForm projectId={projectId} team={team} /> : <p className="text-sm text-slate-500">{t('pioneers.noTeam')}</p>)}
    </section>
  );
}
