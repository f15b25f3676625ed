/** The page's address with `fragment` as its hash (and without `?embed`): the link someone else opens. */
export function shareUrl(fragment: string, location: Pick<Location, 'origin' | 'pathname' | 'search'> = window.location): string {
  const params = new URLSearchParams(location.search);
  params.delete('embed');
  const search = params.toString();
  return `${location.origin}${location.pathname}${search ? `?${search}` : ''}#${fragment}`;
}

/** The same scenario as a minimal view for an iframe (`?embed`). */
export function embedUrl(fragment: string, location: Pick<Location, 'origin' | 'pathname' | 'search'> = window.location): string {
  const params = new URLSearchParams(location.search);
  params.delete('embed');
  const rest = params.toString();
  return `${location.origin}${location.pathname}?embed${rest ? `&${rest}` : ''}#${fragment}`;
}

/** `<iframe …>` markup for a blog or course page; the URL is escaped as an attribute value. */
export function embedSnippet(url: string, title: string): string {
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${attr(url)}" title="${attr(title)}" width="100%" height="560" style="border:0" loading="lazy"></iframe>`;
}

/** The scenario link in the page's address, if any: `#v1.…`. */
export function linkFragment(hash: string): string | undefined {
  return /^#v\d+\./.test(hash) ? hash.slice(1) : undefined;
}
