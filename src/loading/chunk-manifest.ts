/** One file the loader can fetch: its name beside the loader and its Subresource Integrity value. */
export interface ChunkFile {
  file: string;
  /** `sha256-…` of the file's bytes: the browser refuses to run anything else. */
  integrity: string;
}

/** The chunks of one build, written into the loader by the build (rollup.config.mjs). */
export interface ChunkManifest {
  /** Options checks, triggers, rules, consent and the outbox. */
  engine: ChunkFile;
  /** preact, signals, the UI and its stylesheet (each language's texts are a chunk of their own). */
  prompt: ChunkFile;
  /** The other languages' texts, by tag. */
  languages: Record<string, ChunkFile>;
}

/** The manifest the build wrote into this file's bundle (rollup.config.mjs replaces the name); undefined unbuilt (tests). */
export const builtChunks = (): ChunkManifest | undefined => (typeof __HEARBACK_CHUNKS__ === 'object' ? __HEARBACK_CHUNKS__ : undefined);

declare const __HEARBACK_CHUNKS__: ChunkManifest | undefined;
