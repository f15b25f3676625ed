import { describe, expect, it } from 'vitest';
import { createAppStore } from './appStore';
import { fakeCluster, fakeFactory } from './fakeWorld.testkit';
import { appendDocument, fileNameProblem, uniqueFileName } from './filesSlice';
import { realStore } from './realWorld.testkit';

async function setup(files: Record<string, string> = { 'web.yaml': 'kind: Deployment\n', 'svc.yaml': 'kind: Service\n' }) {
  const store = createAppStore(fakeFactory(fakeCluster()), { files, welcome: [] });
  await store.ready;
  return { store, s: () => store.getState() };
}

describe('file names', () => {
  it('refuses names kubectl or the tabs could not use', () => {
    expect(fileNameProblem('web.yaml', [])).toBeUndefined();
    expect(fileNameProblem('my app.yaml', [])).toBeUndefined();
    for (const bad of ['', '  ', ' x', '/a', 'a/', 'a//b', 'a/../b', './a', 'a\\b', '-f', '.', '..', 'x'.repeat(101), 'a\tb']) expect(fileNameProblem(bad, []), bad).toBeDefined();
    expect(fileNameProblem('web.yaml', ['web.yaml'])).toMatch(/already/);
  });

  it('takes paths into folders, as long as a file and a folder never share a name', () => {
    expect(fileNameProblem('base/web.yaml', [])).toBeUndefined();
    expect(fileNameProblem('overlays/dev/kustomization.yaml', ['base/web.yaml'])).toBeUndefined();
    expect(fileNameProblem('base', ['base/web.yaml'])).toBe('There is already a folder named base.');
    expect(fileNameProblem('web.yaml/x', ['web.yaml'])).toBe('web.yaml is a file, not a folder.');
  });

  it('makes names unique before the extension', () => {
    expect(uniqueFileName('a.yaml', ['a.yaml', 'a-2.yaml'])).toBe('a-3.yaml');
    expect(uniqueFileName('notes', ['notes'])).toBe('notes-2');
  });

  it('appends a document after ---', () => {
    expect(appendDocument('', 'b: 1\n')).toBe('b: 1\n');
    expect(appendDocument('a: 1', 'b: 1\n')).toBe('a: 1\n---\nb: 1\n');
  });
});

describe('files slice', () => {
  it('creates, renames, moves, closes and reopens tabs', async () => {
    const { s } = await setup();
    expect(s().fileOrder).toEqual(['web.yaml', 'svc.yaml']);
    expect(s().activeFile).toBe('web.yaml');
    expect(s().createFile()).toBe('untitled.yaml');
    expect(s().fileOrder).toEqual(['web.yaml', 'untitled.yaml', 'svc.yaml']);
    expect(s().activeFile).toBe('untitled.yaml');
    expect(s().renameFile('untitled.yaml', 'svc.yaml')).toMatch(/already/);
    expect(s().renameFile('untitled.yaml', 'db.yaml')).toBeUndefined();
    expect(s().fileOrder).toEqual(['web.yaml', 'db.yaml', 'svc.yaml']);
    expect(s().activeFile).toBe('db.yaml');
    s().moveFile('db.yaml', 99);
    expect(s().fileOrder).toEqual(['web.yaml', 'svc.yaml', 'db.yaml']);
    s().moveFile('db.yaml', 0);
    expect(s().fileOrder).toEqual(['db.yaml', 'web.yaml', 'svc.yaml']);
    s().editFile('db.yaml', 'kind: StatefulSet\n');
    s().closeFile('db.yaml');
    expect(s().files['db.yaml']).toBeUndefined();
    expect(s().activeFile).toBe('web.yaml');
    s().reopenFile();
    expect(s().fileOrder).toEqual(['db.yaml', 'web.yaml', 'svc.yaml']);
    expect(s().files['db.yaml']).toBe('kind: StatefulSet\n');
    expect(s().closedFiles).toEqual([]);
  });

  it('keeps working with no file open', async () => {
    const { s } = await setup({ 'web.yaml': 'x' });
    s().closeFile('web.yaml');
    expect(s().fileOrder).toEqual([]);
    expect(s().activeFile).toBeUndefined();
    s().editFile('web.yaml', 'y');
    expect(s().files).toEqual({});
    expect(s().createFile('deployment.yaml', 'kind: Deployment\n')).toBe('deployment.yaml');
    expect(s().activeFile).toBe('deployment.yaml');
  });

  it('restores saved files, skipping what is not a file', async () => {
    const { s } = await setup();
    s().restoreFiles({ 'b.yaml': 'b', 'a.yaml': 'a', 'x/y': 'in a folder', '/abs': 'bad', 'n.yaml': 3 as unknown as string }, ['a.yaml', 'b.yaml', 'gone.yaml'], 'b.yaml');
    expect(s().fileOrder).toEqual(['a.yaml', 'b.yaml', 'x/y']);
    expect(s().activeFile).toBe('b.yaml');
    s().restoreFiles({});
    expect(s().fileOrder).toEqual(['a.yaml', 'b.yaml', 'x/y']);
  });

  it('kubectl apply -f reads what the editor holds now', async () => {
    const store = await realStore({ 'cm.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: one\n' });
    store.getState().editFile('cm.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: two\n');
    store.getState().applyFile('cm.yaml');
    expect(store.getState().transcript.map((l) => l.text)).toContain('namespace/two created');
  });

  it('marks where kubectl apply points, clears the marks on edit and on the next apply', async () => {
    const bad = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: -1\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx\n';
    const store = await realStore({ 'web.yaml': bad, 'other.yaml': 'a: [\n' });
    const s = () => store.getState();
    s().applyFile('web.yaml');
    const text = s().transcript.map((l) => l.text);
    expect(text.some((l) => l.startsWith('  --> web.yaml:6:'))).toBe(true);
    expect(s().fileDiagnostics['web.yaml']).toEqual([expect.objectContaining({ line: 6, field: 'spec.replicas', message: expect.stringContaining('spec.replicas: Invalid value: -1') })]);
    s().runCommand('kubectl apply -f other.yaml', 'prompt');
    expect(s().fileDiagnostics['other.yaml']?.[0]).toEqual(expect.objectContaining({ line: 2, message: expect.stringContaining('error parsing other.yaml') }));
    expect(s().fileDiagnostics['web.yaml']).toHaveLength(1);
    s().editFile('other.yaml', 'a: []\n');
    expect(s().fileDiagnostics['other.yaml']).toBeUndefined();
    s().editFile('web.yaml', bad.replace('replicas: -1', 'replicas: 2'));
    s().applyFile('web.yaml');
    expect(s().fileDiagnostics['web.yaml']).toBeUndefined();
    expect(s().transcript.map((l) => l.text)).toContain('deployment.apps/web created');
  });

  it('from another working folder, Apply names the file from home and its marks land on the file', async () => {
    const store = await realStore({ 'base/bad.yaml': 'a: [\n', 'base/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: three\n' });
    const s = () => store.getState();
    s().runCommand('cd base', 'prompt');
    s().applyFile('base/ns.yaml');
    expect(s().transcript.map((l) => l.text)).toContain('$ kubectl apply -f /home/learner/base/ns.yaml');
    expect(s().transcript.map((l) => l.text)).toContain('namespace/three created');
    s().runCommand('kubectl apply -f bad.yaml', 'prompt');
    expect(s().fileDiagnostics['base/bad.yaml']?.[0]).toEqual(expect.objectContaining({ line: 2 }));
  });
});
