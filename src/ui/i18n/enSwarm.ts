/** English strings of the Swarm view and the view modes (part of `en.ts`). */
export const enSwarm = {
  viewMode: {
    kubernetes: 'Kubernetes',
    swarm: 'Swarm',
    sideBySide: 'Side by side',
    kubernetesTitle: 'Show the Kubernetes cluster',
    swarmTitle: 'Show the Docker Swarm beside it (the swarm the docker commands use)',
    sideBySideTitle: 'Show the Kubernetes cluster and the Docker Swarm next to each other',
  },
  swarm: {
    heading: 'Docker Swarm',
    drawing: 'Docker Swarm: managers, workers, services and tasks',
    starting: 'Starting the swarm…',
    summary_one: '{{count}} node · {{services}} services · {{tasks}} running tasks',
    summary_other: '{{count}} nodes · {{services}} services · {{tasks}} running tasks',
    empty: 'No services yet. Try'
  },
};
