import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { selectTraffic } from '../../state/index';
import { formatRps, trafficFlows, trafficSummary, type TrafficWords } from '../../viz/index';
import { useApp } from '../hooks/useApp';

const REASONS = ['refused', 'timeout', 'resolve', 'unsupported'] as const;

/**
 * Where requests through Services go, in words (`web: 20 req/s → 3 pods`):
 * what the particles show, for screen readers (a polite live region) and as a
 * caption. Empty while no requests flow.
 */
export function TrafficStatus() {
  const { t } = useTranslation();
  const traffic = useApp(selectTraffic);
  const text = useMemo(() => {
    const words: TrafficWords = {
      toPods: (name, rps, count) => t('traffic.toPods', { name, rps: formatRps(rps), count }),
      failing: (rps) => t('traffic.failing', { rps: formatRps(rps) }),
      allFailing: (name, rps) => t('traffic.allFailing', { name, rps: formatRps(rps) }),
      reason: (kind) => (REASONS.includes(kind as (typeof REASONS)[number]) ? t(`traffic.${kind as (typeof REASONS)[number]}`) : kind),
    };
    return trafficSummary(trafficFlows(traffic.services), words);
  }, [traffic, t]);
  return (
    <p className="traffic-status" role="status" aria-label={t('traffic.label')} title={text || undefined}>
      {text && <span aria-hidden="true">⇢ </span>}
      {text}
    </p>
  );
}
