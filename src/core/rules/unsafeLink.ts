import { classifyLink } from '../domain/links';
import type { WrittenLink } from '../domain/assessmentFacts';
import type { Rule, RuleContext } from './context';

/** Evidence and reference links are web or mail addresses, in-page links or relative paths: the one link policy (domain/links.ts). */
export const unsafeLink: Rule = {
  code: 'unsafe-link',
  kinds: ['Rubric', 'Assessment'],
  check(ctx) {
    if (ctx.inputs.kind === 'Rubric') {
      for (const ref of ctx.items<{ url?: string }>(['references'])) if (ref.value.url !== undefined) checkLink(ctx, { url: ref.value.url, path: [...ref.path, 'url'] });
      return;
    }
    // The assessment's own evidence, and each assessor's.
    for (const dimensions of ctx.writtenAnswerSets()) {
      for (let i = 0; i < dimensions.length; i++) {
        const d = dimensions[i]!;
        checkLinks(ctx, d.evidence);
        for (let j = 0; j < d.answers.length; j++) checkLinks(ctx, d.answers[j]!.evidence);
      }
    }
  },
};

function checkLinks(ctx: RuleContext, links: readonly WrittenLink[]): void {
  for (let i = 0; i < links.length; i++) checkLink(ctx, links[i]!);
}

/** A link's place is read only when it is reported: working it out for every link cost more than checking them. */
function checkLink(ctx: RuleContext, link: Pick<WrittenLink, 'url' | 'path'>): void {
  const verdict = classifyLink(link.url);
  if (!verdict.safe) ctx.report('unsafe-link', verdict.reason, ctx.at(link.path));
}
