/**
 * The one module of the webviews' scripts that imports src/core: the shape of a body patch the
 * extension sends. It is a type only, so nothing of the core is bundled into the scripts that run
 * in the page (the `src/layers` lint, CORE_ENTRIES in scripts/layers.mjs).
 */
export type { BodyPatch, ElementReplacement } from '../core/render/html/bodyPatch';
