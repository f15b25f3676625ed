/**
 * Output as xterm may draw it: colors and screen clearing (CSI sequences, what
 * the shell itself writes) pass; the terminal's string commands — OSC (window
 * title, hyperlinks, clipboard), DCS, SOS, PM and APC — are removed, in their
 * 7-bit and 8-bit forms, so text that came from a shared link (a ConfigMap
 * printed by `describe`, a command echoed) can only ever be text.
 * @example inertOutput('\x1b]8;;https://evil\x07click\x1b]8;;\x07') // 'click'
 */
// eslint-disable-next-line no-control-regex
const STRING_COMMANDS = /(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?/g;

export function inertOutput(text: string): string {
  return text.includes('\x1b') || /[\x90\x98\x9d-\x9f]/.test(text) ? text.replace(STRING_COMMANDS, '') : text;
}
