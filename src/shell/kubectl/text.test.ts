import { describe, expect, it } from 'vitest';
import { examples, longDesc } from './text';

// Expected texts are kubectl 1.32's `--help` output for the commands these sources come from.
describe('longDesc (templates.LongDesc)', () => {
  it('joins paragraph lines and starts later paragraphs with a space', () => {
    expect(longDesc(`
      Display the current-context.

      The current-context is used
      by default.`)).toBe('Display the current-context.\n\n The current-context is used by default.');
  });

  it('renders lists as the ASCII markdown renderer does', () => {
    expect(longDesc(`
      Valid resource types include:

         * deployments
         * daemonsets`)).toBe('Valid resource types include:\n\n  *  deployments\n  *  daemonsets');
  });

  it('indents a code block by eight spaces, its blank lines and the line after it included (config set-credentials)', () => {
    expect(longDesc(`
      Specifying a name that already exists will merge new fields on top of existing values.

          Client-certificate flags:
          --client-certificate=certfile --client-key=keyfile

          Bearer token flags:
          --token=bearer_token

      Bearer token and basic auth are mutually exclusive.`)).toBe(
      'Specifying a name that already exists will merge new fields on top of existing values.\n\n' +
        '        Client-certificate flags:\n        --client-certificate=certfile --client-key=keyfile\n        \n' +
        '        Bearer token flags:\n        --token=bearer_token\n        \n' +
        ' Bearer token and basic auth are mutually exclusive.',
    );
  });

  it('keeps the code block that ends a description without its trailing line (set image)', () => {
    expect(longDesc(`
      Possible resources include (case insensitive):

          pod (po), deployment (deploy)`)).toBe('Possible resources include (case insensitive):\n\n        pod (po), deployment (deploy)');
  });

  it('reads an indented line only as code after a blank line', () => {
    expect(longDesc(`
      When using the Docker command line:
          '$ docker login'.`)).toBe("When using the Docker command line: '$ docker login'.");
  });
});

describe('examples (templates.Examples)', () => {
  it('indents every line by two spaces', () => {
    expect(examples(`
      # List all pods
      kubectl get pods`)).toBe('  # List all pods\n  kubectl get pods');
  });
});
