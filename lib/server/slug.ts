export { SLUG, isSlug } from '@/db/vocabulary';
