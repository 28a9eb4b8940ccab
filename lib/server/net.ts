import net from 'node:net';
import { SetupError } from '../ops/errors';

export function assertPortFree(port: number) {
  return new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new SetupError(`Port ${port} is in use: stop what is using it, or start the portal with PORT=<another port>.`)
          : new SetupError(`Cannot listen on port ${port}: ${error.code ?? error.message}`),
      ),
    );
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

export async function waitForHealthy(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new SetupError(`The portal did not answer ${url} within ${timeoutMs / 1000} s.`);
}
