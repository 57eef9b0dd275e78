// The walkthrough's sample, kept free of VS Code so a test can check it with the engine.

/** The sample the "Get started" walkthrough writes: an assessment against a built-in framework, that checks clean. */
export const SAMPLE_FILE_NAME = 'getting-started.assessment.yaml';

export function sampleAssessment(today: Date): string {
  const date = today.toISOString().slice(0, 10);
  return `# A first assessment against the built-in "seven attributes" framework.
# Hover a dimension for its level descriptors; the CodeLens above each one shows where it stands.
# Open the report beside it with Ctrl+K V (Cmd+K V on a Mac).
apiVersion: rubrics-as-code/v1
kind: Assessment
id: getting-started
rubric: seven-attributes
subject:
  organization: Example Corp
  unit: Group IT
date: ${date}
dimensions:
  outward-looking-perspective:
    target: 3
    answers:
      olp-context-and-beneficiary: yes
      olp-outside-in-design: no
  aggressive-outsourcing:
    target: 3
    answers:
      ao-service-inventory:
        answer: yes
        evidence: [https://wiki.example.com/it/service-catalogue]
`;
}
