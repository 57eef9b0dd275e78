/** Every vscode.l10n.t string of src/extension, in the order they first appear. */
export function extensionStrings(): string[];
/** The text of l10n/bundle.l10n.json for those strings. */
export function bundleText(): string;
