import type { Pod } from 'kubernetes-types/core/v1';
import { bytesOf, cpuMillis } from '../../lib/quantity';

/** A pod's effective requests as the scheduler counts them: max(sum of containers, each init container). */
export function podRequests(pod: Pod): { cpuMillis: number; memoryBytes: number } {
  let cpu = 0;
  let memory = 0;
  for (const c of pod.spec?.containers ?? []) {
    cpu += cpuMillis(c.resources?.requests?.cpu);
    memory += bytesOf(c.resources?.requests?.memory);
  }
  for (const c of pod.spec?.initContainers ?? []) {
    cpu = Math.max(cpu, cpuMillis(c.resources?.requests?.cpu));
    memory = Math.max(memory, bytesOf(c.resources?.requests?.memory));
  }
  return { cpuMillis: cpu, memoryBytes: memory };
}

/**
 * CPU as people write it: `250m`, `1.5`, `4`.
 * @example formatCpu(1500) // '1.5'
 */
export function formatCpu(millis: number): string {
  if (millis === 0) return '0';
  if (millis % 1000 === 0) return String(millis / 1000);
  if (millis < 1000) return `${Math.round(millis)}m`;
  return (millis / 1000).toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
}

const GI = 1024 ** 3;
const MI = 1024 ** 2;

/**
 * Memory in binary units, short: `128Mi`, `7.8Gi`.
 * @example formatMemory(8 * 1024 ** 3) // '8Gi'
 */
export function formatMemory(bytes: number): string {
  if (bytes === 0) return '0';
  if (bytes >= GI) return `${(bytes / GI).toFixed(1).replace(/\.0$/, '')}Gi`;
  if (bytes >= MI) return `${Math.round(bytes / MI)}Mi`;
  return `${Math.round(bytes / 1024)}Ki`;
}
