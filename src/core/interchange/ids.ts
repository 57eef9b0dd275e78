/**
 * Ids for converted models: the format's kebab-case from the names the source uses, unique where
 * the format needs them unique (a second "Build" becomes "build-2").
 */
const MAX_ID_LENGTH = 200;

/** `text` in kebab-case ("Static depth for applications" → "static-depth-for-applications"); `prefix` is put before one that would not start with a letter. */
export function kebabId(text: string, prefix: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let id = words.join('-');
  if (!/^[a-z]/.test(id)) id = id ? `${prefix}-${id}` : prefix;
  return id.length <= MAX_ID_LENGTH ? id : id.slice(0, MAX_ID_LENGTH).replace(/-+$/, '');
}

/** Hands out ids, each once: a taken one gets "-2", "-3"... */
export class IdAllocator {
  private readonly taken = new Set<string>();

  take(preferred: string): string {
    let id = preferred;
    for (let n = 2; this.taken.has(id); n++) id = `${preferred.slice(0, MAX_ID_LENGTH - String(n).length - 1)}-${n}`;
    this.taken.add(id);
    return id;
  }
}
