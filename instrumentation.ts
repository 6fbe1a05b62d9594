export async function register() {
  // Next's own flags, inlined at build time so the edge build drops the imports below: they stay here
  // rather than in env.ts, which validates the configuration (and needs Node).
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  // Checked before any module that reads the configuration is loaded, so that a bad value stops the
  // server with its name instead of failing the import of whatever read it first.
  const { checkEnvOrExit } = await import('@/env');
  checkEnvOrExit();
  const { startServerOrExit } = await import('@/lib/server/startup');
  await startServerOrExit();
}
