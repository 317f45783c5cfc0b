/** The scroll paging style (`GET /companies/scroll`: one open scroll per app, `scroll_param` continues). */
import { IntercomNetworkError, IntercomNotFoundError, IntercomRequestError, IntercomSchemaError, IntercomServerError } from './errors';
import { readPage } from './page-reading';
import type { Page, PagingClient, ScrollPager } from './pagers';

/**
 * `GET /companies/scroll` walked: "scroll already exists" waited out, a 5xx, a network failure or an
 * expired `scroll_param` restart the scroll from the beginning (the next page says `restarted`).
 */
export async function* scrollPages<T>(client: PagingClient, pager: ScrollPager<T>, from: { scrollParam: string; read: number } | undefined): AsyncGenerator<Page<T>> {
  const pauseMs = pager.existingScrollWait?.pauseMs ?? 15_000;
  const maxWaits = pager.existingScrollWait?.maxWaits ?? 6;
  const maxRestarts = pager.maxRestarts ?? 5;
  let scrollParam = from?.scrollParam;
  let read = from?.read ?? 0;
  let waits = 0;
  let restarts = 0;
  let restarted = false;

  for (;;) {
    let response: unknown;
    try {
      response = await client.requestJson({
        method: 'GET',
        path: pager.path,
        query: { ...pager.params, scroll_param: scrollParam },
        // Each call advances the scroll on Intercom's side: after a 5xx, a timeout or a broken body
        // a replay would skip a page, so only a 429 is retried in place; the rest restarts (below).
        idempotent: false,
      });
    } catch (error) {
      if (scrollParam === undefined && isScrollAlreadyOpen(error)) {
        waits += 1;
        if (waits > maxWaits) throw error;
        await client.pause(pauseMs, 'another scroll of this app is still open');
        continue;
      }
      const broken =
        error instanceof IntercomServerError || error instanceof IntercomNetworkError || (scrollParam !== undefined && isExpiredScroll(error));
      if (!broken) throw error;
      restarts += 1;
      if (restarts > maxRestarts) throw error;
      await client.pause(client.backoffMs(restarts), `restarting the ${pager.kind} scroll`);
      scrollParam = undefined;
      read = 0;
      restarted = true;
      continue;
    }
    const page = readPage(pager, response);
    if (page.rawCount === 0) return;
    const param = (response as Record<string, unknown>).scroll_param;
    if (typeof param !== 'string' || param === '') {
      throw new IntercomSchemaError(`${pager.kind} scroll page`, undefined, [{ path: 'scroll_param', message: 'expected a non-empty string' }], {
        method: 'GET',
        path: pager.path,
      });
    }
    scrollParam = param;
    read += page.rawCount;
    yield {
      items: page.items,
      invalid: page.invalid,
      ...(page.totalCount === undefined ? {} : { totalCount: page.totalCount }),
      next: { style: 'scroll', scrollParam, read },
      ...(restarted ? { restarted: true } : {}),
    };
    restarted = false;
  }
}

/** Intercom's answer when the app already has an open scroll (one per app; spec of /companies/scroll). */
export function isScrollAlreadyOpen(error: unknown): boolean {
  if (!(error instanceof IntercomRequestError)) return false;
  const text = `${error.code ?? ''} ${error.intercomMessage ?? ''}`;
  return /scroll/i.test(text) && /(already|exist|open)/i.test(text);
}

/** A scroll_param that no longer works (expired after a minute idle, or ended). */
function isExpiredScroll(error: unknown): boolean {
  return error instanceof IntercomNotFoundError || (error instanceof IntercomRequestError && !isScrollAlreadyOpen(error));
}
