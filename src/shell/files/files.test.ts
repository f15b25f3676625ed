import { describe, expect, it } from 'vitest';
import { createCluster } from '../../sim/k8s/index';
import { createShell } from '../index';
import { memoryFiles } from '../memoryFiles';
import { layoutColumns } from './columns';
import { resolvePath } from './paths';

/** A shell over in-memory files (as the browser's editor keeps them), and what each line printed. */
function harness(initial: Record<string, string> = {}) {
  const files: Record<string, string> = { ...initial };
  const cluster = createCluster({ seed: 1 });
  const shell = createShell({
    cluster,
    files: memoryFiles(
      () => files,
      (name, text) => ((files[name] = text), undefined),
      (name) => delete files[name],
    ),
  });
  const complete = (line: string) => shell.complete(line, line.length);
  const run = (line: string) => {
    let stdout = '';
    let stderr = '';
    const exec = shell.run(line, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { stdout, stderr, code: exec.exitCode };
  };
  return { files, run, cluster, complete };
}

const NAMES = ['a.txt', 'base', 'configmap-with-long-name.yaml', 'deployment.yaml', 'ingress.yaml', 'kustomization.yaml', 'overlays', 'pod.yaml', 'rbac.yaml', 'secret.yaml', 'service.yaml', 'web.yaml'];

describe('ls lays names out as GNU ls 9.1 does on an 80-column terminal', () => {
  // Each expected text was printed by GNU coreutils 9.1 (`COLUMNS=80 LC_ALL=C ls -C`) for the same names.
  it('down the columns, aligned with tabs of 8 where a tab reaches', () => {
    expect(layoutColumns(NAMES)).toBe(
      'a.txt\t\t\t       deployment.yaml\t   overlays   secret.yaml\n' + 'base\t\t\t       ingress.yaml\t   pod.yaml   service.yaml\n' + 'configmap-with-long-name.yaml  kustomization.yaml  rbac.yaml  web.yaml\n',
    );
  });

  it('thirty names in as many columns as fit', () => {
    const names = Array.from({ length: 30 }, (_, i) => `file-${i + 1}.yaml`).sort();
    expect(layoutColumns(names).split('\n')[0]).toBe('file-1.yaml   file-15.yaml  file-20.yaml  file-26.yaml\tfile-4.yaml');
    expect(layoutColumns(names).split('\n')[4]).toBe('file-13.yaml  file-19.yaml  file-24.yaml  file-3.yaml\tfile-8.yaml');
  });

  it('across with -x', () => {
    expect(layoutColumns(NAMES, 80, true)).toBe('a.txt\t\t base\t       configmap-with-long-name.yaml\n' + 'deployment.yaml  ingress.yaml  kustomization.yaml\n' + 'overlays\t pod.yaml      rbac.yaml\n' + 'secret.yaml\t service.yaml  web.yaml\n');
  });

  it('short names on one line', () => {
    expect(layoutColumns(['a', 'bb', 'ccc'])).toBe('a  bb  ccc\n');
  });
});

describe('paths from the working folder', () => {
  it('resolves relative, absolute and ~ paths inside the home folder, and nothing outside it', () => {
    expect(resolvePath('overlays/dev', '../../base')).toBe('base');
    expect(resolvePath('', './web.yaml')).toBe('web.yaml');
    expect(resolvePath('base', '/home/learner/web.yaml')).toBe('web.yaml');
    expect(resolvePath('base', '~')).toBe('');
    expect(resolvePath('base', '~/overlays//dev/')).toBe('overlays/dev');
    expect(resolvePath('', '..')).toBeUndefined();
    expect(resolvePath('', '/etc/hosts')).toBeUndefined();
  });
});

describe('files and folders at the prompt', () => {
  it('mkdir, cd and pwd move through folders; a file written there lands in it', () => {
    const { run, files } = harness({ 'web.yaml': 'x\n' });
    expect(run('mkdir -p overlays/dev base').code).toBe(0);
    expect(run('cd overlays/dev').code).toBe(0);
    expect(run('pwd').stdout).toBe('/home/learner/overlays/dev\n');
    run('echo "resources: [../../base]" > kustomization.yaml');
    expect(files['overlays/dev/kustomization.yaml']).toBe('resources: [../../base]\n');
    expect(run('cd -').stdout).toBe('/home/learner\n');
    expect(run('cd').code).toBe(0);
    expect(run('pwd').stdout).toBe('/home/learner\n');
  });

  it('ls lists files and folders in columns on the terminal and one per line into a pipe', () => {
    const { run } = harness({ 'web.yaml': '', 'a.yaml': '', 'base/k.yaml': '' });
    expect(run('ls').stdout).toBe('a.yaml\tbase  web.yaml\n');
    expect(run('ls | cat').stdout).toBe('a.yaml\nbase\nweb.yaml\n');
    expect(run('ls -F base .').stdout).toBe('.:\na.yaml\tbase/  web.yaml\n\nbase:\nk.yaml\n');
    expect(run('ls nope web.yaml')).toEqual({ stdout: 'web.yaml\n', stderr: "ls: cannot access 'nope': No such file or directory\n", code: 2 });
    run('touch "my file" "it\'s"');
    expect(run('ls').stdout).toBe(` a.yaml   base\t"it's"\t'my file'   web.yaml\n`);
    expect(run('ls -z').stderr).toBe("ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n");
  });

  it('ls -l shows sizes in bytes, the learner as owner and the virtual time of the last change', () => {
    const { run, cluster } = harness({ 'web.yaml': 'apiVersion: v1\n' });
    cluster.advance(3_600_000);
    run('mkdir base');
    expect(run('ls -l').stdout).toBe('total 8\n' + 'drwxr-xr-x 2 learner learner 4096 Mar  1 10:00 base\n' + '-rw-r--r-- 1 learner learner   15 Mar  1 09:00 web.yaml\n');
    expect(run('ls -lt | head -2').stdout).toBe('total 8\ndrwxr-xr-x 2 learner learner 4096 Mar  1 10:00 base\n');
  });

  it('rm, rmdir, cp and mv say what GNU coreutils says', () => {
    const { run, files } = harness({ 'web.yaml': 'w\n', 'base/a.yaml': 'a\n' });
    expect(run('rm base').stderr).toBe("rm: cannot remove 'base': Is a directory\n");
    expect(run('rmdir base').stderr).toBe("rmdir: failed to remove 'base': Directory not empty\n");
    expect(run('rm nope').stderr).toBe("rm: cannot remove 'nope': No such file or directory\n");
    expect(run('rm -f nope').code).toBe(0);
    expect(run('rm').stderr).toBe("rm: missing operand\nTry 'rm --help' for more information.\n");
    expect(run('cp base b2').stderr).toBe("cp: -r not specified; omitting directory 'base'\n");
    expect(run('cp -rv base b2').stdout).toBe("'base' -> 'b2'\n'base/a.yaml' -> 'b2/a.yaml'\n");
    expect(files['b2/a.yaml']).toBe('a\n');
    expect(run('cp web.yaml web.yaml').stderr).toBe("cp: 'web.yaml' and 'web.yaml' are the same file\n");
    expect(run('mv -v web.yaml base').stdout).toBe("renamed 'web.yaml' -> 'base/web.yaml'\n");
    expect(files['web.yaml']).toBeUndefined();
    expect(files['base/web.yaml']).toBe('w\n');
    expect(run('mv base base/inner').stderr).toBe("mv: cannot move 'base' to a subdirectory of itself, 'base/inner'\n");
    expect(run('rm -rv b2').stdout).toBe("removed 'b2/a.yaml'\nremoved directory 'b2'\n");
    expect(run('rm -r .').stderr).toBe("rm: refusing to remove '.' or '..' directory: skipping '.'\n");
    expect(run('mkdir web.yaml base').stderr).toBe("mkdir: cannot create directory 'base': File exists\n");
    expect(run('mkdir a/b').stderr).toBe("mkdir: cannot create directory 'a/b': No such file or directory\n");
    expect(run('touch q/r').stderr).toBe("touch: cannot touch 'q/r': No such file or directory\n");
  });

  it('a folder emptied by rm stays a folder; cd into a file or nowhere fails as bash says', () => {
    const { run } = harness({ 'base/a.yaml': 'a\n' });
    run('rm base/a.yaml');
    expect(run('ls -F').stdout).toBe('base/\n');
    expect(run('cd base/a.yaml').stderr).toBe('bash: cd: base/a.yaml: No such file or directory\n');
    run('touch f');
    expect(run('cd f').stderr).toBe('bash: cd: f: Not a directory\n');
    expect(run('cd ..').stderr).toContain('not simulated');
  });

  it('kubectl reads files from the working folder: a kustomize overlay applies from its own folder', () => {
    const { run } = harness({
      'base/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx}]}\n',
      'base/kustomization.yaml': 'resources: [deploy.yaml]\n',
      'overlays/dev/kustomization.yaml': 'resources: [../../base]\nnamePrefix: dev-\n',
    });
    run('cd overlays/dev');
    expect(run('kubectl apply -k .').stdout).toBe('deployment.apps/dev-web created\n');
    expect(run('kubectl apply -f ../../base/deploy.yaml').stdout).toBe('deployment.apps/web created\n');
    run('cd ~');
    expect(run('kubectl get -k overlays/dev -o name').stdout).toBe('deployment.apps/dev-web\n');
  });

  it('tab completes paths as bash does: folders with their slash, cd only into folders, kubectl -f and -k too', () => {
    const { run, complete } = harness({ 'web.yaml': '', 'base/kustomization.yaml': '', 'base/deploy.yaml': '', 'overlays/dev/kustomization.yaml': '' });
    expect(complete('cd ')).toEqual(['base/', 'overlays/']);
    expect(complete('ls b')).toEqual(['base/']);
    expect(complete('cat base/k')).toEqual(['base/kustomization.yaml']);
    expect(complete('kubectl apply -f w')).toEqual(['web.yaml']);
    expect(complete('kubectl apply -k overlays/')).toEqual(['overlays/dev/']);
    run('cd overlays');
    expect(complete('ls ../b')).toEqual(['../base/']);
    expect(complete('mk')).toEqual(['mkdir']);
  });

  it('expands an unquoted ~ at the start of a word to the home folder, as bash does', () => {
    const { run } = harness({ 'base/a.yaml': '' });
    expect(run('echo ~ ~/base "~" a~ \'~/x\'').stdout).toBe('/home/learner /home/learner/base ~ a~ ~/x\n');
    run('cd base');
    expect(run('ls ~').stdout).toBe('base\n');
    run('echo hi > ~/note.txt');
    expect(run('cat ../note.txt').stdout).toBe('hi\n');
  });

  it('mv renames a file in place when the host can (the editor keeps its tab), overwriting what is there', () => {
    const files: Record<string, string> = { 'web.yaml': 'w\n', 'old.yaml': 'o\n' };
    const renames: string[] = [];
    const shell = createShell({
      cluster: createCluster({ seed: 1 }),
      files: memoryFiles(
        () => files,
        (name, text) => ((files[name] = text), undefined),
        (name) => delete files[name],
        (from, to) => {
          renames.push(`${from}->${to}`);
          files[to] = files[from];
          delete files[from];
          return undefined;
        },
      ),
    });
    const run = (line: string) => shell.run(line, { stdout: () => {}, stderr: () => {} });
    run('mkdir base');
    run('mv web.yaml base/');
    run('mv base/web.yaml old.yaml');
    expect(renames).toEqual(['web.yaml->base/web.yaml', 'base/web.yaml->old.yaml']);
    expect(files).toEqual({ 'old.yaml': 'w\n' });
  });

  it("kustomize keeps a resource file in or below its folder, and names absolute paths from the working folder (kubectl 1.32's words)", () => {
    const { run } = harness({ 'web.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\n', 'base/kustomization.yaml': 'resources:\n- ../web.yaml\n', 'overlays/dev/kustomization.yaml': 'resources: [../../nowhere]\n' });
    expect(run('kubectl kustomize base').stderr).toBe(
      "error: accumulating resources: accumulation err='accumulating resources from '../web.yaml': security; file '/home/learner/web.yaml' is not in or below '/home/learner/base'': must build at directory: '/home/learner/web.yaml': file is not directory\n",
    );
    expect(run('kubectl kustomize base --load-restrictor=LoadRestrictionsNone').stdout).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n');
    expect(run('kubectl kustomize base --load-restrictor=foo').stderr).toBe('error: illegal flag value --load-restrictor foo; legal values: [LoadRestrictionsRootOnly LoadRestrictionsNone]\n');
    run('cd overlays');
    expect(run('kubectl kustomize dev').stderr).toBe(
      "error: accumulating resources: accumulation err='accumulating resources from '../../nowhere': evalsymlink failure on '/home/learner/nowhere' : lstat /home/learner/nowhere: no such file or directory': must build at directory: not a valid directory: evalsymlink failure on '/home/learner/nowhere' : lstat /home/learner/nowhere: no such file or directory\n",
    );
  });

  it('rm -r takes a folder the terminal is in (the working folder moves up out of it); the home folder only empties', () => {
    const { run, files } = harness({ 'base/sub/a.yaml': 'a\n', 'web.yaml': 'w\n' });
    run('cd base/sub');
    expect(run('rm -r ../../base').code).toBe(0);
    expect(run('pwd').stdout).toBe('/home/learner\n');
    expect(run('rm -r ~')).toEqual({ stdout: '', stderr: "rm: cannot remove '/home/learner': Permission denied\n", code: 1 });
    expect(files).toEqual({});
  });

  it('bash keeps HOME, PWD, OLDPWD and USER up to date', () => {
    const { run } = harness({ 'base/a.yaml': '' });
    run('cd base');
    expect(run('echo $HOME $PWD $OLDPWD $USER').stdout).toBe('/home/learner /home/learner/base /home/learner learner\n');
    run('cd $HOME');
    expect(run('pwd').stdout).toBe('/home/learner\n');
  });

  it('rmdir -p removes the folders the operand names above it while they empty, as GNU rmdir says', () => {
    const { run } = harness();
    run('mkdir -p a/b/c a/x');
    expect(run('rmdir -pv a/b/c')).toEqual({
      stdout: "rmdir: removing directory, 'a/b/c'\nrmdir: removing directory, 'a/b'\nrmdir: removing directory, 'a'\n",
      stderr: "rmdir: failed to remove directory 'a': Directory not empty\n",
      code: 1,
    });
    expect(run('ls a').stdout).toBe('x\n');
  });
});
