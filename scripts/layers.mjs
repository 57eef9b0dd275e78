// The stages of src/core, lowest first. A folder imports only folders below it, so data flows one
// way: text → … → language. `yaml/` is wrapped by `document/`: nothing else reads YAML spans.
// Used by eslint.config.mjs (the `core/layers` rule) and by test/architecture.test.ts.
import path from 'node:path';

export const CORE_LAYERS = [
  'generated', // build output of `npm run gen`: schema validators, types, built-in texts
  'text', // ranges, line index, plurals, did-you-mean
  'diagnostics', // the code registry and the diagnostic shape
  'format', // the format's types and enums, generated from the schemas
  'yaml', // text → YAML documents with spans (fast and full parsers)
  'document', // a located document: values and where each path sits in the text
  'schema', // the JSON Schema stage, with where each error is
  'builtins', // the frameworks shipped with the tool
  'domain', // rubric index and facts: answers, exemptions, evidence, links, dates, terms
  'scoring', // scores and plan projections, pure over domain facts
  'resolve', // references between documents: reading the files, finding the targets
  'rules', // the rule registry: checks that read facts and scores
  'engine', // src/core/engine.ts: parse → envelope → schema → index → score → rules
  'report', // the report model and the score diff
  'review', // a change for a reviewer: rubric changes, why scores moved, impact, history
  'views', // views across documents: the portfolio of many assessments, units compared, plans' trajectories
  'render', // text, Markdown, HTML, JSON and CSV renderings of reports and views
  'language', // editor features over located documents
  'interchange', // other formats: model importers (SAMM, DSOMM, Scorecard), spreadsheets of answers (written back through language/answerEdits)
];

/** Layers that only some layers above them may use. */
export const IMPORTABLE_ONLY_BY = { yaml: ['document'] };

/** The layer of a file under src/core (engine.ts is a layer of its own), or undefined outside src/core. */
export function coreLayerOf(file, coreDir) {
  const relative = path.relative(coreDir, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const [first, ...rest] = relative.split(path.sep);
  if (rest.length === 0) return first.replace(/\.(ts|js|d\.ts)$/, '');
  return first;
}

/** Why `importer` may not import `target` (both absolute paths), or undefined when it may. */
export function layerViolation(importer, target, coreDir) {
  const from = coreLayerOf(importer, coreDir);
  const to = coreLayerOf(target, coreDir);
  if (from === undefined || to === undefined || from === to) return undefined;
  const fromRank = CORE_LAYERS.indexOf(from);
  const toRank = CORE_LAYERS.indexOf(to);
  if (fromRank < 0) return `src/core/${from} is not a known stage; add it to CORE_LAYERS in scripts/coreLayers.mjs.`;
  if (toRank < 0) return `src/core/${to} is not a known stage; add it to CORE_LAYERS in scripts/coreLayers.mjs.`;
  if (toRank > fromRank) return `src/core/${from} may not import src/core/${to}: each stage imports only the stages below it (see CORE_LAYERS in scripts/coreLayers.mjs).`;
  const only = IMPORTABLE_ONLY_BY[to];
  if (only && !only.includes(from)) return `src/core/${from} may not import src/core/${to}: only ${only.map((l) => `src/core/${l}`).join(', ')} reads it; go through that.`;
  return undefined;
}
