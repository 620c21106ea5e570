/** One file the loader can fetch: its name beside the loader and its Subresource Integrity value. */
export interface ChunkFile {
  file: string;
  /** `sha256-…` of the file's bytes: the browser refuses to run anything else. */
  integrity: string;
}

/**
 * The chunks of one build, each by its SRI value (`sha256-…`), written into the loader by the build
 * (rollup.config.mjs). A chunk's file name is made from that value (`chunkFile`), so the loader
 * carries each chunk's digest once.
 */
export interface ChunkManifest {
  /** Options checks, triggers, rules, consent and the outbox. */
  engine: string;
  /** preact, signals, the UI and its stylesheet (each language's texts are a chunk of their own). */
  prompt: string;
  /** Each language's texts, by tag. */
  languages: Record<string, string>;
}

/**
 * A chunk's file: `hearback-<name>.<the first 8 characters of its digest, base64url>.min.js` (`name`:
 * `engine`, `prompt` or `lang-<tag>`). The build names each chunk by this rule (rollup.config.mjs,
 * `chunkFileName`; a unit test holds the two to the same names).
 */
export const chunkFile = (name: string, integrity: string): ChunkFile => ({
  file: `hearback-${name}.${integrity.slice(7, 15).replace(/\+/g, '-').replace(/\//g, '_')}.min.js`,
  integrity,
});

/** The manifest the build wrote into this file's bundle (rollup.config.mjs replaces the name); undefined unbuilt (tests). */
export const builtChunks = (): ChunkManifest | undefined => (typeof __HEARBACK_CHUNKS__ === 'object' ? __HEARBACK_CHUNKS__ : undefined);

declare const __HEARBACK_CHUNKS__: ChunkManifest | undefined;
