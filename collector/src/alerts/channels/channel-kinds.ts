import { discord } from './discord';
import { email } from './email';
import type { ChannelKindSpec } from './kind-spec';
import { line } from './line';
import { slack } from './slack';
import { webhook } from './webhook';

/**
 * Every kind of alert channel, in the order the alerts page offers them. Each is one file (its
 * settings, form, label and send); a new kind is a new file listed here (and a migration widening
 * `alert_channels.kind`'s CHECK).
 */
export const channelKindSpecs = [line, slack, discord, email, webhook] as const;

export type ChannelKind = (typeof channelKindSpecs)[number]['kind'];

export const channelKinds: readonly ChannelKind[] = channelKindSpecs.map((spec) => spec.kind);

const byKind = new Map<string, ChannelKindSpec>(channelKindSpecs.map((spec) => [spec.kind, spec]));

export const isChannelKind = (value: string | undefined): value is ChannelKind => byKind.has(value as string);

/** A kind's spec; `undefined` only for a kind this collector does not know. */
export function channelKindSpec(kind: ChannelKind): ChannelKindSpec;
export function channelKindSpec(kind: string): ChannelKindSpec | undefined;
export function channelKindSpec(kind: string): ChannelKindSpec | undefined {
  return byKind.get(kind);
}

/** The settings of a kind that are secrets (encrypted at rest, shown masked); none for an unknown kind. */
export function secretFields(kind: string): readonly string[] {
  return byKind.get(kind)?.fields.filter((field) => field.secret).map((field) => field.name) ?? [];
}
