import { useLayoutEffect, useState } from 'react';

/**
 * Which side of the cluster view a details panel should sit on so that it
 * does not cover what it describes: the side away from the selected element.
 */
export function usePanelSide(kind: 'pod' | 'node', key: string | undefined): 'left' | 'right' {
  const [side, setSide] = useState<'left' | 'right'>('right');
  useLayoutEffect(() => {
    if (!key) return;
    const element = document.querySelector(`.kp-cluster g.${kind}[data-key="${CSS.escape(key)}"]`);
    const body = element?.closest('.cluster-body');
    if (!element || !body) return;
    const box = element.getBoundingClientRect();
    const area = body.getBoundingClientRect();
    setSide(box.left + box.width / 2 > area.left + area.width / 2 ? 'left' : 'right');
  }, [kind, key]);
  return side;
}
