import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Vite 8 bundles with Rolldown: chunk groups live under build.rolldownOptions
// (manualChunks is gone). xterm is loaded lazily by the terminal panel, Monaco by the editor.
export default defineConfig({
  plugins: [react()],
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
