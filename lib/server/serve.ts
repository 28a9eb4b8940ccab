// The production server: one Next.js process per core (node:cluster), all on
// one port. `next start` runs a single process, which keeps one core busy and
// leaves the rest idle. A worker that dies is replaced. The workers share the
// dashboard's figures through this primary (lib/dashboard/cache.ts).
import cluster from 'node:cluster';
import http from 'node:http';
import os from 'node:os';
import next from 'next';

const port = Number(process.env.PORT ?? 3000);
const workers = Math.max(1, Number(process.env.PORTAL_WORKERS) || os.availableParallelism());

if (cluster.isPrimary) {
  let stopping = false;
  let exitCode = 0;
  // Structured clone, not JSON: the figures the workers share keep their dates.
  cluster.setupPrimary({ serialization: 'advanced' });
  for (let i = 0; i < workers; i++) cluster.fork();
  // One worker's dashboard figures reach the others (lib/dashboard/cache.ts): each write is counted once, not once per worker.
  cluster.on('message', (from, message: { portalFigures?: unknown } | null) => {
    if (message?.portalFigures === undefined) return;
    for (const worker of Object.values(cluster.workers ?? {})) if (worker && worker !== from && worker.isConnected()) worker.send(message);
  });
  const listening = new Set<number>();
  cluster.on('listening', (worker) => listening.add(worker.id));
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
      return;
    }
    // One that never started would fail again: stop rather than loop.
    if (!listening.has(worker.id)) {
      console.error(`A portal worker could not start (${signal ?? code}).`);
      exitCode = 1;
      stop();
      return;
    }
    console.error(`Portal worker ${worker.process.pid} ended (${signal ?? code}); starting another.`);
    cluster.fork();
  });
  function stop() {
    if (stopping) return;
    stopping = true;
    const alive = Object.values(cluster.workers ?? {});
    if (alive.length === 0) process.exit(exitCode);
    for (const worker of alive) worker?.process.kill('SIGTERM');
    setTimeout(() => process.exit(exitCode), 1_800).unref();
  }
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} else {
  const app = next({ dev: false, dir: process.cwd(), port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((request, response) => void handle(request, response));
  server.listen(port);
  // The primary decides when to stop; Ctrl-C in a terminal reaches every process.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    // Requests still running after 1.5 s (a stalled database) are cut: Ctrl-C must not wait on them.
    setTimeout(() => process.exit(0), 1_500).unref();
  });
}
