import { useTranslation } from 'react-i18next';
import { useEffect, useMemo, useRef } from 'react';
import { selectSelectedNode, selectSelectedPod, selectSelection, selectSnapshot, selectSpeed, selectTraffic } from '../../state/index';
import { layoutCluster, noteLines, renderCluster, setPodViewport, summarizeActivity, trafficFlows, trafficScene, transitionMs, type PlacedWorkload } from '../../viz/index';
import { useApp } from '../hooks/useApp';
import { useMediaQuery } from '../hooks/useMediaQuery';
import { useParticles } from '../hooks/useParticles';
import { useWidth } from '../hooks/useWidth';
import { keepInView } from './keepInView';
import { clusterViewOf, workloadsViewOf } from './useClusterView';
import './cluster.css';

/**
 * Hosts the d3 drawing: React renders the `<svg>` element and measures its
 * container; `renderCluster` owns everything inside the SVG. Side by side,
 * the layout makes the drawing compact (the layout decides how).
 */
export function ClusterDrawing({ sideBySide = false }: { sideBySide?: boolean } = {}) {
  const { t, i18n } = useTranslation();
  // The drawing's words follow the language (ui/i18n hands them to viz/): a new language redraws the SVG.
  const language = i18n.resolvedLanguage ?? i18n.language;
  const snapshot = useApp(selectSnapshot);
  const selected = useApp(selectSelectedPod);
  const speed = useApp(selectSpeed);
  const selectPod = useApp((s) => s.selectPod);
  const selectedNode = useApp(selectSelectedNode);
  const selectNode = useApp((s) => s.selectNode);
  const selection = useApp(selectSelection);
  const select = useApp((s) => s.select);
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const hostRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const podsRef = useRef<HTMLCanvasElement>(null);
  const fxRef = useRef<SVGSVGElement>(null);
  const trafficRef = useRef<HTMLCanvasElement>(null);
  const traffic = useApp(selectTraffic);
  const width = useWidth(hostRef);
  /** The selection and width last kept in view. */
  const shown = useRef<{ target: string | undefined; width: number }>({ target: undefined, width: 0 });

  // The pods' canvas covers only what the scroller shows: it follows the scroll and the size of the view.
  useEffect(() => {
    const host = hostRef.current;
    const canvas = podsRef.current;
    if (!host || !canvas) return;
    const follow = () => setPodViewport(canvas, { x: host.scrollLeft, y: host.scrollTop, width: host.clientWidth, height: host.clientHeight });
    follow();
    host.addEventListener('scroll', follow, { passive: true });
    const observer = new ResizeObserver(follow);
    observer.observe(host);
    return () => {
      host.removeEventListener('scroll', follow);
      observer.disconnect();
    };
  }, []);

  const view = clusterViewOf(snapshot);
  const workloads = workloadsViewOf(snapshot);
  const layout = useMemo(() => layoutCluster(view, width, workloads, { sideBySide }), [view, width, workloads, sideBySide]);
  const selectedWorkloadKey =
    selection?.kind === 'Deployment' || selection?.kind === 'Service' ? `${selection.kind.toLowerCase()}:${selection.namespace ?? 'default'}/${selection.name}` : undefined;
  const activity = useMemo(() => {
    const where = new Map<string, string>();
    for (const n of view.nodes) for (const p of n.pods) where.set(p.key, n.key);
    const world = { nodes: view.nodes.map((n) => n.key), nodeOfPod: (key: string) => where.get(key) };
    return { summary: summarizeActivity(snapshot.activity, world), version: snapshot.version };
  }, [snapshot, view]);
  const note = useMemo(() => noteLines(snapshot.notes).at(-1), [snapshot.notes]);
  const selectedKey = selected ? `${selected.namespace}/${selected.name}` : undefined;

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || width === 0) return;
    renderCluster(svg, layout, {
      selectedKey,
      durationMs: reducedMotion ? 200 : transitionMs(speed),
      speed,
      reducedMotion,
      note,
      activity,
      canvas: canvasRef.current,
      podCanvas: podsRef.current,
      fx: fxRef.current,
      onSelect: (key) => {
        const slash = key.indexOf('/');
        const pod = { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
        selectPod(key === selectedKey ? undefined : pod);
      },
      selectedNodeKey: selectedNode,
      onSelectNode: (key) => selectNode(key === selectedNode ? undefined : key),
      selectedWorkloadKey,
      onSelectWorkload: (w: PlacedWorkload) => {
        const kind = w.kind === 'deployment' ? 'Deployment' : 'Service';
        select(w.key === selectedWorkloadKey ? undefined : { kind, namespace: w.view.namespace, name: w.view.name });
      },
    });
    // The inspector opening narrows the drawing and pushes the cards down: keep the selected pod's node card (or the selected node) in view.
    const target = selectedKey ?? selectedNode;
    const host = hostRef.current;
    if (target && host && (shown.current.target !== target || shown.current.width !== width)) {
      const nodeKey = selectedKey ? layout.pods.find((p) => p.pod.key === selectedKey)?.nodeKey : selectedNode;
      const card = nodeKey ? svg.querySelector(`g.node[data-key="${CSS.escape(nodeKey)}"]`) : null;
      const pod = selectedKey ? svg.querySelector(`g.pod[data-key="${CSS.escape(selectedKey)}"]`) : null;
      if (card) keepInView(host, card);
      if (pod) keepInView(host, pod);
    }
    shown.current = { target, width };
  }, [language, layout, selectedKey, selectedNode, selectedWorkloadKey, speed, reducedMotion, selectPod, selectNode, select, width, note, activity]);

  // Requests as particles along the Services' lines (the particle layer owns its canvas).
  const flows = useMemo(() => trafficFlows(traffic.services), [traffic]);
  const scene = useMemo(() => (width === 0 ? undefined : trafficScene(layout, flows, speed, reducedMotion)), [layout, flows, speed, reducedMotion, width]);
  useParticles(trafficRef, scene);

  return (
    <div className="cluster-drawing" ref={hostRef}>
      <div className="cluster-canvas-host">
        <svg key={language} ref={svgRef} className="kp-cluster" role="group" aria-label={t('cluster.drawing')} />
        <canvas ref={canvasRef} className="kp-cluster-cells" aria-hidden="true" />
        <canvas ref={podsRef} className="kp-cluster-pods" aria-hidden="true" />
        <canvas ref={trafficRef} className="kp-cluster-traffic" aria-hidden="true" />
        <svg ref={fxRef} className="kp-cluster kp-cluster-fx" aria-hidden="true" focusable="false" />
      </div>
    </div>
  );
}
