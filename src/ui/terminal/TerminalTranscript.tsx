import { selectTranscript } from '../../state/index';
import { useApp } from '../hooks/useApp';

/**
 * The terminal's transcript as text, for screen readers and tests: a region
 * named "Terminal output" with every command echo and its whole output (the
 * last lines the store keeps, not only what xterm shows on screen).
 */
export function TerminalTranscript() {
  const lines = useApp(selectTranscript);
  return (
    <section className="sr-only" aria-label="Terminal output" aria-live="polite" aria-relevant="additions">
      <pre>
        {lines.map((line) => (
          <span key={line.id}>{`${line.text}\n`}</span>
        ))}
      </pre>
    </section>
  );
}
