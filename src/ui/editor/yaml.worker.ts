// The YAML language worker, through a local module so that in development Vite serves the
// pre-bundled copy (optimizeDeps), whose CommonJS dependencies are already converted.
import 'monaco-yaml/yaml.worker.js';
