/** Runs once when the server starts (Next.js instrumentation hook). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { stampPeerAddress } = await import('./lib/security/peer');
  stampPeerAddress();
  const { installGracefulShutdown } = await import('./lib/lifecycle/shutdown');
  installGracefulShutdown();
}
