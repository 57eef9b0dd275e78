import { repository } from '../../package.json';
import { name as cliPackageName } from '../../packages/cli/package.json';

/** The npm package of the CLI, as a team installs it (packages/cli/package.json is its one home). */
export const CLI_PACKAGE: string = cliPackageName;

/** owner/name of the repository on GitHub, from package.json's repository URL. */
export const GITHUB_REPOSITORY: string = /github\.com[/:]([^/]+\/[^/]+?)(?:\.git)?$/.exec(repository.url)?.[1] ?? 'rubrics-as-code/rubrics-as-code';

/** The Action's major-version tag: it moves to each compatible release, so workflows get fixes without edits. */
export const ACTION_MAJOR = 'v1';

/** What a workflow writes after `uses:` to run the Action. */
export const ACTION_USES = `${GITHUB_REPOSITORY}@${ACTION_MAJOR}`;
