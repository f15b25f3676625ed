import { useApp } from '../hooks/useApp';

const TRY = 'kubectl create deployment web --image=nginx --replicas=3';

/** What to do when there is nothing to see yet. The button types the command for you. */
export function EmptyState() {
  const runCommand = useApp((s) => s.runCommand);
  return (
    <div className="empty-state">
      <p>
        Apply a Deployment to see pods appear — try: <code>{TRY}</code>
      </p>
      <button type="button" className="button" onClick={() => runCommand(TRY, 'ui')}>
        Run it
      </button>
    </div>
  );
}
