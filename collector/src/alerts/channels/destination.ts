import { promises as dns, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { DeliveryError, type RefusedWhy } from './delivery-error';

/** A host's addresses, as `dns.lookup(host, { all: true })` gives them. */
export type Resolver = (host: string) => Promise<LookupAddress[]>;

/**
 * Where alerts may go. `allowPrivate` (HEARBACK_ALLOW_PRIVATE_DESTINATIONS=1) lets loopback, private,
 * CGNAT, unspecified and unique-local addresses through (tests, a shop's own network); link-local and
 * cloud-metadata addresses are refused whatever it says. `resolve` is the DNS (tests inject one).
 */
export interface DestinationPolicy {
  allowPrivate: boolean;
  resolve?: Resolver;
  /** How long a lookup may take. @default 5000 */
  resolveTimeoutMs?: number;
}

export class DestinationRefused extends Error {
  override name = 'DestinationRefused' as const;
  constructor(readonly host: string, readonly why: RefusedWhy, readonly address: string | null) {
    super(`${host}${address && address !== host ? ` (${address})` : ''} is refused as an alert destination: ${why}`);
  }
}

// Names that answer with a cloud's instance metadata (credentials) from inside it.
const metadataNames = new Set(['metadata', 'metadata.google.internal', 'metadata.goog', 'instance-data', 'instance-data.ec2.internal', 'metadata.azure.internal', 'metadata.tencentyun.com']);
// AWS (IPv4 is link-local anyway; IPv6 is in unique-local space), Alibaba Cloud (in CGNAT space), Oracle and others use 169.254.169.254.
const metadataAddresses = new Set(['169.254.169.254', '169.254.170.2', 'fd00:ec2::254', '100.100.100.200']);
const privateRanges = new Set(['loopback', 'private', 'carrierGradeNat', 'unspecified', 'uniqueLocal']);

/** How an address may be used: `public`, or why it is refused (before `allowPrivate` is applied). */
export function classifyAddress(address: string): 'public' | Exclude<RefusedWhy, 'unresolved'> {
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is.
  const parsed = ipaddr.process(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  if (metadataAddresses.has(parsed.toNormalizedString()) || metadataAddresses.has(parsed.toString())) return 'metadata';
  const range = parsed.range();
  if (range === 'unicast') return 'public';
  if (range === 'linkLocal') return 'link-local';
  return privateRanges.has(range) ? 'private' : 'reserved';
}

const normalHost = (host: string) => host.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();

const systemResolver: Resolver = (host) => dns.lookup(host, { all: true, verbatim: true });

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Resolves `host` once and checks every address it has: any refused address refuses the host (a
 * name that also points inside is not trusted). Resolves with the address to connect to; the caller
 * connects to exactly that one (`fixedLookup`), so DNS cannot answer differently in between.
 * Throws `DestinationRefused`.
 */
export async function checkedAddress(rawHost: string, policy: DestinationPolicy): Promise<LookupAddress> {
  const host = normalHost(rawHost);
  if (metadataNames.has(host)) throw new DestinationRefused(host, 'metadata', null);
  let addresses: LookupAddress[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await withTimeout((policy.resolve ?? systemResolver)(host), policy.resolveTimeoutMs ?? 5000);
    } catch {
      addresses = [];
    }
  }
  if (!addresses.length) throw new DestinationRefused(host, 'unresolved', null);
  for (const { address } of addresses) {
    let kind: ReturnType<typeof classifyAddress>;
    try {
      kind = classifyAddress(address);
    } catch {
      throw new DestinationRefused(host, 'reserved', address);
    }
    if (kind === 'public' || (kind === 'private' && policy.allowPrivate)) continue;
    throw new DestinationRefused(host, kind, address);
  }
  return addresses[0];
}

/**
 * `checkedAddress` for a send: a refusal becomes a DeliveryError naming `shownHost` (a name with no
 * address may have one later, so that one is retried; the others never change).
 */
export async function addressForSend(host: string, shownHost: string, policy: DestinationPolicy): Promise<LookupAddress> {
  try {
    return await checkedAddress(host, policy);
  } catch (error) {
    if (!(error instanceof DestinationRefused)) throw error;
    throw new DeliveryError({ code: 'refused', host: shownHost, why: error.why }, { retryable: error.why === 'unresolved', cause: error });
  }
}

/** A `lookup` for `http.request`/`net.connect` that answers with the already checked address only. */
export function fixedLookup({ address, family }: LookupAddress): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as LookupFunction;
}
