// Text a server sent (an error message, a header, a gateway page) is printed only after this: an
// escape sequence in it could clear the screen, recolour our output, hide a link behind harmless text
// (OSC 8) or, with a bare carriage return, overwrite the line before it.

// ESC-introduced sequences, whole: CSI (ESC [ … final), OSC / DCS / SOS / PM / APC strings (up to BEL or
// ST), and two-character escapes. Their 8-bit C1 forms are removed with the other C1 controls below.
const ESCAPE_SEQUENCE = new RegExp(
  [
    '\\u001b\\[[0-?]*[ -/]*[@-~]', // CSI: colours, cursor moves, screen clears
    '\\u001b[\\]PX^_][^\\u0007\\u001b]*(?:\\u0007|\\u001b\\\\)?', // OSC 8 links, titles, DCS, PM, APC
    '\\u001b[ -/]*[0-~]?', // any other escape, or a lone ESC
  ].join('|'),
  'g',
);
// C0 controls except tab and line feed, DEL, C1 controls (U+0080–U+009F), and the bidirectional
// overrides that reorder what is displayed (U+202A–U+202E, U+2066–U+2069).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export interface StripOptions {
  /** Keep line feeds (multi-line text); otherwise every line break and tab becomes one space. */
  keepNewlines?: boolean;
}

/** The printable text of a server's string: escape sequences and control characters removed. */
export function stripControl(text: string, o: StripOptions = {}): string {
  const plain = text.replace(/\r\n/g, '\n').replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
  return o.keepNewlines ? plain.replace(/\t/g, ' ') : plain.replace(/[\n\t]+/g, ' ');
}

/** Every string in an object (one level, and arrays of strings) passed through stripControl. */
export function stripControlFields<T extends object>(o: T, opts: StripOptions = {}): T {
  const clean = (v: unknown): unknown =>
    typeof v === 'string' ? stripControl(v, opts) : Array.isArray(v) ? v.map(clean) : v;
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, clean(v)])) as T;
}
