import { useTranslation } from 'react-i18next';
import { selectStarted, type ActiveLesson } from '../../state/index';
import { useApp } from '../hooks/useApp';

/**
 * The step's check, live: grey and waiting until the cluster (or the answer) satisfies it, then
 * green by itself. The commands it runs, with what they printed and each expectation's ✓ or ✗,
 * are one click away — the learner can type the same commands.
 */
export function CheckStatus({ active, hasCheck, hasQuiz }: { active: ActiveLesson; hasCheck: boolean; hasQuiz: boolean }) {
  const { t } = useTranslation();
  const started = useApp(selectStarted);
  const pass = active.satisfied;
  const quizOnly = hasQuiz && !hasCheck;
  const result = active.check;
  const text = pass
    ? quizOnly
      ? t('lessons.quizPass')
      : t('lessons.checkPass')
    : !started && hasCheck
      ? t('lessons.checkStarting')
      : hasQuiz && (!hasCheck || result?.pass)
        ? active.picks.length === 0
          ? hasCheck
            ? t('lessons.checkQuizLeft')
            : t('lessons.quizPending')
          : t('lessons.quizWrong')
        : t('lessons.checkWaiting');
  return (
    <div className={`lesson-check ${pass ? 'pass' : 'waiting'}`} data-state={pass ? 'pass' : 'waiting'}>
      <div role="status" aria-label={t('lessons.check')} className="lesson-check-line">
        <span className="lesson-check-icon" aria-hidden="true">
          {pass ? '✓' : '○'}
        </span>
        <span>
          <strong>{t('lessons.check')}:</strong> {text}
        </span>
      </div>
      {result && (
        <details className="lesson-check-details">
          <summary>{t('lessons.checkDetails')}</summary>
          {result.probes.map((p, i) => (
            <div key={i} className="lesson-probe">
              <code className="lesson-probe-command">$ {p.command}</code>
              {(p.stdout + p.stderr).trim() !== '' && <pre className="lesson-probe-output">{(p.stdout + p.stderr).trimEnd()}</pre>}
              <ul className="lesson-expectations">
                {p.problem && <li className="fail">✗ {p.problem}</li>}
                {p.expectations.map((e, j) => (
                  <li key={j} className={e.pass ? 'pass' : 'fail'}>
                    <span aria-hidden="true">{e.pass ? '✓' : '✗'}</span> <code>{e.text}</code>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </details>
      )}
    </div>
  );
}
