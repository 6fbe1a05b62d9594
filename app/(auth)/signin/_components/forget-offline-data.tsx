'use client';

import { useEffect } from 'react';

/**
 * The sign-in page is where a sign-out lands (inside the action's own response, which the
 * service worker does not see): it asks the worker to drop the last teacher's saved pages and
 * anything they left unsent, so the next person on this device gets none of it.
 */
export function ForgetOfflineData() {
  useEffect(() => {
    if ('serviceWorker' in navigator) navigator.serviceWorker.controller?.postMessage({ type: 'forget' });
  }, []);
  return null;
}
