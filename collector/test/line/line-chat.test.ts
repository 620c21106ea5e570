// A survey inside LINE chat, end to end against a local fake of LINE's API: the keyword, the
// score buttons, the tap that stores the answer (once, also when LINE redelivers), the "why", the
// comment that amends it, the thank-you, and the dashboard counting it — in Thai and English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentWindowMs } from '../../src/line/line-asks';
import { databaseKind } from '../harness';
import { CHANNEL_SECRET, CHANNEL_TOKEN, CUSTOMER, events, startLineCollector, type LineCollector } from './line-fixture';

const OTHER = `U${'b'.repeat(32)}`;
const GROUP = `C${'c'.repeat(32)}`;

describe(`a survey in LINE chat (${databaseKind})`, () => {
  let app: LineCollector;
  const stored = async (survey: string) =>
    (await app.db.query<{ id: string; score: number; comment: string | null; user_id: string; context: Record<string, string>; locale: string }>(
      'SELECT id, score, comment, user_id, context, locale FROM responses WHERE survey = $1 ORDER BY answered_at', [survey])).rows;
  const lastReply = () => app.line.replies.at(-1)!;

  beforeAll(async () => {
    app = await startLineCollector({ line: { groups: { [GROUP]: 'ทีมร้านสาขาสยาม' } } });
    // The owner connects LINE in the app (nothing in the environment) and picks the survey.
    expect((await app.form('/links/surveys', { id: 'chat-nps', type: 'nps' })).status).toBe(303);
    expect((await app.form('/links/surveys', { id: 'receipt', type: 'csat', singleUse: 'on' })).status).toBe(303);
    const saved = await app.form('/line', { channelSecret: CHANNEL_SECRET, channelToken: CHANNEL_TOKEN, surveyId: 'chat-nps', keywordTh: 'ให้คะแนน', keywordEn: 'Rate us' });
    expect(saved.status).toBe(303);
  }, 60_000);
  afterAll(() => app?.close());

  it('runs the whole conversation in Thai: keyword → 11 score buttons → tap stores the answer → why → comment amends it → thank you', async () => {
    expect((await app.webhook([events.text('  ให้คะแนน ')])).status).toBe(200);
    const question = lastReply().messages[0];
    expect(question.text).toContain('ในระดับ 0 ถึง 10 คุณมีโอกาสแนะนำเราให้เพื่อนหรือเพื่อนร่วมงานมากน้อยแค่ไหน');
    const buttons = question.quickReply!.items.map((item) => item.action);
    expect(buttons.map((button) => button.displayText)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(buttons[0].label).toBe('0 ไม่มีโอกาสเลย');
    expect(buttons[10].label).toBe('10 มีโอกาสมากที่สุด');
    for (const button of buttons) expect([...button.label].length).toBeLessThanOrEqual(20);

    const tap = events.postback(buttons[3].data);
    await app.webhook([tap]);
    expect(lastReply().messages[0].text).toBe('เหตุผลหลักที่คุณให้คะแนนนี้คืออะไร');
    // LINE delivers the tap again: still one answer, no second reply.
    const replies = app.line.replies.length;
    await app.webhook([events.redelivered(tap)]);
    expect(app.line.replies.length).toBe(replies);
    let answers = await stored('chat-nps');
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ score: 3, comment: null, user_id: CUSTOMER, locale: 'th', context: { channel: 'line' } });

    app.clock.now = new Date(app.clock.now.getTime() + 60_000);
    await app.webhook([events.text('รอนานมาก พนักงานไม่สนใจ')]);
    expect(lastReply().messages[0].text).toBe('ขอบคุณสำหรับความคิดเห็นของคุณ');
    answers = await stored('chat-nps');
    expect(answers).toHaveLength(1);
    expect(answers[0].comment).toBe('รอนานมาก พนักงานไม่สนใจ');

    // The next message is just chat: no reply, the comment stays.
    const after = app.line.replies.length;
    await app.webhook([events.text('อีกเรื่องหนึ่ง')]);
    expect(app.line.replies.length).toBe(after);
    expect((await stored('chat-nps'))[0].comment).toBe('รอนานมาก พนักงานไม่สนใจ');

    // The dashboard counts it, under the channel "line", and the detractor opened a case.
    const summary = await app.request('/api/summary?by=channel', { headers: app.asOwner() });
    expect(summary.status).toBe(200);
    expect(JSON.stringify(await summary.json())).toMatch(/"line"/);
    const cases = await app.db.query<{ response_id: string }>('SELECT response_id FROM cases');
    expect(cases.rows.map((row) => row.response_id)).toEqual([answers[0].id]);
  });

  it('speaks English for the English keyword, keeps the first score of a question, and ignores a comment after ten minutes', async () => {
    await app.webhook([events.text('rate US', OTHER)]);
    const question = lastReply().messages[0];
    expect(question.text).toContain('How likely are you to recommend us to a friend or colleague?');
    const buttons = question.quickReply!.items.map((item) => item.action);
    expect(buttons[0].label).toBe('0 Not at all likely');
    await app.webhook([events.postback(buttons[10].data, OTHER)]);
    expect(lastReply().messages[0].text).toBe('What is the main reason for your score?');
    await app.webhook([events.postback(buttons[0].data, OTHER)]);
    expect(lastReply().messages[0].text).toBe('Thank you for your feedback!');
    const mine = (await stored('chat-nps')).filter((row) => row.user_id === OTHER);
    expect(mine.map((row) => row.score)).toEqual([10]);

    app.clock.now = new Date(app.clock.now.getTime() + commentWindowMs + 1000);
    const replies = app.line.replies.length;
    await app.webhook([events.text('great coffee', OTHER)]);
    expect(app.line.replies.length).toBe(replies);
    expect((await stored('chat-nps')).find((row) => row.user_id === OTHER)!.comment).toBeNull();
  });

  it('does not take a button sent to someone else, or one whose data was changed', async () => {
    await app.webhook([events.text('ให้คะแนน')]);
    const [button] = lastReply().messages[0].quickReply!.items.map((item) => item.action);
    const before = (await stored('chat-nps')).length;
    await app.webhook([events.postback(button.data, OTHER)]);
    await app.webhook([events.postback(button.data.replace('|0|', '|10|'))]);
    expect((await stored('chat-nps')).length).toBe(before);
  });

  it('lists a group the bot joins, by the name LINE gives, for alerts', async () => {
    await app.webhook([events.join(GROUP)]);
    const page = await (await app.request('/line', { headers: app.asOwner() })).text();
    expect(page).toContain('ทีมร้านสาขาสยาม');
    expect(page).toContain(`/alerts/channels/new?kind=line&amp;to=${GROUP}`);
    // The alert form opens with the group filled in.
    const form = await (await app.request(`/alerts/channels/new?kind=line&to=${GROUP}&name=${encodeURIComponent('ทีมร้านสาขาสยาม')}`, { headers: app.asOwner() })).text();
    expect(form).toMatch(new RegExp(`name="to"[^>]*value="${GROUP}"`));
    // Saved without a token of its own, the channel alerts the group with the connected account's.
    const saved = await app.form('/alerts/channels', { kind: 'line', name: 'ทีมร้านสาขาสยาม', to: GROUP, token: '', locale: 'th' });
    expect(saved.status).toBe(200);
    const { rows: [channel] } = await app.db.query<{ id: string }>('SELECT id FROM alert_channels WHERE name = $1', ['ทีมร้านสาขาสยาม']);
    expect((await app.form(`/alerts/channels/${channel.id}/test`, {})).status).toBe(200);
    expect(app.line.pushes.at(-1)!.to).toBe(GROUP);
  });
});
