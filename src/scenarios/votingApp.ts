/**
 * The same application on both clusters: Docker's example voting app
 * (dockersamples/example-voting-app) as the Kubernetes manifests of its
 * `k8s-specifications/` folder (one file, the Deployments and Services of
 * vote, result, worker, redis and db) and as its `docker-stack.yml`. The
 * stack file is upstream's, byte for byte (`examples/swarm/voting-app__docker-stack.yaml`);
 * the manifests are upstream's with the stack's images, published ports and
 * replica counts, so that the two sides run the same thing.
 */

/** The editor file with the Kubernetes manifests (`kubectl apply -f …`). */
export const VOTING_APP_K8S_FILE = 'voting-app.yaml';
/** The editor file with the stack (`docker stack deploy -c … vote`). */
export const VOTING_APP_STACK_FILE = 'docker-stack.yml';
/** The stack's name: its services are `vote_vote`, `vote_result`, … */
export const VOTING_APP_STACK = 'vote';

const deployment = (name: string, replicas: number, container: string, image: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: ${name}
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - image: ${image}
        name: ${container}
${extra}`;

const service = (name: string, type: 'ClusterIP' | 'NodePort', portName: string, port: number, targetPort: number, nodePort?: number) => `apiVersion: v1
kind: Service
metadata:
  labels:
    app: ${name}
  name: ${name}
spec:
  type: ${type}
  ports:
  - name: "${portName}"
    port: ${port}
    targetPort: ${targetPort}${nodePort === undefined ? '' : `\n    nodePort: ${nodePort}`}
  selector:
    app: ${name}
`;

/** The voting app's Kubernetes manifests: upstream's k8s-specifications in one file, images, ports and replicas as in the stack. */
export const VOTING_APP_MANIFESTS = [
  `# The example voting app (dockersamples/example-voting-app, k8s-specifications/),
# the same application as ${VOTING_APP_STACK_FILE}: same images, the same published
# ports (vote 8080, result 8081; here as NodePort Services 31000 and 31001) and
# the stack's replica counts (vote 2, worker 2).
${deployment('db', 1, 'postgres', 'postgres:15-alpine', `        env:
        - name: POSTGRES_USER
          value: postgres
        - name: POSTGRES_PASSWORD
          value: postgres
        ports:
        - containerPort: 5432
          name: postgres
        volumeMounts:
        - mountPath: /var/lib/postgresql/data
          name: db-data
      volumes:
      - name: db-data
        emptyDir: {}
`)}`,
  service('db', 'ClusterIP', 'db-service', 5432, 5432),
  deployment('redis', 1, 'redis', 'redis:alpine', `        ports:
        - containerPort: 6379
          name: redis
        volumeMounts:
        - mountPath: /data
          name: redis-data
      volumes:
      - name: redis-data
        emptyDir: {}
`),
  service('redis', 'ClusterIP', 'redis-service', 6379, 6379),
  deployment('vote', 2, 'vote', 'dockersamples/examplevotingapp_vote', `        ports:
        - containerPort: 80
          name: vote
`),
  service('vote', 'NodePort', 'vote-service', 8080, 80, 31000),
  deployment('result', 1, 'result', 'dockersamples/examplevotingapp_result', `        ports:
        - containerPort: 80
          name: result
`),
  service('result', 'NodePort', 'result-service', 8081, 80, 31001),
  deployment('worker', 2, 'worker', 'dockersamples/examplevotingapp_worker'),
].join('---\n');

/** Upstream's docker-stack.yml, unchanged. */
export const VOTING_APP_STACK_YAML = `# this file is meant for Docker Swarm stacks only
# trying it in compose will fail because of multiple replicas trying to bind to the same port
# Swarm currently does not support Compose Spec, so we'll pin to the older version 3.9

version: "3.9"

services:

  redis:
    image: redis:alpine
    networks:
      - frontend

  db:
    image: postgres:15-alpine
    environment:
      POSTGRES_USER: "postgres"
      POSTGRES_PASSWORD: "postgres"
    volumes:
      - db-data:/var/lib/postgresql/data
    networks:
      - backend

  vote:
    image: dockersamples/examplevotingapp_vote
    ports:
      - 8080:80
    networks:
      - frontend
    deploy:
      replicas: 2

  result:
    image: dockersamples/examplevotingapp_result
    ports:
      - 8081:80
    networks:
      - backend

  worker:
    image: dockersamples/examplevotingapp_worker
    networks:
      - frontend
      - backend
    deploy:
      replicas: 2

networks:
  frontend:
  backend:

volumes:
  db-data:
`;

/** Both files, by editor file name. */
export const VOTING_APP_FILES: Readonly<Record<string, string>> = {
  [VOTING_APP_K8S_FILE]: VOTING_APP_MANIFESTS,
  [VOTING_APP_STACK_FILE]: VOTING_APP_STACK_YAML,
};

/** The two commands that deploy it: on Kubernetes, then on the swarm. */
export const DEPLOY_VOTING_APP = {
  kubernetes: `kubectl apply -f ${VOTING_APP_K8S_FILE}`,
  swarm: `docker stack deploy -c ${VOTING_APP_STACK_FILE} ${VOTING_APP_STACK}`,
} as const;
