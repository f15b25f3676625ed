import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SchedulingDecision } from '../../sim/k8s/index';
import { selectSnapshot } from '../../state/index';
import { useApp } from '../hooks/useApp';
import { withEmphasis } from '../i18n/emphasis';

type Preemption = NonNullable<SchedulingDecision['preemption']>;

/** `0` or `0–500`: the victims' priorities as one span. */
function priorityRange(priorities: readonly number[]): string {
  if (priorities.length === 0) return '?';
  const low = Math.min(...priorities);
  const high = Math.max(...priorities);
  return low === high ? String(low) : `${low}–${high}`;
}

/**
 * What DefaultPreemption did for the pod: the lower-priority pods it evicted
 * on the nominated node (each selectable while it still exists), and whether
 * the pod is still waiting there for them to go or has been bound.
 */
export function PreemptionNote({ preemption, boundTo }: { preemption: Preemption; boundTo: string | undefined }) {
  const { t } = useTranslation();
  const snapshot = useApp(selectSnapshot);
  const select = useApp((s) => s.select);
  const selectNode = useApp((s) => s.selectNode);
  const { nominatedNode, victims, victimPriorities, priority } = preemption;
  const waiting = boundTo === undefined;
  const titleId = useId();
  return (
    <section className="preemption" aria-labelledby={titleId}>
      <h4 id={titleId}>
        {withEmphasis(t('scheduling.preempted', { count: victims.length, node: nominatedNode, victim: priorityRange(victimPriorities), priority }))}
      </h4>
      <ul className="preemption-victims" aria-label={t('scheduling.victims')}>
        {victims.map((key, i) => {
          const slash = key.indexOf('/');
          const namespace = key.slice(0, slash);
          const name = key.slice(slash + 1);
          const pod = snapshot.pods.find((p) => p.metadata?.name === name && (p.metadata?.namespace ?? 'default') === namespace);
          const state = pod ? (snapshot.podStatus[key] ?? pod.status?.phase ?? 'Unknown') : t('scheduling.victimGone');
          return (
            <li key={key}>
              {pod ? (
                <button type="button" className="link-button" onClick={() => select({ kind: 'Pod', name, namespace })}>
                  {name}
                </button>
              ) : (
                <span className="mono">{name}</span>
              )}{' '}
              <span className="muted">
                {t('scheduling.victimPriority', { priority: victimPriorities[i] ?? '?' })} · {state}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="preemption-nominated">
        {t('scheduling.nominatedNode')}{' '}
        <button type="button" className="link-button mono" onClick={() => selectNode(nominatedNode)}>
          {nominatedNode}
        </button>
        {' — '}
        {waiting ? t('scheduling.waitingForVictims') : boundTo === nominatedNode ? t('scheduling.boundToNominated') : t('scheduling.boundElsewhere', { node: boundTo })}
      </p>
    </section>
  );
}
