import { describe, expect, it } from 'vitest';
import { SolutionError, expandVariables, playSolution } from './playSolution';
import type { SolutionAction } from './types';

describe('playSolution', () => {
  it('runs commands in order, writes files, and expands $NAME from NAME=$(command)', async () => {
    const ran: string[] = [];
    const written: string[] = [];
    const actions: SolutionAction[] = [
      { type: 'file', name: 'web.yaml', content: 'kind: Deployment\n', sourceLine: 1 },
      { type: 'capture', variable: 'POD', command: 'kubectl get pods -o name', sourceLine: 2 },
      { type: 'command', line: 'kubectl delete ${POD} --wait=false', sourceLine: 3 },
    ];
    const result = await playSolution(actions, {
      run: async (line) => {
        ran.push(line);
        return { stdout: line.startsWith('kubectl get') ? 'pod/web-1\n' : '', exitCode: 0 };
      },
      writeFile: (name) => void written.push(name),
    });
    expect(written).toEqual(['web.yaml']);
    expect(ran).toEqual(['kubectl get pods -o name', 'kubectl delete pod/web-1 --wait=false']);
    expect(result).toEqual(ran);
  });

  it('stops with a SolutionError when a capture prints nothing', async () => {
    const play = playSolution([{ type: 'capture', variable: 'POD', command: 'kubectl get pods -o name', sourceLine: 1 }, { type: 'command', line: 'kubectl delete $POD', sourceLine: 2 }], {
      run: async () => ({ stdout: '', exitCode: 0 }),
      writeFile: () => undefined,
    });
    await expect(play).rejects.toThrow(new SolutionError('POD=$(kubectl get pods -o name) gave nothing (exit 0)'));
  });

  it('refuses a variable that was never captured', () => {
    expect(() => expandVariables('kubectl delete pod $POD', new Map())).toThrow('$POD is used before a line POD=$(…) sets it');
    expect(expandVariables("kubectl get pods -o jsonpath='{.items[0]}'", new Map())).toBe("kubectl get pods -o jsonpath='{.items[0]}'");
  });
});
