export { createTestReceiver, type TestReceiver } from './testing/test-receiver';
export { answerPrompt, type PromptAnswer } from './testing/answer-prompt';
export { HearbackTimeoutError } from './common/errors';
