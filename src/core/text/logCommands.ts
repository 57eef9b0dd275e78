/**
 * What CI runners obey in a log, whatever printed it: a line whose first non-blank characters
 * are `::` (a GitHub Actions workflow command: `::error file=…::`, `::add-mask::`,
 * `::stop-commands::`), and `##[command]`, `##vso[…]`, `##teamcity[…]` anywhere in a line (the
 * GitHub and Azure runners, TeamCity). Text from a document must never form either in anything
 * the tool prints or posts: the CLI's lines (cli/printable.ts), the HTML escape and the Markdown
 * escape each break them in their own way, from these definitions.
 */

/** The `##` of a log command (`##[`, `##vso[`, `##teamcity[`), as a global expression. */
export const LOG_COMMAND = /##(?=[a-z]*\[)/gi;

/** A line that starts a workflow command: `::` after optional blanks (the blanks captured). */
export const WORKFLOW_COMMAND_START = /^(\s*)::/;
