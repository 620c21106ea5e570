/**
 * The prompt's built-in wording in English (the keys of `i18n/messages.ts`, in order; the contract's
 * questions): a chunk of its own, fetched beside the prompt's code when a prompt is shown in English.
 */
export const table =
  'How likely are you to recommend us to a friend or colleague?|How would you rate your overall satisfaction with what you received?|How easy was it to deal with us today?|Not at all likely|Extremely likely|Very dissatisfied|Very satisfied|Very difficult|Very easy|What is the main reason for your score?|Send|Skip|Close|Thank you for your feedback!|Other|You may contact me about my answer|Answers waiting for the network: {n}|Minimise|Feedback|Done|Phone|Email|LINE ID|Enter a phone number: 6–15 digits|Enter an email address like name@example.com|Enter a LINE ID: 4–20 letters, digits, ".", "_" or "-"|Leave a way to reach you, or untick the box';
