import type { Node } from 'kubernetes-types/core/v1';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../hooks/useApp';
import '../cluster/addNode.css';

/** A capacity as a person writes it: `8388608Ki` → `8Gi`. */
function memoryText(q: string | undefined): string {
  const ki = q?.endsWith('Ki') ? Number(q.slice(0, -2)) : NaN;
  if (Number.isInteger(ki) && ki % (1024 * 1024) === 0) return `${ki / (1024 * 1024)}Gi`;
  if (Number.isInteger(ki) && ki % 1024 === 0) return `${ki / 1024}Mi`;
  return q ?? '8Gi';
}

/** One labelled text field and its button (a row of the shape grid), submitting on Enter; cleared after use. */
function CommandField({ caption, label, placeholder, button, onSubmit }: { caption: string; label: string; placeholder: string; button: string; onSubmit: (text: string) => void }) {
  const [text, setText] = useState('');
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    onSubmit(text);
    setText('');
  };
  return (
    <form className="node-shape-row" onSubmit={submit}>
      <label htmlFor={id} className="node-shape-caption">
        {caption}
      </label>
      <input id={id} aria-label={label} placeholder={placeholder} value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" spellCheck={false} />
      <button type="submit" className="button">
        {button}
      </button>
    </form>
  );
}

/**
 * A node's shape in its panel: its labels and taints edited through
 * `kubectl label node` / `kubectl taint node`, its machine resized
 * (`kubeplay node set`), and "Remove node" (`kubeplay node remove`). Every
 * button issues its command through the terminal.
 */
export function NodeShapeControls({ node }: { node: Node }) {
  const { t } = useTranslation();
  const name = node.metadata?.name ?? '';
  const removeNode = useApp((s) => s.removeNode);
  const labelNode = useApp((s) => s.labelNode);
  const taintNode = useApp((s) => s.taintNode);
  const resizeNode = useApp((s) => s.resizeNode);
  const [cpu, setCpu] = useState('');
  const [memory, setMemory] = useState('');
  const controlPlane = node.metadata?.labels?.['node-role.kubernetes.io/control-plane'] !== undefined;
  const taints = node.spec?.taints ?? [];
  const resize = (e: FormEvent) => {
    e.preventDefault();
    resizeNode(name, { cpu, memory });
    setCpu('');
    setMemory('');
  };
  return (
    <>
      <h4 className="panel-subhead">{t('nodeShape.shapeHeading')}</h4>
      {taints.length > 0 && (
        <ul className="taint-list" aria-label={t('nodeShape.taintsOf', { name })}>
          {taints.map((tn) => {
            const text = `${tn.key}${tn.value ? `=${tn.value}` : ''}:${tn.effect}`;
            return (
              <li key={text}>
                {text}
                <button type="button" className="icon-button" aria-label={t('nodeShape.removeTaint', { taint: text })} title={`kubectl taint node ${name} ${tn.key}:${tn.effect}-`} onClick={() => taintNode(name, `${tn.key}:${tn.effect}-`)}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="node-shape-grid">
        <CommandField caption={t('nodeShape.labelCaption')} label={t('nodeShape.labelField')} placeholder="disk=ssd · disk-" button={t('nodeShape.setLabel')} onSubmit={(text) => labelNode(name, text)} />
        <CommandField caption={t('nodeShape.taintCaption')} label={t('nodeShape.taintField')} placeholder="dedicated=gpu:NoSchedule" button={t('nodeShape.addTaint')} onSubmit={(text) => taintNode(name, text)} />
        <form className="node-shape-row" onSubmit={resize}>
          <span className="node-shape-caption">{t('nodeShape.sizeCaption')}</span>
          <span className="node-shape-size">
            <input aria-label={t('nodeShape.cpu')} placeholder={`${node.status?.capacity?.cpu ?? '4'} CPU`} value={cpu} onChange={(e) => setCpu(e.target.value)} autoComplete="off" />
            <input aria-label={t('nodeShape.memory')} placeholder={memoryText(node.status?.capacity?.memory)} value={memory} onChange={(e) => setMemory(e.target.value)} autoComplete="off" spellCheck={false} />
          </span>
          <button type="submit" className="button" disabled={!cpu.trim() && !memory.trim()}>
            {t('nodeShape.resize')}
          </button>
        </form>
      </div>
      <div className="panel-actions">
        <button type="button" className="button danger" disabled={controlPlane} onClick={() => removeNode(name)} title={controlPlane ? t('nodeShape.removeControlPlane') : `kubeplay node remove ${name}`}>
          {t('nodeShape.remove')}
        </button>
      </div>
    </>
  );
}
