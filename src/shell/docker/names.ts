import type { Swarm } from '../../sim/swarm/index';

/**
 * A name for a service created without `--name`, in the style of moby's
 * `namesgenerator` (`adjective_surname`, e.g. `eloquent_hopper`); a short
 * excerpt of its lists, drawn deterministically from the swarm's state.
 */
const LEFT = ['admiring', 'bold', 'brave', 'busy', 'clever', 'dazzling', 'eager', 'ecstatic', 'elegant', 'eloquent', 'festive', 'focused', 'gallant', 'happy', 'jolly', 'keen', 'loving', 'modest', 'nifty', 'quirky', 'serene', 'sharp', 'stoic', 'vigilant', 'wizardly', 'zealous'];
const RIGHT = ['albattani', 'babbage', 'bell', 'curie', 'darwin', 'einstein', 'euclid', 'fermat', 'galileo', 'hopper', 'hypatia', 'kepler', 'lamarr', 'lovelace', 'mayer', 'newton', 'noether', 'pasteur', 'ritchie', 'shannon', 'tesla', 'thompson', 'torvalds', 'turing', 'wozniak', 'yonath'];

export function randomName(swarm: Swarm): string {
  const taken = new Set(swarm.services().map((s) => s.spec.name));
  let i = swarm.services().length * 7 + 3;
  for (;;) {
    const name = `${LEFT[i % LEFT.length]}_${RIGHT[(i * 11) % RIGHT.length]}`;
    if (!taken.has(name)) return name;
    i++;
  }
}
