/**
 * The Kubernetes release the playground emulates (kubectl and the nodes report it).
 * Its own module so that the app's first chunk can name it without the engine.
 */
export const KUBERNETES_VERSION = 'v1.32.2';

/** The server's `/version` answer (`version.Info`) for a release `v1.32.2`. */
export function versionInfo(version: string): Record<string, string> {
  const m = /^v(\d+)\.(\d+)\.(\d+)/.exec(version) ?? ['', '1', '32', '0'];
  return {
    major: m[1],
    minor: m[2],
    gitVersion: version,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2025-02-12T21:26:09Z',
    goVersion: 'go1.23.6',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

/** The API server's address as the nodes and the kubeconfig reach it (the control-plane node's, port 6443). */
export const API_SERVER_ADDRESS = '172.18.0.2:6443';

/** The Linux kernel of the machines the nodes run on (`nodeInfo.kernelVersion`; what a container's `uname -r` and nginx's start-up log name). */
export const NODE_KERNEL = '6.8.0-51-generic';
