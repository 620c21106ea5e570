import type { PromptCode, PromptSource } from '../ui/prompt-types';
import type { ChunkManifest } from './chunk-manifest';
import { loadScriptChunk, type ChunkPlace } from './load-script-chunk';

/** The script tag's prompt: its chunk, and the chunk of the language a prompt is shown in. */
export function scriptPromptSource(chunks: ChunkManifest, place: ChunkPlace): PromptSource {
  return {
    loadPrompt: () => loadScriptChunk(chunks.prompt, place) as Promise<PromptCode>,
    async loadLanguage(tag) {
      const chunk = Object.prototype.hasOwnProperty.call(chunks.languages, tag) ? chunks.languages[tag] : undefined;
      return chunk && ((await loadScriptChunk(chunk, place)) as string);
    },
  };
}
