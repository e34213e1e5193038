/**
 * The ways an attacker spells a path so that a check on the URL's text misses it while the router still finds the
 * route: percent-encoded letters, doubled slashes, dot segments, other letter case, trailing dots and slashes.
 */
export function bypassSpellings(path: string): string[] {
  const encode = (text: string) =>
    Array.from(text)
      .map((char) => (/[a-z]/i.test(char) ? `%${char.charCodeAt(0).toString(16)}` : char))
      .join('');
  const segments = path.split('/').slice(1);
  const [first = '', ...rest] = segments;
  const spellings = [
    `/${encode(first.slice(0, 1))}${first.slice(1)}/${rest.join('/')}`,
    `/${segments.map(encode).join('/')}`,
    `/${first.toUpperCase()}/${rest.join('/')}`,
    `//${segments.join('/')}`,
    `/${first}//${rest.join('/')}`,
    `/${first}/./${rest.join('/')}`,
    `/${first}/x/../${rest.join('/')}`,
    `/${first}%2F${rest.join('/')}`,
    `${path}.`,
    `${path}/`,
    `${path}%00`,
    `${path}?%00=1`,
    `/${first}\\${rest.join('\\')}`,
  ];
  return [...new Set(spellings)].filter((spelling) => spelling !== path);
}
