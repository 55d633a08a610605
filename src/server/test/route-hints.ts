/**
 * What generated checks cannot derive from a route's schemas. Add a line when a new route needs one;
 * the generated tests say which route could not be driven.
 */

/** Routes whose body is a file, not JSON: a small valid file for each. */
export const FILE_BODIES: Record<string, { contentType: string; body: string }> = {
  'POST /api/v1/projects/:id/deals/import': { contentType: 'text/csv', body: 'Title,Amount\nProbe deal,1000\n' },
  'POST /api/v1/accounts/import': { contentType: 'text/csv', body: 'Name,Industry\nProbe account,Retail\n' },
  'POST /api/v1/contacts/import': { contentType: 'text/csv', body: 'Name,E-mail\nProbe contact,\n' },
};

/** A request to a route, JSON or file, as `inject` takes it. */
export function bodyFor(routeKey: string, json: string | undefined): { payload: string | undefined; contentType: string | undefined } {
  const file = FILE_BODIES[routeKey];
  if (file) return { payload: file.body, contentType: file.contentType };
  return { payload: json, contentType: json === undefined ? undefined : 'application/json' };
}
