import { describe, expect, it } from 'vitest';
import { optionsFromAttributes } from '../../../src/config/data-attributes';

describe('data-* attributes → init options', () => {
  it('maps every contract attribute', () => {
    const { options, errors } = optionsFromAttributes({
      endpoint: 'https://example.com/feedback', survey: 'nps', delay: '12', lang: 'th', accent: '#0f766e', position: 'bottom-left',
    });
    expect(errors).toEqual([]);
    expect(options).toEqual({
      endpoint: 'https://example.com/feedback',
      locale: 'th',
      theme: { accent: '#0f766e', position: 'bottom-left' },
      surveys: [{ id: 'nps', type: 'nps', trigger: { delay: 12 } }],
    });
  });

  it('shows a data-survey prompt 5 seconds after load when data-delay is absent', () => {
    expect(optionsFromAttributes({ endpoint: 'https://e.com/f', survey: 'csat' }).options?.surveys).toEqual([
      { id: 'csat', type: 'csat', trigger: { delay: 5 } },
    ]);
  });

  it('names the attribute in each error and keeps the good ones', () => {
    const { options, errors } = optionsFromAttributes({
      endpoint: 'https://e.com/f', survey: 'star', delay: 'soon', accent: 'blue', position: 'top', debug: 'yes',
    });
    expect(errors).toEqual([
      'data-survey must be one of "nps", "csat", "ces" (got "star")',
      'data-delay must be a number of seconds from 0 to 86400 (got "soon")',
      'data-accent must be a hex colour like "#2563eb" (got "blue")',
      'data-position must be one of "bottom-right", "bottom-left", "center" (got "top")',
      'data-debug must be one of "true", "false" (got "yes")',
    ]);
    expect(options).toEqual({ endpoint: 'https://e.com/f', theme: {} });
  });

  it('the app\'s snippet: data-surveys-url and data-shown-url, no survey in the tag', () => {
    const { options, errors } = optionsFromAttributes({
      endpoint: 'https://app.example/api/responses', surveysUrl: 'https://app.example/api/surveys.json', shownUrl: 'https://app.example/api/shown',
    });
    expect(errors).toEqual([]);
    expect(options).toEqual({
      endpoint: 'https://app.example/api/responses', surveysUrl: 'https://app.example/api/surveys.json', shownUrl: 'https://app.example/api/shown', theme: {},
    });
    expect(optionsFromAttributes({ endpoint: 'https://e.com/f', surveysUrl: '' }).errors).toEqual(['data-surveys-url must be an https URL, not empty (got "")']);
  });

  it('without data-endpoint there is nothing to start', () => {
    expect(optionsFromAttributes({ survey: 'nps' }).options).toBeUndefined();
  });
});
