import { KUBERNETES_VERSION } from '../../sim/k8s/index';
import { useApp } from '../hooks/useApp';
import { Logo } from './Logo';
import { SpeedControl } from './SpeedControl';
import { VirtualClock } from './VirtualClock';

/** Product name, playback speed, the virtual clock and Reset. */
export function TopBar() {
  const reset = useApp((s) => s.reset);
  return (
    <header className="topbar">
      <div className="brand">
        <Logo />
        <span className="brand-name">Kubeplay</span>
        <span className="brand-sub">Kubernetes {KUBERNETES_VERSION.replace(/\.\d+$/, '')}, simulated in your browser</span>
      </div>
      <div className="topbar-controls">
        <SpeedControl />
        <VirtualClock />
        <button type="button" className="button" onClick={reset} title="Start again from a fresh default cluster">
          Reset
        </button>
      </div>
    </header>
  );
}
