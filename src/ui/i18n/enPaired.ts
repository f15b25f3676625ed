/** English strings of the side-by-side action bar (part of `en.ts`). */
export const enPaired = {
  both: {
    label: 'Actions on both clusters',
    onBoth: 'On both:',
    short: { deploy: 'Deploy', stopNode: 'Stop a node', startNode: 'Start node', rollOut: 'New image', scale: 'Scale to', rollBack: 'Roll back', traffic: 'Traffic' },
    intro: 'The same voting app on both clusters; each button types one command for each.',
    deploy: 'Deploy on both',
    deployTitle: 'Adds voting-app.yaml and docker-stack.yml to the editor if missing, then runs kubectl apply and docker stack deploy',
    stopNode: 'Stop a node on both',
    startNode: 'Start node on both',
    rollOut: 'Roll out a new image on both',
    replicas: 'Replicas',
    scale: 'Scale to {{count}} on both',
    rollBack: 'Roll back on both',
    traffic: 'Send traffic on both',
    runs: 'Runs: {{commands}}',
    cannot: 'Not now — Kubernetes: {{kubernetes}}; Swarm: {{swarm}}',
    canOnly: '{{side}} only — {{other}}: {{reason}}',
    hide: 'Hide',
    more: 'More',
    less: 'Less',
    brief: {
      deploy: { kubernetes: 'five Deployments and four Services; vote on NodePort 31000 of every node', swarm: 'five services vote_*; vote on port 8080 of every node (routing mesh)' },
      stopNode: { kubernetes: 'NotReady after 50 s; its pods evicted 300 s later and replaced elsewhere', swarm: 'Down 15 s after the last heartbeat; its tasks rescheduled at once' },
      startNode: { kubernetes: 'Ready again; the moved pods stay where they are', swarm: 'Ready again; no task comes back (no rebalancing)' },
      rollOut: { kubernetes: '25 % surge, 25 % unavailable: a new pod starts before an old one stops', swarm: 'stop-first, one task at a time, 5 s monitor before the next' },
      scale: { kubernetes: 'the ReplicaSet adds or removes pods; an HPA could do it by itself', swarm: 'slots filled or emptied at once; Swarm has no autoscaler' },
      rollBack: { kubernetes: 'back to the previous ReplicaSet (any of the last 10)', swarm: 'the previous spec only, stop-first, one task at a time' },
      traffic: { kubernetes: '10 requests/s for 1 min to the vote Service, spread over its ready pods', swarm: '10 requests/s for 1 min to port 8080 of each node in turn, balanced over running tasks' },
    },
    kubernetes: 'Kubernetes',
    swarm: 'Swarm',
    reason: {
      notDeployed: 'the voting app is not deployed',
      noWorkerWithApp: 'no running worker runs the app',
      noStoppedNode: 'no node is stopped',
      nothingToRollBack: 'no previous version to go back to',
      badReplicas: 'replicas must be a whole number from 0 to 20',
      badImage: 'not an image reference',
    },
    caption: {
      deploy: {
        kubernetes: 'kubectl apply creates five Deployments and four Services; the scheduler scores the nodes and spreads the pods. vote is reached through its Service: NodePort 31000 on every node, balanced over the ready pods.',
        swarm: 'docker stack deploy creates the overlay networks and the services vote_*; the spread scheduler puts each task where its service has fewest. vote is reached through the routing mesh: port 8080 on every node.',
      },
      stopNode: {
        kubernetes: 'The node stops heartbeating: NotReady (Unknown) after the 50 s grace period, its pods dropped from Services; evicted 300 s later (the unreachable toleration) and replaced on other nodes.',
        swarm: 'The node is Down 15 s after its last heartbeat (every 5 s) and its tasks are rescheduled at once on the other nodes.',
      },
      startNode: {
        kubernetes: 'The node is Ready again and takes new pods; pods already replaced elsewhere stay there (no rebalancing).',
        swarm: 'The node is Ready again but gets no tasks back: Swarm does not rebalance (docker service update --force would).',
      },
      rollOut: {
        kubernetes: 'RollingUpdate, max surge 25 % (rounded up) and max unavailable 25 % (rounded down): with 2 replicas a new pod starts before each old one stops.',
        swarm: 'update_config: parallelism 1, stop-first — one task is stopped, then its replacement started and watched for the 5 s monitor period before the next.',
      },
      scale: {
        kubernetes: 'The ReplicaSet adds or removes pods at once. A HorizontalPodAutoscaler could do this from CPU use by itself.',
        swarm: 'The orchestrator fills or empties slots at once. Swarm has no autoscaler: scaling is always docker service scale.',
      },
      traffic: {
        kubernetes: 'kubeplay traffic sends 10 requests/s for a minute to the vote Service from inside the cluster; kube-proxy picks a ready pod at random for each. A pod on a stopped node keeps getting requests until it is marked not ready.',
        swarm: 'kubeplay traffic sends 10 requests/s for a minute from outside to port 8080 of every node in turn; the routing mesh balances them round robin over the running tasks. A stopped node does not answer: its share times out.',
      },
      rollBack: {
        kubernetes: 'kubectl rollout undo goes back to the previous ReplicaSet (any of the last 10 revisions), rolled out like any update.',
        swarm: 'docker service rollback swaps in the previous spec (one step back only), with rollback_config: parallelism 1, stop-first.',
      },
    },
  },
};
