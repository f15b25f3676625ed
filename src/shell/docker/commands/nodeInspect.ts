import { finished } from '../../execution';
import type { DockerCommand } from '../command';
import { lookupNode } from '../lookup';
import { nodeJson } from '../printers/inspectJson';
import { nodePretty } from '../printers/nodePretty';

/** `docker node inspect [--pretty] self|NODE [NODE...]`. */
export const nodeInspect: DockerCommand = {
  path: ['node', 'inspect'],
  use: 'docker node inspect [OPTIONS] self|NODE [NODE...]',
  short: 'Display detailed information on one or more nodes',
  args: { min: 1 },
  flags: [{ name: 'pretty', type: 'bool', usage: 'Print the information in a human friendly format' }],
  run({ swarm, flags, args, sink }) {
    const nodes = [];
    for (const ref of args) {
      const n = lookupNode(swarm, ref);
      if ('error' in n) {
        sink.stderr(`${n.error}\n`);
        return finished(1);
      }
      nodes.push(n);
    }
    if (flags.bool('pretty')) sink.stdout(nodes.map(nodePretty).join('\n\n'));
    else sink.stdout(`${JSON.stringify(nodes.map(nodeJson), null, 4)}\n`);
    return finished(0);
  },
};
