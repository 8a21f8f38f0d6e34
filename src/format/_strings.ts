/** Internal: making untrusted text (messages quote data from the files) safe to print. */

// C0 controls but tab, DEL, and C1 controls: terminals act on them (ESC starts colour and cursor sequences).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Replaces control characters that a terminal would act on by a visible stand-in of one column: C0 controls by their
 * Unicode control picture (ESC becomes ␛), DEL and C1 controls by U+FFFD. Tab and newline are kept.
 */
export function _showControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : '\ufffd';
  });
}

/** Puts a message on one line: line breaks and the blanks around them become one space; controls are made visible. */
export function _oneLine(text: string): string {
  return _showControls(text.replace(/[ \t]*(?:\r\n|\r|\n)+[ \t]*/g, ' ').replace(/\t/g, ' ')).trim();
}
