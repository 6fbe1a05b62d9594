/**
 * Calls `onSent` once the service worker has sent what was kept offline; asks it to try whenever
 * the browser comes back online. Returns the clean-up.
 */
export function whenOfflineAnswersSent(onSent: () => void): () => void {
  const sw = 'serviceWorker' in navigator ? navigator.serviceWorker : null;
  if (!sw) return () => {};
  const onMessage = (e: MessageEvent) => {
    if ((e.data as { type?: string } | null)?.type === 'synced') onSent();
  };
  const onOnline = () => sw.controller?.postMessage({ type: 'replay' });
  sw.addEventListener('message', onMessage);
  window.addEventListener('online', onOnline);
  return () => {
    sw.removeEventListener('message', onMessage);
    window.removeEventListener('online', onOnline);
  };
}
