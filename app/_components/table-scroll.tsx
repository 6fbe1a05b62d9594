import type { ReactNode } from 'react';

/**
 * A wide table on a phone: it scrolls sideways inside this region (focusable, so a keyboard can
 * scroll it too) while the row headers stay in view. A group, not a region: the section around
 * it is already the landmark named after the table.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="group" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
