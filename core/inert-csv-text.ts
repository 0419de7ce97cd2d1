/**
 * A text a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return)
 * gets a leading apostrophe, so that it is shown, not run (OWASP, CSV injection). For every CSV the
 * services write: a learner's name or an occupation's title comes from other people's spreadsheets.
 */
export const inertCsvText = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
