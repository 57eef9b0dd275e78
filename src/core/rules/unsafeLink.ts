import { classifyLink } from '../domain/links';
import type { Path } from '../document/located';
import type { Rule, RuleContext } from './context';

/** Evidence and reference links are web or mail addresses, in-page links or relative paths: the one link policy (domain/links.ts). */
export const unsafeLink: Rule = {
  code: 'unsafe-link',
  kinds: ['Rubric', 'Assessment'],
  check(ctx) {
    if (ctx.inputs.kind === 'Rubric') {
      for (const ref of ctx.items<{ url?: string }>(['references'])) if (ref.value.url !== undefined) checkLink(ctx, ref.value.url, [...ref.path, 'url']);
      return;
    }
    for (const d of ctx.writtenDimensions()) {
      for (const link of d.evidence) checkLink(ctx, link.url, link.path);
      for (const answer of d.answers) for (const link of answer.evidence) checkLink(ctx, link.url, link.path);
    }
  },
};

function checkLink(ctx: RuleContext, url: string, path: Path): void {
  const verdict = classifyLink(url);
  if (!verdict.safe) ctx.report('unsafe-link', verdict.reason, ctx.at(path));
}
