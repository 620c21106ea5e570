import { describe, expect, it } from 'vitest';
import * as main from '../../../src/index';
import * as receiver from '../../../src/receiver';
import * as testing from '../../../src/testing';

// The public surface changes only on purpose: update these lists in the same commit, with the
// CHANGELOG entry saying who it breaks (see README, "Versioning and the payload").
describe('public exports', () => {
  it('hearback', () => expect(Object.keys(main).sort()).toEqual(['VERSION', 'init']));
  it('hearback/receiver', () => expect(Object.keys(receiver).sort()).toEqual(['MAX_BODY_BYTES', 'answerSchema', 'bandOf', 'ces', 'checkSurvey', 'contactWays', 'csat', 'dataBoundsProblem', 'hashAnswerKey', 'maxCommentLength', 'nps', 'parseAnswer', 'surveyKinds', 'surveyTypeRegistry', 'surveyTypes', 'unstorableTextProblem', 'utf8Length']));
  it('hearback/testing', () => expect(Object.keys(testing).sort()).toEqual(['HearbackTimeoutError', 'answerPrompt', 'createTestReceiver']));
});
