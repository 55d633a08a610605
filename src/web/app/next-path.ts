/** Where to go after signing in: the page that asked for it (`?next=`), if it is one of ours. */
export function nextPath(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/projects';
}
