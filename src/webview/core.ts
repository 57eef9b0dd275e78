/**
 * The one module of the webviews' scripts that imports src/core: the shape of a body patch the
 * extension sends, and the fields and rules of a new assessor (core/language/assessorEdits.ts
 * checks them). Types only, so nothing of the core is bundled into the scripts that run
 * in the page (the `src/layers` lint, CORE_ENTRIES in scripts/layers.mjs).
 */
export type { BodyPatch, ElementReplacement } from '../core/render/html/bodyPatch';
export type { StartingConsensusRule } from '../core/domain/consensus';
export type { NewAssessorField } from '../core/language/assessorEdits';
