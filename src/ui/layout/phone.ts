/**
 * A phone: upright, too narrow for two panes side by side; on its side, too low for the editor
 * and the cluster above the terminal. The app shows one panel at a time (PhonePanels).
 */
export const PHONE_QUERY = '(max-width: 600px), (max-height: 500px) and (pointer: coarse)';

/** A phone held upright: the inspector opens under the drawing, not beside it. */
export const NARROW_QUERY = '(max-width: 600px)';
