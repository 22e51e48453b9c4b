// The page's only data source: the GraphQL API beside it.
const ENDPOINT = '/graphql';
const PAGE = 50; // under the API's maximum page size (100) and its query cost limit

export async function gql(query, variables = {}) {
  const res = await fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json().catch(() => ({ errors: [{ message: `HTTP ${res.status}` }] }));
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data;
}

/**
 * Every item of a root list, page by page, up to `max` items. The query asks for the list
 * (`field`) and, on the first page only, its count field (`countField`, under `$withCount`).
 */
export async function fetchAll(query, field, countField, variables = {}, max = 1000) {
  const items = [];
  let totalCount = 0;
  for (let offset = 0; offset < max; offset += PAGE) {
    const data = await gql(query, { ...variables, limit: PAGE, offset, withCount: offset === 0 });
    if (offset === 0) totalCount = data[countField];
    const page = data[field];
    items.push(...page);
    if (offset + PAGE >= totalCount || !page.length) break;
  }
  return { items, totalCount };
}
