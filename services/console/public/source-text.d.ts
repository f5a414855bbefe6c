// Types of source-text.js for the unit test (the console itself is plain ES modules).
export function plainSourceLine(line: string | null | undefined): string;
export function plainSourceText(lines: readonly string[] | string | null | undefined): string;
