import { createInstance } from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from './en';
import { initI18n, LANGUAGE_STORAGE_KEY, toLanguage } from './index';
import { zhCN } from './zh-CN';

/** Every leaf of a resource tree as `dotted.key → text`. */
function leaves(tree: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
    else out.set(key, v);
  }
  return out;
}
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('interface strings', () => {
  const english = leaves(en);
  const chinese = leaves(zhCN);

  it('gives English and 简体中文 exactly the same keys', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('has no empty or non-string value in either language', () => {
    for (const [lang, table] of [['en', english], ['zh-CN', chinese]] as const) {
      for (const [key, text] of table) {
        expect(typeof text, `${lang} ${key}`).toBe('string');
        expect((text as string).trim(), `${lang} ${key}`).not.toBe('');
      }
    }
  });

  it('uses the same {{placeholders}} in both languages', () => {
    for (const [key, text] of english) expect(placeholders(chinese.get(key) as string), key).toEqual(placeholders(text as string));
  });

  it('writes Chinese text in Chinese (no key is left as an English copy, but names and units)', () => {
    const sameOnPurpose = (text: string) => !/[a-z]{4,}/i.test(text.replace(/\{\{\w+\}\}/g, '')) || /^English$|Language|Kubernetes|kubectl|YAML|Pod|Deployment|Service|CPU|API|etcd|Swarm|Docker/.test(text);
    const copied = [...english].filter(([key, text]) => chinese.get(key) === text && !sameOnPurpose(text as string)).map(([key]) => key);
    expect(copied).toEqual([]);
  });
});

describe('choosing the language', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('maps zh, zh-CN, zh-Hans-CN and zh-TW to 简体中文 and everything else to English', () => {
    expect(['zh', 'zh-CN', 'zh-Hans-CN', 'zh-TW', 'ZH-cn'].map(toLanguage)).toEqual(Array(5).fill('zh-CN'));
    expect(['en', 'en-US', 'de-DE', 'ja', '', null, undefined].map(toLanguage)).toEqual(Array(7).fill('en'));
  });

  function stubBrowser(languages: string[], stored: string | null) {
    const store = new Map<string, string>(stored ? [[LANGUAGE_STORAGE_KEY, stored]] : []);
    const documentElement = { lang: 'en' };
    vi.stubGlobal('window', { localStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v), removeItem: (k: string) => store.delete(k) } });
    vi.stubGlobal('navigator', { languages, language: languages[0] });
    vi.stubGlobal('document', { documentElement, cookie: '' });
    return { store, documentElement };
  }

  it("follows the browser's language when nothing is remembered, loading the Chinese strings and setting <html lang>", async () => {
    const browser = stubBrowser(['zh-CN', 'en'], null);
    const i18n = await initI18n(createInstance());
    expect(i18n.language).toBe('zh-CN');
    expect(i18n.t('topbar.reset')).toBe(zhCN.topbar.reset);
    expect(browser.documentElement.lang).toBe('zh-CN');
  });

  it('prefers the remembered choice over the browser, and remembers a new one', async () => {
    const browser = stubBrowser(['zh-CN'], 'en');
    const i18n = await initI18n(createInstance());
    expect(i18n.t('topbar.reset')).toBe('Reset');
    await i18n.changeLanguage('zh-CN');
    expect(i18n.t('language.label')).toBe('语言');
    expect(browser.store.get(LANGUAGE_STORAGE_KEY)).toBe('zh-CN');
    expect(browser.documentElement.lang).toBe('zh-CN');
  });

  it('falls back to English for a browser in another language', async () => {
    stubBrowser(['de-DE', 'fr'], null);
    const i18n = await initI18n(createInstance());
    expect(i18n.language).toBe('en');
    expect(i18n.t('topbar.speedCaption')).toBe('Speed');
  });
});

