// One tap in an email or an SMS, through the real app on PGlite (or PostgreSQL with DATABASE_URL):
// the owner imports recipients, each gets signed links per score; opening a link records nothing
// (mail scanners open them all), the Confirm button records once with the recipient's context, a
// second use says "already counted"; emails go out through a local fake SMTP server at the rate
// the owner chose, and an address that unsubscribed gets no more.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asBrowser, databaseKind, signIn, startTestCollector, type TestCollector } from '../harness';
import { startFakeSmtp } from '../alerts/fakes/fake-smtp';
import { sentCounts } from '../../src/one-tap/sent-counts';

const PUBLIC_URL = 'https://feedback.shop.example';
const smtpLogin = { user: 'shop', password: 'smtp password 1' };

describe(`one-tap email and SMS links (${databaseKind})`, { timeout: 60_000 }, () => {
  let collector: TestCollector;
  let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
  let owner: string;
  let clock = Date.parse('2026-12-07T03:00:00.000Z');

  const request = (path: string, init: RequestInit = {}) => collector.app.request(path.startsWith(PUBLIC_URL) ? path.slice(PUBLIC_URL.length) : path, { redirect: 'manual', ...init });
  const asOwner = (extra: Record<string, string> = {}) => asBrowser({ origin: PUBLIC_URL }, owner, extra);
  /** The customer's browser posting the page's own form (same origin). */
  const postForm = (path: string, fields: Record<string, string>) =>
    request(path, { method: 'POST', headers: { origin: PUBLIC_URL, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
  const importCsv = async (survey: string, csv: string) => {
    const form = new FormData();
    form.set('file', new File([csv], 'customers.csv', { type: 'text/csv' }));
    return request(`/links/${survey}/recipients`, { method: 'POST', headers: asOwner(), body: form });
  };
  const exportCsv = async (survey: string) => {
    const response = await request(`/links/${survey}/recipients.csv`, { headers: asOwner() });
    expect(response.status).toBe(200);
    return (await response.text()).replace(/^\uFEFF/, '');
  };
  /** One recipient's row of the export, by column name (the cells are URLs and plain words: no quoting needed but for the HTML). */
  const rowOf = (csv: string, name: string) => {
    const [header, ...rows] = csv.trim().split('\r\n');
    const columns = header.split(',');
    const row = rows.find((line) => line.startsWith(`${name},`));
    if (!row) throw new Error(`no row for ${name}`);
    const cells = row.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((cell) => cell.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));
    return Object.fromEntries(columns.map((column, i) => [column, cells[i]]));
  };
  const answers = async (survey: string) =>
    (await collector.db.query<{ id: string; score: number; comment: string | null; context: Record<string, string> }>('SELECT id, score, comment, context FROM responses WHERE survey = $1 ORDER BY received_at', [survey])).rows;

  beforeAll(async () => {
    smtp = await startFakeSmtp(smtpLogin);
    collector = await startTestCollector({
      config: { publicUrl: PUBLIC_URL, timezone: 'Asia/Bangkok', allowPrivateDestinations: true, secretKey: 'a-secret-key-of-at-least-32-characters' },
      now: () => new Date(clock),
    });
    owner = await signIn({ origin: PUBLIC_URL, request: async (path, init) => collector.app.request(path, init) });
    const survey = (fields: Record<string, string>) => request('/links/surveys', { method: 'POST', headers: asOwner({ 'content-type': 'application/x-www-form-urlencoded' }), body: new URLSearchParams(fields) });
    expect((await survey({ id: 'after-order', type: 'nps', contextKeys: 'branch', singleUse: 'on' })).status).toBe(303);
    expect((await survey({ id: 'visit', type: 'csat', contextKeys: 'branch' })).status).toBe(303);
    expect((await request('/links/look', { method: 'POST', headers: asOwner({ 'content-type': 'application/x-www-form-urlencoded' }), body: new URLSearchParams({ shopName: 'Baan Coffee', colour: '#7c2d12' }) })).status).toBe(303);
  }, 60_000);
  afterAll(async () => {
    await collector?.close();
    await smtp?.close();
  });

  it('an import with a bad row imports nothing and says which row and column, in the owner\'s language', async () => {
    const bad = await importCsv('after-order', 'name,email,order,branch\nSomchai,somchai@example,A17,Siam\n');
    expect(bad.status).toBe(400);
    const page = await bad.text();
    expect(page).toContain('Row 2, column “email”: “somchai@example” is not an email address (like name@example.com)');
    expect((await collector.db.query('SELECT 1 FROM one_tap_recipients')).rows).toHaveLength(0);
    const api = await request('/links/after-order/recipients', { method: 'POST', headers: asOwner({ 'content-type': 'text/csv' }), body: 'name,email,order\nA,,\n' });
    expect(api.status).toBe(400);
    expect((await api.json()).problems).toEqual(['row 2, email: needs an email address or a phone number', 'row 2, order: is empty: this survey takes one answer per order, so each row needs its order']);
    const thai = await request('/links/after-order/recipients', { method: 'POST', headers: { ...asOwner(), cookie: `${owner}; hearback_lang=th` }, body: (() => { const f = new FormData(); f.set('file', new File(['phone,order\n12,1\n'], 'x.csv')); return f; })() });
    expect(await thai.text()).toContain('แถว 2, คอลัมน์ “phone”: “12” ไม่ใช่เบอร์โทรศัพท์');
  });

  it('a scanner opening every link records nothing; the tap records once with the recipient\'s context; a second use says already counted', async () => {
    const imported = await importCsv('after-order', 'name,email,phone,order,branch,lang\nSomchai,somchai@example.com,,A17,Siam,th\nSam,sam@example.com,081 234 5678,A18,Asok,en\n');
    expect(imported.status).toBe(303);
    expect(imported.headers.get('location')).toBe('/links/after-order/recipients?imported=2');
    const somchai = rowOf(await exportCsv('after-order'), 'Somchai');
    expect(somchai.link_9).toMatch(/^https:\/\/feedback\.shop\.example\/s\/after-order\?t=[\w-]{12}&score=9&sig=[\w-]{22}$/);

    // A mail scanner (or a link preview) fetches all 11 links, and the SMS link, some twice.
    for (let score = 0; score <= 10; score++) {
      const opened = await request(somchai[`link_${score}`]);
      expect(opened.status).toBe(200);
      expect(opened.headers.get('cache-control')).toBe('no-store');
      const page = await opened.text();
      // The emailed score is chosen, in the recipient's language; only the button records.
      expect(page).toContain(`value="${score}" checked`);
      expect(page.match(/ checked/g)).toHaveLength(1);
      expect(page).toContain('ยืนยันคะแนน');
      expect(page).not.toContain('<script');
    }
    await request(somchai.link_9);
    expect(await answers('after-order')).toEqual([]);

    // The customer taps 9 in the email, changes their mind to 8 on the page, and confirms.
    const action = `${new URL(somchai.link_9).pathname}/tap${new URL(somchai.link_9).search}`;
    const tapped = await postForm(action, { score: '8' });
    expect(tapped.status).toBe(200);
    const followUp = await tapped.text();
    expect(followUp).toContain('คะแนน 8 ของคุณนับแล้ว');
    const [stored] = await answers('after-order');
    expect(stored.score).toBe(8);
    expect(stored.context).toMatchObject({ order: 'A17', branch: 'Siam', channel: 'email', recipient: new URL(somchai.link_0).searchParams.get('t') });

    // The follow-up amends the same answer with the comment.
    const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(followUp)![1];
    const commented = await postForm('/s/after-order/comment?lang=th', { id: hidden('id'), key: hidden('key'), comment: 'กาแฟอร่อย ส่งช้านิดหน่อย' });
    expect(await commented.text()).toContain('ขอบคุณสำหรับความคิดเห็นค่ะ');
    expect((await answers('after-order'))[0].comment).toBe('กาแฟอร่อย ส่งช้านิดหน่อย');
    // Without the answer's key a comment changes nothing.
    await postForm('/s/after-order/comment', { id: hidden('id'), key: 'A'.repeat(22), comment: 'changed by someone else' });
    expect((await answers('after-order'))[0].comment).toBe('กาแฟอร่อย ส่งช้านิดหน่อย');

    // Any link of the same recipient, opened or confirmed again: already counted, nothing stored.
    const again = await request(`${somchai.link_3}&lang=en`);
    expect(await again.text()).toContain('Your answer is already counted. Thank you!');
    const twice = await postForm(action, { score: '3' });
    expect(await twice.text()).toContain('คำตอบของคุณนับไปแล้ว ขอบคุณค่ะ');
    expect(await answers('after-order')).toHaveLength(1);
  });

  it('refuses a link whose score, recipient, channel or context was changed, and a forged answer for a recipient', async () => {
    const sam = rowOf(await exportCsv('after-order'), 'Sam');
    const link = new URL(sam.link_2);
    const changed = (edit: (params: URLSearchParams) => void) => {
      const url = new URL(link);
      edit(url.searchParams);
      return `${url.pathname}?${url.searchParams}`;
    };
    const other = new URL(rowOf(await exportCsv('after-order'), 'Somchai').link_2);
    const tampered = [
      changed((p) => p.set('score', '10')),
      changed((p) => p.set('t', other.searchParams.get('t')!)),
      changed((p) => p.set('via', 'sms')),
      changed((p) => p.set('branch', 'Siam')),
      changed((p) => p.set('order', 'A17')),
      changed((p) => p.delete('sig')),
      changed((p) => p.set('score', '11')),
      `/s/visit${link.search}`,
    ];
    for (const path of tampered) {
      const page = await request(`${path}&lang=en`);
      expect(page.status, path).toBe(400);
      expect(await page.text(), path).toContain('This link is incomplete or was changed');
      expect((await postForm(path.replace('?', '/tap?'), { score: '10' })).status, path).toBe(400);
    }
    // Posting straight to the answer endpoint with a recipient's id claims nothing: with a made-up
    // signature it is refused, without one it is a site's own context key like any other.
    const postAnswer = (context: Record<string, string>, id: string) => request('/api/responses', {
      method: 'POST', headers: { origin: PUBLIC_URL, 'content-type': 'text/plain' },
      body: JSON.stringify({ v: 1, id, survey: 'visit', type: 'csat', score: 1, scale: [1, 5], locale: 'en', url: `${PUBLIC_URL}/s/visit`, answeredAt: new Date(clock).toISOString(), sdk: 'x/1', context }),
    });
    const forged = await postAnswer({ recipient: link.searchParams.get('t')!, sig: link.searchParams.get('sig')! }, 'forged-answer-1');
    expect(forged.status).toBe(400);
    expect((await forged.json()).problems[0]).toMatch(/^context\.recipient: only this app's one-tap page may answer/);
    expect((await postAnswer({ recipient: link.searchParams.get('t')! }, 'site-context-1')).status).toBe(201);
    expect((await collector.db.query('SELECT answer_id FROM one_tap_recipients WHERE id = $1', [link.searchParams.get('t')])).rows).toEqual([{ answer_id: null }]);
    // The untouched SMS link still works: no score chosen, and the answer's channel is sms.
    const sms = await request(sam.sms_link);
    expect(await sms.text()).not.toContain(' checked');
    expect(sam.sms_text).toBe(`Baan Coffee: how did we do? One tap: ${sam.sms_link}`);
    const noScore = await postForm(`${new URL(sam.sms_link).pathname}/tap${new URL(sam.sms_link).search}`, {});
    expect(noScore.status).toBe(400);
    expect(await noScore.text()).toContain('Please choose a score.');
    expect((await postForm(`${new URL(sam.sms_link).pathname}/tap${new URL(sam.sms_link).search}`, { score: '10' })).status).toBe(200);
    expect((await answers('after-order')).map((a) => a.context.channel)).toEqual(['email', 'sms']);
  });

  it('the email\'s HTML block: tables, inline styles, no script, no classes, a link per score', async () => {
    const { rows: [{ email_html_block: block }] } = { rows: [rowOf(await exportCsv('after-order'), 'Sam')] };
    expect(block).not.toMatch(/<script|<style|class=|<link|<img|javascript:|on\w+=/i);
    const tags = [...block.matchAll(/<(\/?)(\w+)/g)].map((m) => m[1] + m[2]);
    const opened = tags.filter((tag) => !tag.startsWith('/'));
    expect(new Set(opened)).toEqual(new Set(['table', 'tr', 'td', 'a']));
    // Every cell and link that shows something carries its own style.
    for (const element of block.match(/<(td|a)\b[^>]*>/g)!) expect(element).toMatch(/ style="[^"]+"/);
    const links = [...block.matchAll(/<a href="([^"]+)"[^>]*>(\d+)<\/a>/g)].map((m) => [m[2], m[1].replace(/&amp;/g, '&')]);
    expect(links.map(([score]) => score)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    for (const [score, url] of links) expect(new URL(url).searchParams.get('score')).toBe(score);
    expect(block).toContain('How likely are you to recommend us to a friend or colleague?');
    expect(block).toContain('Not at all likely');
    expect(block).toContain('bgcolor="#7c2d12"');
    // The structure, as mail apps get it (links and signatures vary per recipient).
    expect(block.replace(/href="[^"]+"/g, 'href="…"').replace(/>\d+</g, '>n<').replace(/aria-label="\d+"/g, 'aria-label="n"').replace(/(<td align="center" width="9%".*?<\/td><\/tr><\/table><\/td>)+/s, '[11 score buttons]')).toMatchSnapshot();
    // One button: a bordered cell with the shop's colour and the link inside it, all inline.
    expect(/<td align="center" width="9%".*?<\/td><\/tr><\/table><\/td>/s.exec(block)![0].replace(/href="[^"]+"/, 'href="…"')).toMatchSnapshot();
  });

  it('sends through the SMTP server of an email alert channel at the chosen rate, with the sender name and an unsubscribe that later sends honour', async () => {
    const channel = await request('/api/alerts/channels', {
      method: 'POST', headers: asOwner({ 'content-type': 'application/json' }),
      body: JSON.stringify({ kind: 'email', name: 'Shop mail', host: '127.0.0.1', port: smtp.port, security: 'none', ...smtpLogin, from: 'hello@baan.example', to: 'owner@baan.example' }),
    });
    expect(channel.status).toBe(201);
    const channelId = (await channel.json()).channel.id as string;
    expect((await importCsv('visit', 'name,email,branch\nAom,aom@example.com,Siam\nBee,bee@example.com,Siam\nCat,cat@example.com,Asok\nDan,dan@example.com,Asok\n')).status).toBe(303);

    // Cat unsubscribes from an earlier email's link (the mail app's one-click POST, no Origin).
    const cat = rowOf(await exportCsv('visit'), 'Cat');
    expect((await request(cat.unsubscribe_link)).status).toBe(200);
    expect((await collector.db.query('SELECT 1 FROM email_unsubscribes')).rows).toHaveLength(0);
    const oneClick = await request(cat.unsubscribe_link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain('cat@example.com');

    const bad = await postForm('/links/visit/recipients/send', { channel: 'nope', perMinute: '0' });
    expect(bad.status).toBe(401); // not signed in
    const send = (fields: Record<string, string>) => request('/links/visit/recipients/send', { method: 'POST', headers: asOwner({ 'content-type': 'application/x-www-form-urlencoded' }), body: new URLSearchParams(fields) });
    const refused = await send({ channel: 'nope', perMinute: '0' });
    expect(refused.status).toBe(400);
    const refusedPage = await refused.text();
    expect(refusedPage).toContain('channel: choose one of the email alert channels (Shop mail)');
    expect(refusedPage).toContain('perMinute: a whole number from 1 to 600');
    const queued = await send({ channel: channelId, senderName: 'Baan Coffee Siam', perMinute: '2' });
    expect(queued.headers.get('location')).toBe('/links/visit/recipients?queued=4&rate=2');

    // Two a minute: the first run sends two, a run in the same minute none, the next minute the rest.
    await collector.oneTap.sendQueuedEmails();
    expect(smtp.mails.map((mail) => mail.to[0])).toEqual(['aom@example.com', 'bee@example.com']);
    clock += 30_000;
    await collector.oneTap.sendQueuedEmails();
    expect(smtp.mails).toHaveLength(2);
    clock += 31_000;
    await collector.oneTap.sendQueuedEmails();
    // Cat unsubscribed: skipped, and Dan gets his.
    expect(smtp.mails.map((mail) => mail.to[0])).toEqual(['aom@example.com', 'bee@example.com', 'dan@example.com']);
    const mail = smtp.mails[0].raw.replace(/\r\n[ \t]+/g, ' '); // headers unfolded
    expect(mail).toMatch(/^From: Baan Coffee Siam <hello@baan\.example>/m);
    expect(mail).toMatch(/^List-Unsubscribe: <https:\/\/feedback\.shop\.example\/s\/_\/unsubscribe\?t=[\w-]{12}&sig=[\w-]{22}>/m);
    expect(mail).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    expect(mail).toContain('Subject: A quick question from Baan Coffee');

    // Sending again queues nobody who had it; the page shows who was sent, skipped, answered.
    expect((await send({ channel: channelId, perMinute: '2' })).headers.get('location')).toBe('/links/visit/recipients?queued=0&rate=2');
    const page = await (await request('/links/visit/recipients', { headers: asOwner() })).text();
    expect(page.match(/email sent/g)).toHaveLength(3);
    expect(page).toContain('unsubscribed: not sent');
  });

  it('counts per survey, channel and day: sent or exported → answered → commented', async () => {
    const counts = await sentCounts(collector.db, { timeZone: 'Asia/Bangkok' });
    expect(counts).toEqual([
      { survey: 'after-order', channel: 'email', day: '2026-12-07', sent: 2, answered: 1, commented: 1 },
      { survey: 'after-order', channel: 'sms', day: '2026-12-07', sent: 1, answered: 1, commented: 0 },
      { survey: 'visit', channel: 'email', day: '2026-12-07', sent: 3, answered: 0, commented: 0 },
    ]);
    const api = await request('/api/one-tap/sent?survey=visit&from=2026-12-07&to=2026-12-07', { headers: asOwner() });
    expect((await api.json()).counts).toEqual([counts[2]]);
    // The response-rate view counts the links sent as asked on their channel, beside the answers.
    const rates = await (await request('/api/response-rates?days=7', { headers: asOwner() })).json();
    const channelRow = (survey: string, channel: string) => rates.rows.find((row: { survey: string; channel: string }) => row.survey === survey && row.channel === channel);
    expect(channelRow('after-order', 'email')).toMatchObject({ shown: 2, answered: 1, commented: 1, answeredRate: 0.5 });
    expect(channelRow('after-order', 'sms')).toMatchObject({ shown: 1, answered: 1, commented: 0 });
    expect(channelRow('visit', 'email')).toMatchObject({ shown: 3 });
    expect((await request('/api/one-tap/sent?from=7.12.2026', { headers: asOwner() })).status).toBe(400);
    expect((await request('/api/one-tap/sent')).status).toBe(401);
  });
});
