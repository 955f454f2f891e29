export type Speaker = 'AGENT' | 'CUSTOMER' | 'OTHER';

export interface ParsedUtterance {
  /** 0-based position in the call. */
  index: number;
  speaker: Speaker;
  /** The turn's text without the `Name:` prefix, trimmed. */
  text: string;
}

// The `s` flag lets the text hold U+2028/U+2029, which `.` would otherwise stop at.
const ROLE_PREFIX = /^\s*(agent|customer)\s*:(?!\/\/)(.*)$/isu;

/*
 * Any other speaker label is a short name: one to four words, the first
 * starting with a letter that is not lower-case (caseless scripts such as CJK
 * qualify), later ones with such a letter or a digit ("Speaker 2", "Dr. Lee",
 * "Jean-Luc", "田中"), 40 characters at most, and a colon followed by
 * whitespace or the end of the line. So "The price is: 20" and "10:30" stay
 * text, while "Note: ..." is an OTHER speaker: misreading an annotation as a
 * speaker only costs a turn, whereas misreading it as text would put its
 * words in the agent's or customer's mouth.
 */
const NAME_REST = String.raw`[\p{L}\p{M}\p{N}.'’-]*`;
const NAME_START = String.raw`(?!\p{Ll})\p{L}`;
const NAME_PREFIX = new RegExp(
  String.raw`^\s*(${NAME_START}${NAME_REST}(?:[ \t]+(?:${NAME_START}|\p{N})${NAME_REST}){0,3})[ \t]*:(?=\s|$)(.*)$`,
  'su',
);
const MAX_NAME_LENGTH = 40;

interface Turn {
  speaker: Speaker;
  text: string;
}

function readPrefix(line: string): Turn | null {
  const role = ROLE_PREFIX.exec(line);
  if (role) {
    const speaker = role[1].toLowerCase() === 'agent' ? 'AGENT' : 'CUSTOMER';
    return { speaker, text: role[2].trim() };
  }
  const named = NAME_PREFIX.exec(line);
  if (named && named[1].length <= MAX_NAME_LENGTH) return { speaker: 'OTHER', text: named[2].trim() };
  return null;
}

/**
 * Splits a transcript into speaker turns.
 *
 * - Lines are `Agent: ...`, `Customer: ...` (any case, spaces allowed around
 *   the label) or `Name: ...` for any other speaker (OTHER).
 * - A line without a prefix continues the current turn; text before the first
 *   prefix belongs to OTHER. Blank lines are ignored.
 * - Pieces of one utterance are joined with a single space.
 * - Consecutive turns of the same speaker are one utterance. Speakers are
 *   compared by role, so two differently named OTHER speakers in a row merge:
 *   the API only knows the role.
 * - A turn with no text (`Customer:` alone) yields no utterance; it still sets
 *   the speaker for continuation lines. Because merging compares with the last
 *   emitted utterance, `Agent: a` / `Customer:` / `Agent: b` is one utterance.
 */
export function parseTranscript(text: string): ParsedUtterance[] {
  const utterances: ParsedUtterance[] = [];
  let speaker: Speaker = 'OTHER';
  let pieces: string[] = [];

  const flush = (): void => {
    if (pieces.length === 0) return;
    const joined = pieces.join(' ');
    pieces = [];
    const last = utterances[utterances.length - 1];
    if (last !== undefined && last.speaker === speaker) last.text = `${last.text} ${joined}`;
    else utterances.push({ index: utterances.length, speaker, text: joined });
  };

  for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const turn = readPrefix(line);
    if (turn !== null && turn.speaker !== speaker) {
      flush();
      speaker = turn.speaker;
    }
    const piece = turn === null ? line.trim() : turn.text;
    if (piece !== '') pieces.push(piece);
  }
  flush();
  return utterances;
}
