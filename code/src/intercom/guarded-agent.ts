/**
 * HTTP(S) agents for downloads whose DNS lookup refuses non-public addresses (issue 10 §4): the
 * address checked is the address connected to, so a hostname that resolves to 127.0.0.1, 10.x or
 * 169.254.169.254 (cloud metadata) is never reached, whatever the URL looked like.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { DownloadNotAllowedError, allowsLoopback, refusedAddressRange, type DownloadPolicy } from './download-hosts';

/** A `lookup` that resolves every address of the host and fails when any of them is refused. */
export function guardedLookup(policy: DownloadPolicy, resolve: typeof dns.lookup = dns.lookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const list = addresses;
      const loopbackOk = allowsLoopback(hostname, policy);
      for (const { address } of list) {
        const range = refusedAddressRange(address, loopbackOk);
        if (range) {
          return callback(new DownloadNotAllowedError(`host ${hostname}`, `it resolves to ${address} (${range}), not a public address`), '', 0);
        }
      }
      if (options.all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(new Error(`no address for ${hostname}`), '', 0);
      return callback(null, first.address, first.family);
    });
  };
}

/** The agents of one client's downloads (keep-alive, guarded lookup). */
export function downloadAgents(policy: DownloadPolicy, resolve?: typeof dns.lookup): { httpAgent: http.Agent; httpsAgent: https.Agent } {
  const lookup = guardedLookup(policy, resolve);
  return { httpAgent: new http.Agent({ keepAlive: true, lookup }), httpsAgent: new https.Agent({ keepAlive: true, lookup }) };
}
