import type { PromptCode } from './prompt-types';
import { createPromptUi } from './prompt-ui';

/** The prompt chunk's contents: the npm module imports this file with `import()`, the script tag's chunk registers it. */
export const promptCode: PromptCode = { createPromptUi };
