/**
 * A failure that is not a finding about the user's files: a wrong option, a path that does not
 * exist, a file that cannot be read or written. The tool prints the message on stderr and exits
 * with 2, so CI can tell "the check could not run" apart from "the check found problems" (1).
 */
export class CliError extends Error {
  readonly exitCode = 2;

  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** The message of an unknown thrown value, for wrapping Node errors into CliError texts. */
export function errorText(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    switch (code) {
      case 'ENOENT':
        return 'it does not exist';
      case 'EACCES':
      case 'EPERM':
        return 'permission denied';
      case 'EISDIR':
        return 'it is a directory';
      case 'ENOTDIR':
        return 'a part of the path is not a directory';
      case 'EROFS':
        return 'the file system is read-only';
      case 'ENOSPC':
        return 'no space left on the device';
      default:
        return error.message;
    }
  }
  return String(error);
}
