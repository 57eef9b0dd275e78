import { validateAction, validateWorkflow, type ValidationState } from '@action-validator/core';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FAIL_ON, OUTPUT_KINDS, readInputs } from '../../src/action/inputs';
import { ACTION_USES, CLI_PACKAGE } from '../../src/cli/distribution';
import { starterWorkflow } from '../../src/cli/initTemplates';
import { REPO_ROOT } from '../support/cli';

// action.yml, the workflow `rubrics init --with-ci` writes, and the workflow snippets in the
// README, checked with @action-validator/core (GitHub's published schemas for actions and
// workflows), and against each other.

const actionYaml = fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8');
const action = parse(actionYaml) as {
  inputs: Record<string, { default?: string; description: string }>;
  runs: { using: string; main: string };
};
const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
const security = fs.readFileSync(path.join(REPO_ROOT, 'SECURITY.md'), 'utf8');

/** The errors, flattened to "path: detail" lines, so a failure says what is wrong. */
function problems(state: ValidationState): string[] {
  const lines: string[] = [];
  const walk = (errors: ValidationState['errors']) => {
    for (const e of errors) {
      lines.push(`${'path' in e ? e.path : ''}: ${e.title}${e.detail ? ` (${e.detail})` : ''}`);
      if ('states' in e) for (const s of e.states ?? []) walk(s.errors);
    }
  };
  walk(state.errors);
  return lines;
}

/** The ```yaml blocks of a Markdown file (the README by default) that run the Action. */
function readmeWorkflows(markdown = readme): string[] {
  return [...markdown.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '').filter((block) => block.includes(`uses: ${ACTION_USES}`));
}

describe('action.yml', () => {
  it('runs its bundle (committed at release tags) on Node 24, and is otherwise valid by the schema', () => {
    // GitHub moved JavaScript actions to node24; the validator's schema (0.6) still lists node20
    // as the newest, so everything but that one value is checked against it.
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/action/index.js' });
    expect(problems(validateAction(actionYaml.replace(/^( {2}using:) node24$/m, '$1 node20')))).toEqual([]);
    expect(problems(validateAction(actionYaml)).join('\n')).toMatch(/\/runs\/using/);
  });

  it('declares exactly the inputs the Action reads, with defaults it accepts', () => {
    const defaults: Record<string, string> = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [`INPUT_${name.toUpperCase()}`, input.default ?? '']));
    const read = new Set<string>();
    const env = new Proxy(defaults, {
      get(target, key: string) {
        if (key.startsWith('INPUT_')) read.add(key);
        return key === 'INPUT_TOKEN' ? 'token' : target[key];
      },
    });
    const { inputs, problems: wrong } = readInputs(env);
    expect(wrong).toEqual([]);
    expect([...read].sort()).toEqual(Object.keys(defaults).sort());
    expect([...inputs.formats]).toEqual([...OUTPUT_KINDS]);
    expect(inputs.failOn).toBe('error');
    expect(inputs.comment).toBe(false);
    for (const value of FAIL_ON) expect(action.inputs['fail-on']?.description).toContain(`"${value}"`);
    for (const kind of OUTPUT_KINDS) expect(action.inputs.formats?.description).toContain(`"${kind}"`);
  });
});

describe('the workflow of `rubrics init --with-ci`', () => {
  for (const directory of ['rubrics', '.', 'governance/it-maturity']) {
    it(`is a valid workflow that runs the Action on ${directory}`, () => {
      const workflow = starterWorkflow(directory);
      expect(problems(validateWorkflow(workflow))).toEqual([]);
      const parsed = parse(workflow) as { jobs: { check: { steps: { uses?: string; with?: Record<string, unknown> }[] } }; permissions: Record<string, string> };
      const step = parsed.jobs.check.steps.find((s) => s.uses === ACTION_USES);
      expect(step?.with).toEqual({ paths: directory, comment: true });
      expect(parsed.permissions['pull-requests']).toBe('write');
      // Every input it sets is one the Action declares.
      for (const name of Object.keys(step?.with ?? {})) expect(Object.keys(action.inputs)).toContain(name);
    });
  }
});

describe('the README', () => {
  it('shows workflows that run the Action, valid by the schema, with inputs the Action declares (and so does SECURITY.md)', () => {
    const workflows = [...readmeWorkflows(), ...readmeWorkflows(security)];
    expect(readmeWorkflows(security).length).toBeGreaterThan(0);
    for (const workflow of workflows) {
      expect(problems(validateWorkflow(workflow))).toEqual([]);
      const parsed = parse(workflow) as { jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }> };
      for (const job of Object.values(parsed.jobs)) {
        for (const step of job.steps.filter((s) => s.uses === ACTION_USES)) {
          for (const name of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs)).toContain(name);
        }
      }
    }
  });

  it('installs the CLI by its package name, and never runs a bare `npx rubrics` that could fetch someone else\'s package', () => {
    expect(readme).toContain(`npm install --save-dev ${CLI_PACKAGE}`);
    expect(readme).toContain(`npx ${CLI_PACKAGE} `);
    // `npx rubrics` is fine where the package is installed (the README says so first); in CI the
    // Action runs the tool itself.
    for (const workflow of readmeWorkflows()) expect(workflow).not.toMatch(/\bnpx\b/);
  });
});
