/** The SDK version, sent as `sdk: "hearback/<version>"` in every answer. Replaced at build time. */
export const VERSION: string = typeof __HEARBACK_VERSION__ === 'string' ? __HEARBACK_VERSION__ : '0.0.0-dev';

declare const __HEARBACK_VERSION__: string | undefined;
