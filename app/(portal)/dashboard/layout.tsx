import { requirePermission } from '@/lib/auth/current-user';

// Refused here, above the page's loading skeleton: once that streams, the
// status (200) is sent, and a refusal inside the page could no longer be a 404.
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  await requirePermission('dashboard.read', {});
  return children;
}
