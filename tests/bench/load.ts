// A closed-loop load: `concurrency` signed-in users each requesting `path`
// again as soon as the last answer ended, for `seconds`, accepting gzip as
// browsers do. Time to first byte is the first body byte (Next streams the
// page), full render the last. A page that states the moment of its figures
// (data-figures-as-of, data-current: lib/dashboard/cache.ts) is counted as
// behind when they were not current, with how far behind the answer they were.
import http from 'node:http';
import zlib from 'node:zlib';

export type LoadResult = {
  concurrency: number;
  requests: number;
  errors: number;
  rps: number;
  ttfbP50: number;
  ttfbP95: number;
  fullP50: number;
  fullP95: number;
  /** Answers whose figures were not current (a recomputation was running), and the 95th percentile of how old they were. */
  behind: number;
  behindP95: number;
};

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

/** How old the page's figures were when it ended, when it says they were not current; else null. */
function behindBy(body: Buffer, gzip: boolean, endedAt: number): number | null {
  const html = (gzip ? zlib.gunzipSync(body) : body).toString('utf8');
  const match = /data-figures-as-of="([^"]+)" data-current="false"/.exec(html);
  return match ? endedAt - Date.parse(match[1]!) : null;
}

function once(agent: http.Agent, url: URL, cookie: string) {
  return new Promise<{ ttfb: number; full: number; status: number; behind: number | null }>((resolve, reject) => {
    const started = performance.now();
    let ttfb = 0;
    const request = http.get(url, { agent, headers: { cookie, 'accept-encoding': 'gzip' } }, (response) => {
      const chunks: Buffer[] = [];
      response.once('data', () => (ttfb = performance.now() - started));
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const full = performance.now() - started;
        const behind = behindBy(Buffer.concat(chunks), response.headers['content-encoding'] === 'gzip', Date.now());
        resolve({ ttfb, full, status: response.statusCode ?? 0, behind });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

export async function load(base: string, path: string, cookie: string, concurrency: number, seconds: number): Promise<LoadResult> {
  const url = new URL(path, base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const ttfbs: number[] = [];
  const fulls: number[] = [];
  const behind: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const user = async () => {
    while (performance.now() < until) {
      try {
        const r = await once(agent, url, cookie);
        if (r.status !== 200) errors++;
        ttfbs.push(r.ttfb);
        fulls.push(r.full);
        if (r.behind !== null) behind.push(r.behind);
      } catch {
        errors++;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, user));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    concurrency,
    requests: fulls.length,
    errors,
    rps: fulls.length / elapsed,
    ttfbP50: percentile(ttfbs, 50),
    ttfbP95: percentile(ttfbs, 95),
    fullP50: percentile(fulls, 50),
    fullP95: percentile(fulls, 95),
    behind: behind.length,
    behindP95: behind.length ? percentile(behind, 95) : 0,
  };
}
