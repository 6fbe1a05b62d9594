import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { AuditPart } from '@/lib/audit/describe';
import { getCatalog } from '@/lib/content/catalog';
import { isLocale } from '@/lib/i18n/locales';

/** One entry's details as labelled words in the page's language. */
export async function AuditDetails({ parts, names }: { parts: AuditPart[]; names: Map<string, string> }) {
  const [t, tPeople, format, locale] = await Promise.all([getTranslations('audit'), getTranslations('people'), getFormatter(), getLocale()]);
  const lang = isLocale(locale) ? locale : 'en';
  if (parts.length === 0) return <>—</>;
  const value = (p: AuditPart) => {
    switch (p.kind) {
      case 'person':
        return names.get(p.userId) ?? t('formerMember');
      case 'module':
        return getCatalog().find((m) => m.id === p.moduleId)?.lessons[lang].frontmatter.title ?? t('unknownModule');
      case 'tiers':
        return p.tiers.map((tier) => t('tierLabel', { tier })).join(', ');
      case 'dueDate':
        return format.dateTime(new Date(`${p.date}T00:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' });
      case 'email':
        return p.email;
      case 'role':
        return tPeople(`roles.${p.role}`);
      case 'name':
        return p.text;
      case 'lms':
        return p.issuer;
    }
  };
  return (
    <ul className="audit-details">
      {parts.map((p, i) => (
        <li key={i}>
          {t(`parts.${p.kind}`)}: {value(p)}
        </li>
      ))}
    </ul>
  );
}
