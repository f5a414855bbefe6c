// The gazette's text as it was written: the Markdown the scan was stored in (#### headings,
// **bold** lead-ins, | table pipes around prose) is how the file is kept, not what the notice
// says. Used wherever the console shows source text; the API keeps the text untouched.

const HEADING = /^\s{0,3}#{1,6}\s*/u;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/u;
const EMPHASIS = /(\*\*|__)(.+?)\1/gu;

/** One line without its Markdown markers; a table row's cells are joined by a wide space. */
export function plainSourceLine(line) {
  let text = String(line ?? '').replace(HEADING, '');
  if (/^\s*\|.*\|\s*$/u.test(text)) {
    text = text
      .trim()
      .slice(1, -1)
      .split('|')
      .map((cell) => cell.trim())
      .filter(Boolean)
      .join('\u3000');
  }
  return text.replace(EMPHASIS, '$2').replace(/\*\*|__/gu, '');
}

/** Source lines as plain text: table rules dropped, every other line without its markers. */
export function plainSourceText(lines) {
  const all = Array.isArray(lines) ? lines : String(lines ?? '').split('\n');
  return all
    .filter((line) => !TABLE_RULE.test(line))
    .map(plainSourceLine)
    .join('\n');
}
