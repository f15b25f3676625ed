/**
 * The Kubernetes release the playground emulates (kubectl and the nodes report it).
 * Its own module so that the app's first chunk can name it without the engine.
 */
export const KUBERNETES_VERSION = 'v1.32.2';
