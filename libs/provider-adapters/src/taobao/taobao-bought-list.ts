// Reading the bought list the way its own page does: the list page carries its first page of
// orders as embedded JSON, and the pager asks the list's JSON query for the others with
// `fetch` from that page (no navigation, so a page costs the request and little else).

import type { TaobaoSite } from './taobao-site';

export interface BoughtQuery {
  pageNum: number;
  pageSize: number;
}

/** One page of the bought list, as the list's JSON query answers it. */
export async function readBoughtPage(
  site: TaobaoSite,
  query: BoughtQuery,
): Promise<Record<string, unknown>> {
  const { reader, profile } = site;
  const params = new URLSearchParams({
    [profile.fields.pageNum]: String(query.pageNum),
    [profile.fields.pageSize]: String(query.pageSize),
  });
  const listUrl = reader.url('orders.list');
  if (!(await site.showsOriginOf(listUrl))) {
    // The list page has to be opened anyway; when it embeds the very page asked for, that
    // page costs no further request.
    const page = await site.open('orders.list', `${listUrl}?${params}`);
    const data = (await reader.embeddedJson(page, 'orders.data')) as Record<string, unknown>;
    if (
      reader.number(data, 'bought.currentPage') === query.pageNum &&
      reader.number(data, 'bought.pageSize') === query.pageSize
    ) {
      return data;
    }
  }

  return searchBought(site, params);
}

/** The list's JSON query with any of its parameters (page, size, title or order number). */
export async function searchBought(
  site: TaobaoSite,
  params: URLSearchParams,
): Promise<Record<string, unknown>> {
  const { reader } = site;

  return site.fetchJson(
    'orders.async',
    `${reader.url('orders.async')}?${params}`,
    reader.url('orders.list'),
  );
}
