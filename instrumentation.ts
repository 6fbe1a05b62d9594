export async function register() {
  // Next's own flags, inlined at build time so the edge build drops the import below: they stay here
  // rather than in env.ts, which validates the configuration (and needs Node) inside startServerOrExit.
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startServerOrExit } = await import('@/lib/server/startup');
  await startServerOrExit();
}
