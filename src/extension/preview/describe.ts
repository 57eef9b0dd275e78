/** How the preview names things in its messages: files by their name, failures by their message. */

/** The last segment of a URI's path ("acme.assessment.yaml"), or the whole path when it has none. */
export function fileName(uri: { readonly path: string }): string {
  const path = uri.path;
  return path.slice(path.lastIndexOf('/') + 1) || path;
}

/** What went wrong, in the words of the error. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === 'string' ? error : 'Unknown error.';
}
