import type { ReactNode } from 'react';

/**
 * A wide table on a phone: it scrolls sideways inside this region (focusable, so a keyboard can
 * scroll it too) while the row headers stay in view.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
