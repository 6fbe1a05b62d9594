/**
 * Forms that carry a secret post to a server action, so they work before the page has
 * hydrated (or without JavaScript) and never put a password in an address. The hydrated form
 * adds this field; the action then answers with data for the page to act on instead of a
 * redirect, which a page without script needs.
 */
export const ENHANCED_FIELD = 'enhanced';

export function isEnhanced(data: FormData) {
  return data.get(ENHANCED_FIELD) === '1';
}

/** The form's values as FormData, marked as sent by the hydrated page. */
export function enhancedFormData(form: HTMLFormElement) {
  const data = new FormData(form);
  data.set(ENHANCED_FIELD, '1');
  return data;
}

/** A single text field of a posted form ('' when absent or a file). */
export function formString(data: FormData, name: string) {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}
