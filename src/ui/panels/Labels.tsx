import { useTranslation } from 'react-i18next';
/** An object's labels as `key=value` chips. */
export function Labels({ labels }: { labels: Readonly<Record<string, string>> | undefined }) {
  const { t } = useTranslation();
  const entries = Object.entries(labels ?? {});
  if (entries.length === 0) return <span className="muted">{t('common.none')}</span>;
  return (
    <ul className="labels" aria-label={t('common.labels')}>
      {entries.map(([k, v]) => (
        <li key={k} className="label-chip">
          {k}={v}
        </li>
      ))}
    </ul>
  );
}
