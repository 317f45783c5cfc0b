/**
 * A pipeline whose snap-in reaches Intercom through a hostile proxy: one per test, both closed after
 * each test (call `usePipelineBehindProxy` at the top of a describe block).
 */
import { startHostileProxy, type HostileProxy, type ProxyRule } from './hostile-proxy';
import { startPipeline, type Pipeline } from './pipeline-helpers';
import { smallWorkspace } from './small-workspace';

/** A tiny workspace, for the tests about one phase's answers. */
export const TINY_WORKSPACE = smallWorkspace({ conversations: 2, helpCenters: 1 });

export function usePipelineBehindProxy(): (
  intercomOptions: Parameters<typeof startPipeline>[0],
  functionOptions: Parameters<typeof startPipeline>[1],
  rules: ProxyRule[],
) => Promise<{ p: Pipeline; proxy: HostileProxy }> {
  let open: { p: Pipeline; proxy?: HostileProxy } | undefined;
  afterEach(async () => {
    await open?.proxy?.close();
    await open?.p.close();
    open = undefined;
  });
  return async (intercomOptions, functionOptions, rules) => {
    const p = await startPipeline(intercomOptions, functionOptions);
    open = { p };
    open.proxy = await startHostileProxy(p.intercom.baseUrl, rules);
    return { p, proxy: open.proxy };
  };
}
