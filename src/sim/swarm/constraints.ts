import type { SwarmNode } from './types';

/** A placement constraint (`node.labels.zone==a`), SwarmKit `manager/constraint`. */
export interface Constraint {
  key: string;
  operator: '==' | '!=';
  value: string;
}

/** Parses `--constraint` expressions; returns an error string as SwarmKit's control API words it. */
export function parseConstraints(exprs: readonly string[]): Constraint[] | string {
  const out: Constraint[] = [];
  for (const e of exprs) {
    const m = /^\s*([^=!\s]+)\s*(==|!=)\s*(.*?)\s*$/.exec(e);
    if (!m || m[3] === '') return `constraint expected one operator from ==, !=`;
    out.push({ key: m[1], operator: m[2] as '==' | '!=', value: m[3] });
  }
  return out;
}

/** The node's value for a constraint key, or undefined when it has none. */
function nodeValue(node: SwarmNode, key: string): string | undefined {
  const k = key.toLowerCase();
  if (k === 'node.id') return node.id;
  if (k === 'node.hostname') return node.description.hostname;
  if (k === 'node.role') return node.spec.role;
  if (k === 'node.platform.os') return node.description.platform.os;
  if (k === 'node.platform.arch') return node.description.platform.architecture;
  if (k.startsWith('node.labels.')) return node.spec.labels[key.slice('node.labels.'.length)];
  return undefined;
}

/** SwarmKit `constraint.NodeMatches`: every constraint holds (values compare case-insensitively, labels too). */
export function nodeMatches(constraints: readonly Constraint[], node: SwarmNode): boolean {
  return constraints.every((c) => {
    const v = nodeValue(node, c.key);
    const eq = v !== undefined && v.toLowerCase() === c.value.toLowerCase();
    return c.operator === '==' ? eq : !eq;
  });
}
