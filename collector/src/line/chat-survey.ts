import type { Queryable } from '../db/database';
import { createLinkStore } from '../links/link-store';
import type { LinkSurvey } from '../links/link-survey';

/** A survey as a LINE chat asks it: its type, its own question per language, whether one order answers once. */
export type ChatSurvey = Pick<LinkSurvey, 'id' | 'type' | 'question' | 'singleUse'>;

/** Reads a survey definition by id; undefined when there is none. */
export type ChatSurveySource = (id: string) => Promise<ChatSurvey | undefined>;

/**
 * Where chat surveys come from: the app's survey definitions — today the link surveys (the links
 * page). This is the one place to read them, so published surveys can take over here.
 */
export function linkSurveySource(db: Queryable): ChatSurveySource {
  const store = createLinkStore(db);
  return async (id) => {
    const survey = await store.get(id);
    return survey && { id: survey.id, type: survey.type, question: survey.question, singleUse: survey.singleUse };
  };
}
