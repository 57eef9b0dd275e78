/**
 * The reference one file would write to name another: `./x.rubric.yaml`, `../rubrics/x.yaml`.
 * Undefined when the two are not in the same hierarchical place (other scheme or authority,
 * untitled documents).
 */
export function relativeReference(fromUri: string, toUri: string): string | undefined {
  let from: URL;
  let to: URL;
  try {
    from = new URL(fromUri);
    to = new URL(toUri);
  } catch {
    return undefined;
  }
  if (from.protocol !== to.protocol || from.host !== to.host) return undefined;
  if (!from.pathname.startsWith('/') || !to.pathname.startsWith('/')) return undefined;
  const fromDir = from.pathname.split('/').slice(0, -1);
  const target = to.pathname.split('/');
  let common = 0;
  while (common < fromDir.length && common < target.length - 1 && fromDir[common] === target[common]) common++;
  const ups = fromDir.length - common;
  const rest = target.slice(common).map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
  return (ups === 0 ? './' : '../'.repeat(ups)) + rest.join('/');
}
