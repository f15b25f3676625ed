import { Component, type ReactNode } from 'react';

interface Props {
  /** What to show instead, given why the editor failed. */
  readonly fallback: (reason: string) => ReactNode;
  readonly children: ReactNode;
}

/** Keeps a failure of the editor (a chunk that did not load, a bug) from taking the page down. */
export class EditorErrorBoundary extends Component<Props, { reason: string | undefined }> {
  override state: { reason: string | undefined } = { reason: undefined };

  static getDerivedStateFromError(error: unknown) {
    return { reason: error instanceof Error ? error.message : String(error) };
  }

  override render() {
    return this.state.reason === undefined ? this.props.children : this.props.fallback(this.state.reason);
  }
}
