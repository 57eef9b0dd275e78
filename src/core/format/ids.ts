/**
 * The format's ids (common.schema.json's `id`): kebab-case, made from names people wrote (a
 * converted model's activities, a new assessor's name), unique where the format needs them
 * unique (a second "Build" becomes "build-2").
 */
const MAX_ID_LENGTH = 200;
const ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Whether `text` is an id as the format writes one: lowercase letters, digits and single hyphens, starting with a letter, at most 200 characters. */
export function isFormatId(text: string): boolean {
  return text.length <= MAX_ID_LENGTH && ID_PATTERN.test(text);
}

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
