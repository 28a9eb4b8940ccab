// Runs once when the server starts (Node.js only: the check may end the process).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { requireSessionSecret } = await import('./lib/server/require-secret');
    requireSessionSecret();
  }
}
