import { serveAttachment } from '../serve';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return serveAttachment((await params).id, true);
}
