import { randomCode } from '@/lib/admin/tokens';

/** A certificate number such as "KKO-7G3H-Q9X2-M4PB": unguessable, easy to read out and type. */
export function newCertificateId() {
  return `KKO-${randomCode(4)}-${randomCode(4)}-${randomCode(4)}`;
}

export { CERTIFICATE_ID } from '@/db/vocabulary';
