import type { PromptCode, PromptSource } from '../ui/prompt-types';
import type { ChunkManifest } from './chunk-manifest';
import { loadScriptChunk, type ChunkPlace } from './load-script-chunk';

/** The script tag's prompt: its chunk, and the chunk of the language a prompt is shown in. */
export function scriptPromptSource(chunks: ChunkManifest, place: ChunkPlace): PromptSource {
  return {
    loadPrompt: () => loadScriptChunk('prompt', chunks.prompt, place) as Promise<PromptCode>,
    async loadLanguage(tag) {
      const integrity = Object.prototype.hasOwnProperty.call(chunks.languages, tag) ? chunks.languages[tag] : undefined;
      return integrity && ((await loadScriptChunk(`lang-${tag}`, integrity, place)) as string);
    },
  };
}
