/**
 * The one module of the Node adapters that imports src/core: the file host and confinement they
 * implement, the engine they feed, and the facts (globs, limits, revisions, escapes) they must
 * not compute a second time. The rest of src/node reaches the core only through here (the
 * `src/layers` lint, CORE_ENTRIES in scripts/layers.mjs).
 */
export type { DiagnosticCode } from '../core/diagnostics/codes';
export type { Diagnostic, Severity } from '../core/diagnostics/types';
export { parseDocuments } from '../core/document/located';
export { Engine, type FileAnalysis } from '../core/engine';
export { declaresApiVersion, DEFAULT_RUBRIC_FILE_GLOBS, GlobSet } from '../core/format/files';
export { globMatcher, globToRegExp } from '../core/format/glob';
export { IGNORE_FILE_NAME, IgnoreList } from '../core/format/ignoreFile';
export { isMap } from '../core/format/values';
export type { ModelFile } from '../core/interchange/samm';
export { yamlDocuments } from '../core/interchange/yamlSource';
export { asFolder, type Confinement, type ConfinementRoots, type FileText, folderOf, isInside, type Refusal, refusalSentence } from '../core/resolve/confinement';
export { type FileHost, type FileRead, textOf } from '../core/resolve/host';
export { referencedUrisIn } from '../core/resolve/references';
export { baseName } from '../core/resolve/uris';
export { type ChangeReview, type DependentReason, type FileStatus, type FileVersions, type PortfolioReviewSection, reviewChange, type StatusChangeCause } from '../core/review/change';
export { type RubricRef, rubricsDefinedIn, rubricUsers } from '../core/review/dependents';
export { GIT_SCHEME, parseRevisionUri, type Revision, revisionUri } from '../core/review/revisionUri';
export { UNSAFE_BUT_SPACING, UNSAFE_CHARACTER, visibleEscape } from '../core/text/controls';
export { LineIndex } from '../core/text/lineIndex';
export { LOG_COMMAND, WORKFLOW_COMMAND_START } from '../core/text/logCommands';
export { buildPortfolio, latestAssessmentFiles, portfolioEntries, type PortfolioEntry, portfolioReview } from '../core/views';
export { REGULAR_FILES_ONLY, SPLIT_ADVICE, tooLargeReason, YAML_LIMITS } from '../core/yaml/limits';
