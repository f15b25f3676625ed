/** A phone's width: too narrow for two panes side by side; the app shows one panel at a time (PhonePanels). */
export const PHONE_QUERY = '(max-width: 600px)';