describe('file name problems', () => {
  it('puts every sentence of fileNameProblem into the interface language', async () => {
    const { fileNameProblem } = await import('../../state/index');
    const { translateFileProblem } = await import('./fileProblems');
    const i18n = createInstance();
    await i18n.init({ lng: 'zh-CN', interpolation: { escapeValue: false }, resources: { 'zh-CN': { translation: zhCN } } });
    const bad = ['', ' a.yaml', 'x'.repeat(101), '/b', 'a\\b', 'a/../b', 'taken.yaml/x', 'dir', 'a\u0001', '-a', '..', 'taken.yaml'];
    for (const name of bad) {
      const english = fileNameProblem(name, ['taken.yaml', 'dir/in.yaml']);
      expect(english, name).toBeDefined();
      const chinese = translateFileProblem(english!, i18n.t);
      expect(chinese, english).not.toBe(english);
      expect(chinese).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(translateFileProblem('There is already a file named web.yaml.', i18n.t)).toBe('已经有一个名为 web.yaml 的文件。');
    expect(translateFileProblem('Something new.', i18n.t)).toBe('Something new.');
  });
});

/** Arguments to try each of the drawing's sentences with (the rest take numbers). */
const SAMPLES: Partial<Record<string, unknown[][]>> = {
  deploymentLabel: [
    [{ name: 'web', state: 'complete', desired: 3, updated: 3, available: 3, revision: 1 }],
    [{ name: 'web', state: 'rolling out', desired: 6, updated: 2, available: 5, revision: 2, budget: { max: 8, min: 5 } }],
    [{ name: 'api', state: 'paused', desired: 1, updated: 0, available: 0 }],
  ],
  serviceLabel: [
    [{ name: 'web', type: 'ClusterIP', clusterIP: '10.96.0.10', ready: 3, notReady: 1 }],
    [{ name: 'db', type: 'NodePort', clusterIP: '10.96.0.11', ready: 1, notReady: 0 }],
  ],
  nodeLost: [['worker-1']],
  onNode: [['worker-2']],
  roles: [['control-plane'], ['<none>']],
  revision: [['1'], ['—']],
};

describe("the drawing's words", () => {
  it('say in English exactly what the drawing says without a translation', async () => {
    const { vizTextOf } = await import('./vizText');
    const { VIZ_TEXT_EN } = await import('../../viz/index');
    const i18n = createInstance();
    await i18n.init({ lng: 'en', interpolation: { escapeValue: false }, resources: { en: { translation: en } } });
    const text = vizTextOf(i18n.t);
    for (const key of Object.keys(VIZ_TEXT_EN) as (keyof typeof VIZ_TEXT_EN)[]) {
      const a = VIZ_TEXT_EN[key];
      const b = text[key];
      if (typeof a === 'function') {
        const f = a as (...n: unknown[]) => string;
        const g = b as (...n: unknown[]) => string;
        for (const n of SAMPLES[key] ?? [[1, 110, 2], [3, 110, 0]]) expect(g(...n), key).toBe(f(...n));
      } else expect(b, key).toEqual(a);
    }
    for (const state of ['rolling out', 'complete', 'paused', 'not progressing', 'ProgressDeadlineExceeded']) expect(text.deploymentState(state)).toBe(state);
  });

  it('remember each phrase per arguments: asked again, the same text without translating again; other arguments, their own text', async () => {
    const { vizTextOf } = await import('./vizText');
    const i18n = createInstance();
    await i18n.init({ lng: 'en', interpolation: { escapeValue: false }, resources: { en: { translation: en } } });
    let calls = 0;
    const counting = ((...args: Parameters<typeof i18n.t>) => {
      calls++;
      return i18n.t(...args);
    }) as typeof i18n.t;
    const text = vizTextOf(counting);
    const before = calls;
    expect(text.onNode('worker-1')).toBe(i18n.t('viz.onNode', { node: 'worker-1' }));
    expect(text.onNode('worker-1')).toBe(i18n.t('viz.onNode', { node: 'worker-1' }));
    expect(calls - before).toBe(1);
    expect(text.onNode('worker-2')).toBe(i18n.t('viz.onNode', { node: 'worker-2' }));
    expect(text.workloadCounts(3, 2, 1)).not.toBe(text.workloadCounts(3, 2, 2));
    expect(calls - before).toBe(4);
  });

  it('name every Deployment state in Chinese, and leave a condition reason as Kubernetes wrote it', async () => {
    const { vizTextOf } = await import('./vizText');
    const i18n = createInstance();
    await i18n.init({ lng: 'zh-CN', interpolation: { escapeValue: false }, resources: { 'zh-CN': { translation: zhCN } } });
    const text = vizTextOf(i18n.t);
    expect(['rolling out', 'complete', 'paused', 'not progressing'].map(text.deploymentState)).toEqual(['上线中', '已完成', '已暂停', '无进展']);
    expect(text.deploymentState('ProgressDeadlineExceeded')).toBe('ProgressDeadlineExceeded');
    expect(text.podsOfCapacity(3, 110)).toBe('Pod 3 / 110');
  });
});

describe('emphasis in a translated sentence', () => {
  it('puts the <1>…</1> part in <strong>, wherever the language puts it', async () => {
    const { withEmphasis } = await import('./emphasis');
    const { renderToStaticMarkup } = await import('react-dom/server');
    const html = (text: string) => renderToStaticMarkup(<>{withEmphasis(text)}</>);
    expect(html('Bound to <1>worker-2</1>: 3 of 3')).toBe('Bound to <strong>worker-2</strong>: 3 of 3');
    expect(html('已绑定到 <1>worker-2</1>：')).toBe('已绑定到 <strong>worker-2</strong>：');
    expect(html('no mark & <b>')).toBe('no mark &amp; &lt;b&gt;');
  });
});
