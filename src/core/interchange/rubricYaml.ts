import YAML from 'yaml';
import type { Conversion } from './conversion';

/** The converted rubric as a YAML file, with a header that says where it came from. */
export function rubricYaml(conversion: Conversion, command: string): string {
  const header = [
    `# ${conversion.rubric.title}, converted by "${command}" from ${conversion.source}.`,
    '# Its texts are your copy of the public model and keep that model\'s licence; edit them as you like.',
  ];
  return `${header.join('\n')}\n${YAML.stringify(conversion.rubric, { lineWidth: 100, minContentWidth: 40, blockQuote: 'literal' })}`;
}
