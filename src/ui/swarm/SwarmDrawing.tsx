import { useTranslation } from 'react-i18next';
import { useEffect, useMemo, useRef } from 'react';
import { selectNow, selectSpeed, selectSwarm, selectSwarmSelection, selectTraffic } from '../../state/index';
import { buildSwarmView, layoutSwarm, renderSwarm, swarmText, swarmTrafficFlows, swarmTrafficScene, transitionMs, type SwarmView } from '../../viz/index';
import { useApp } from '../hooks/useApp';
import { useMediaQuery } from '../hooks/useMediaQuery';
import { useParticles } from '../hooks/useParticles';
import { useWidth } from '../hooks/useWidth';

/** The swarm's view model: from the snapshot, and the clock's second (ended tasks linger a few seconds). */
export function useSwarmView(): SwarmView | undefined {
  const swarm = useApp(selectSwarm);
  const second = Math.floor(useApp(selectNow) / 1000);
  // The words are part of the view (accessible names): a new language builds it again.
  const words = swarmText();
  return useMemo(() => (swarm ? buildSwarmView(swarm, Math.max(swarm.now, second * 1000)) : undefined), [swarm, second, words]);
}

/**
 * Hosts the Swarm drawing: React renders the `<svg>` and measures its
 * container; `renderSwarm` owns everything inside it.
 */
export function SwarmDrawing({ view, sideBySide = false }: { view: SwarmView; sideBySide?: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const speed = useApp(selectSpeed);
  const selection = useApp(selectSwarmSelection);
  const selectSwarm = useApp((s) => s.selectSwarm);
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const hostRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const trafficRef = useRef<HTMLCanvasElement>(null);
  const traffic = useApp(selectTraffic);
  const width = useWidth(hostRef);

  const layout = useMemo(() => layoutSwarm(view, width, { sideBySide }), [view, width, sideBySide]);
  const selectedKey = selection?.id;
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || width === 0) return;
    renderSwarm(svg, layout, {
      selectedKey,
      durationMs: reducedMotion ? 200 : transitionMs(speed),
      reducedMotion,
      onSelect: (pick) => selectSwarm(pick.key === selectedKey ? undefined : { kind: pick.kind, id: pick.key }),
    });
  }, [language, layout, selectedKey, speed, reducedMotion, selectSwarm, width]);

  // Requests through the routing mesh as particles along its lines (the Kubernetes side's particle layer, which owns its canvas).
  const flows = useMemo(() => swarmTrafficFlows(traffic.swarm ?? []), [traffic]);
  const scene = useMemo(() => (width === 0 ? undefined : swarmTrafficScene(layout, flows, speed, reducedMotion)), [layout, flows, speed, reducedMotion, width]);
  useParticles(trafficRef, scene);

  return (
    <div className="cluster-drawing swarm-drawing" ref={hostRef}>
      <div className="cluster-canvas-host">
        <svg key={language} ref={svgRef} className="kp-cluster kp-swarm" role="group" aria-label={t('swarm.drawing')} />
        <canvas ref={trafficRef} className="kp-swarm-traffic" aria-hidden="true" />
      </div>
    </div>
  );
}
