import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The built page's Content-Security-Policy: scripts only from the page's own origin (no inline
 * script, no eval), so text from a shared link can never run even if it reached the DOM. Styles
 * allow inline style attributes (React, Monaco and xterm position things with them); workers
 * come from the page's origin (Monaco's, as `?worker` chunks). Only in the build: the dev server
 * injects an inline script of its own (React refresh).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'kubeplay-content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace(/(<meta charset="[^"]*" \/>)/, `$1\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`),
    },
  };
}

// Vite 8 bundles with Rolldown: chunk groups live under build.rolldownOptions
// (manualChunks is gone). xterm is loaded lazily by the terminal panel, Monaco by the editor.
export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  server: { host: 'localhost', port: 5173 },
  preview: { host: 'localhost', port: 4173, strictPort: true },
  resolve: {
    // monaco-editor 0.56+ only exports its new paths (`monaco-editor/editor/…`), but monaco-yaml's
    // worker still imports `monaco-editor/esm/vs/…`: map the old spelling onto the new one.
    alias: [{ find: /^monaco-editor\/esm\/vs\/(.+?)(?:\.js)?$/, replacement: 'monaco-editor/$1' }],
  },
  // Pre-bundled, or the dev server finds them only when the editor opens, and reloads the page.
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js', 'monaco-editor/esm/vs/editor/editor.worker.js'] },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'xterm', test: /node_modules[\\/]@xterm[\\/]/ },
          ],
        },
      },
    },
  },
});
