import { version } from '../../package.json';

/** The tool's version, taken from package.json when the CLI is bundled. */
export const TOOL_VERSION: string = version;
