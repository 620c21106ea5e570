// A realistic month for the demo: answers at two branches (Siam, Chiang Mai) and three touchpoints
// (checkout → CSAT, delivery → NPS, support → CES), Thai and English comments, reason chips, and
// the unhappy customers' cases part-way through the inbox (some contacted, most older ones
// resolved), so the dashboard and the inbox have something to show on first start.
// Usage: node demo/scripts/seed.mjs [origin]   (default http://127.0.0.1:8787; answers only)
// `npm start` calls seed(origin, { db }) on an empty database, which also moves the cases along.
import { createHash } from 'node:crypto';

// The bands as the SDK draws them (`npm start` builds dist/ first; run `npm run build` before using this alone).
const { bandOf, surveyKinds } = await import('../../dist/receiver.js');

const DAY = 86_400_000;
const branches = ['Siam', 'Chiang Mai'];

/**
 * Each touchpoint: its survey, and for each band the comments customers leave (Thai and English)
 * and the reason chips they pick (each as [English, Thai]: a Thai visitor picks the Thai one). Chiang Mai's deliveries are slower: its NPS is lower, which the
 * breakdown by branch shows.
 */
const touchpoints = {
  checkout: {
    survey: 'after-checkout', type: 'csat', weights: { Siam: [1, 1, 3, 10, 16], 'Chiang Mai': [1, 2, 3, 10, 13] },
    comments: {
      detractor: ['จ่ายเงินไม่ได้ ต้องลองหลายรอบ', 'ใส่โค้ดส่วนลดไม่ได้', 'Card payment failed twice', 'The checkout kept asking for my address again', 'PromptPay QR did not load'],
      passive: ['ขั้นตอนเยอะไปหน่อย', 'Fine, but shipping cost only shows at the end'],
      promoter: ['จ่ายผ่านพร้อมเพย์ง่ายมาก', 'สั่งง่าย ไม่กี่คลิก', 'Easy checkout with PromptPay', 'Quick and simple checkout', 'Loved that it remembered my address'],
    },
    reasons: { detractor: [['Payment', 'การชำระเงิน'], ['Discount code', 'โค้ดส่วนลด'], ['Address form', 'ฟอร์มที่อยู่']], promoter: [['Easy to pay', 'จ่ายง่าย'], ['Fast', 'รวดเร็ว']] },
  },
  delivery: {
    survey: 'after-delivery', type: 'nps', weights: { Siam: [1, 0, 1, 1, 1, 2, 2, 5, 8, 14, 14], 'Chiang Mai': [1, 1, 1, 2, 2, 3, 4, 6, 8, 10, 8] },
    comments: {
      detractor: ['รอของนานเกินไป 5 วันแล้วยังไม่ได้', 'ส่งช้ามาก ไม่มีใครแจ้ง', 'Delivery was late again', 'The bag was torn when it arrived', 'ถุงกาแฟขาด เมล็ดหก', 'Delivery was late and nobody answered the phone'],
      passive: ['กาแฟดี แต่ส่งช้าไปนิด', 'Good coffee, delivery a bit slow', 'ราคาสูงไปนิด แต่คุณภาพดี'],
      promoter: ['ส่งของเร็วมาก กาแฟหอมสุด ๆ', 'Beans arrived two days after roasting. Lovely.', 'ชอบแพ็กเกจ รักษ์โลกดีมาก', 'Fast delivery and lovely coffee', 'กาแฟหอม ส่งเร็ว'],
    },
    reasons: { detractor: [['Delivery time', 'ระยะเวลาจัดส่ง'], ['Packaging', 'บรรจุภัณฑ์'], ['No updates', 'ไม่มีการแจ้งสถานะ']], passive: [['Price', 'ราคา']], promoter: [['Coffee quality', 'คุณภาพกาแฟ'], ['Fast delivery', 'ส่งเร็ว']] },
  },
  support: {
    survey: 'after-support', type: 'ces', weights: { Siam: [1, 1, 1, 2, 5, 8, 8], 'Chiang Mai': [1, 2, 2, 3, 5, 6, 5] },
    comments: {
      detractor: ['ติดต่อไม่ได้ทางโทรศัพท์', 'โทรไปสามครั้งไม่มีคนรับสาย', 'Could not reach support by phone', 'Had to explain my problem three times'],
      passive: ['ตอบช้าแต่ก็แก้ปัญหาได้', 'Took a day, but they fixed it'],
      promoter: ['ตอบแชทไลน์เร็วมาก', 'Support answered within an hour, thank you!', 'พนักงานสุภาพ ช่วยเต็มที่'],
    },
    reasons: { detractor: [['Waiting time', 'รอนาน'], ['Could not reach us', 'ติดต่อไม่ได้']], promoter: [['Friendly staff', 'พนักงานเป็นมิตร'], ['Quick answer', 'ตอบเร็ว']] },
  },
};
const names = ['Somchai K.', 'Napat S.', 'Ploy W.', 'Anan T.', 'Kanokwan P.', 'James R.', 'Emily C.', 'Wichai J.', 'Siriporn L.', 'Tom H.'];
const staff = ['owner@demo.hearback.dev', 'mint@demo.hearback.dev', 'ton@demo.hearback.dev'];
const notes = {
  contacted: ['Called, left a message', 'โทรแล้ว ลูกค้าจะโทรกลับ', 'Sent a LINE message'],
  resolved: ['Refunded the delivery fee', 'ส่งกาแฟถุงใหม่ให้แล้ว', 'Explained the payment issue; order went through', 'ขอโทษและให้ส่วนลดครั้งหน้า'],
};

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same month. */
function random32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pickWeighted = (weights, random) => {
  let roll = random() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) if ((roll -= weights[i]) < 0) return i;
  return weights.length - 1;
};
const pick = (list, random) => list[Math.floor(random() * list.length)];
/** Stable answer ids, so seeding twice stores each answer once (the collector dedupes on id). */
const answerId = (seedValue, i) => createHash('sha256').update(`hearback-demo-${seedValue}-${i}`).digest('hex').slice(0, 32);

/**
 * How some of the customers who agreed to be contacted said to reach them (`contactVia`), made from
 * the answer's number so the month's other random draws stay as they were.
 */
function contactViaOf(i) {
  const n = String(i).padStart(4, '0');
  const ways = [{}, { line: `cust.${n}` }, { email: `customer${n}@example.com` }, { phone: `081-555-${n}`, line: `shopper_${n}` }];
  return Object.keys(ways[i % 4]).length ? { contactVia: ways[i % 4] } : {};
}

/** The month's answers, oldest first, with what the demo does to each one's case. */
export function demoAnswers({ count = 600, now = Date.now(), seedValue = 7 } = {}) {
  const random = random32(seedValue);
  const answers = [];
  for (let i = 0; i < count; i++) {
    const touchpoint = pick(Object.keys(touchpoints), random);
    const spec = touchpoints[touchpoint];
    const branch = random() < 0.55 ? branches[0] : branches[1];
    const age = random() * 30 * DAY;
    // A little better each week: the top score gains weight as the month goes on.
    const weights = spec.weights[branch].map((w, score, all) => (score === all.length - 1 ? w * (1 + (30 * DAY - age) / (30 * DAY) * 0.4) : w));
    const scale = surveyKinds[spec.type].scale;
    const score = scale[0] + pickWeighted(weights, random);
    const band = bandOf(surveyKinds[spec.type], score);
    const thai = random() < 0.6;
    const pool = spec.comments[band].filter((c) => /[\u0E00-\u0E7F]/.test(c) === thai);
    const withComment = pool.length > 0 && random() < (band === 'detractor' ? 0.85 : band === 'promoter' ? 0.4 : 0.3);
    // The prompt shows its reason chips in the visitor's language: [English, Thai].
    const reasons = spec.reasons[band] && random() < 0.5 ? [pick(spec.reasons[band], random)[thai ? 1 : 0]] : undefined;
    const contact = band === 'detractor' && random() < 0.7;
    const customer = pick(names, random);
    answers.push({
      v: 1, id: answerId(seedValue, i), survey: spec.survey, type: spec.type, score, scale: [...scale],
      ...(withComment ? { comment: pick(pool, random) } : {}),
      ...(reasons ? { reasons } : {}),
      ...(contact ? { contact: true, ...contactViaOf(i) } : {}),
      locale: thai ? 'th' : 'en',
      url: `http://127.0.0.1:8787/shop/${touchpoint === 'checkout' ? 'order-complete.html' : touchpoint === 'support' ? 'support.html' : ''}`,
      answeredAt: new Date(now - age).toISOString(),
      user: { id: `u-${100 + Math.floor(random() * 900)}`, ...(contact ? { name: customer, phone: `08${Math.floor(random() * 10)}-${String(Math.floor(random() * 1000)).padStart(3, '0')}-${String(Math.floor(random() * 10000)).padStart(4, '0')}` } : {}) },
      context: { touchpoint, branch, ...(touchpoint === 'support' ? {} : { orderId: `A${1000 + i}` }), channel: random() < 0.7 ? 'web' : 'line' },
      sdk: 'hearback/0.1.0',
    });
  }
  return answers.sort((a, b) => a.answeredAt.localeCompare(b.answeredAt));
}

/**
 * Moves the demo's cases along in the database, with times in the past: most cases older than two
 * days were contacted within hours and resolved within a few days; some are only contacted; the
 * newest are still open. Each step is recorded in the case's history, as the inbox records it.
 */
async function progressCases(db, { now, seedValue }) {
  const random = random32(seedValue + 1);
  const { rows } = await db.query("SELECT response_id, opened_at FROM cases WHERE state = 'open' ORDER BY opened_at");
  let moved = 0;
  for (const row of rows) {
    const opened = new Date(row.opened_at).getTime();
    if (now - opened < 2 * DAY || random() < 0.12) continue;
    const contactedAt = new Date(Math.min(now - DAY, opened + (2 + random() * 20) * 3_600_000));
    const resolved = random() < 0.8;
    const resolvedAt = new Date(Math.min(now - 3_600_000, contactedAt.getTime() + (1 + random() * 70) * 3_600_000));
    const contactedBy = pick(staff, random);
    const resolvedBy = pick(staff, random);
    const contactNote = pick(notes.contacted, random);
    const resolveNote = pick(notes.resolved, random);
    await db.query(
      `UPDATE cases SET state = $2, contacted_at = $3, contacted_by = $4, resolved_at = $5, resolved_by = $6, note = $7, updated_at = $8 WHERE response_id = $1`,
      [row.response_id, resolved ? 'resolved' : 'contacted', contactedAt, contactedBy, resolved ? resolvedAt : null, resolved ? resolvedBy : null, resolved ? resolveNote : contactNote, resolved ? resolvedAt : contactedAt],
    );
    await db.query('INSERT INTO case_events (response_id, at, actor, from_state, to_state, note) VALUES ($1, $2, $3, $4, $5, $6)', [row.response_id, contactedAt, contactedBy, 'open', 'contacted', contactNote]);
    if (resolved) await db.query('INSERT INTO case_events (response_id, at, actor, from_state, to_state, note) VALUES ($1, $2, $3, $4, $5, $6)', [row.response_id, resolvedAt, resolvedBy, 'contacted', 'resolved', resolveNote]);
    moved++;
  }
  return moved;
}

/**
 * Posts the month's answers to a collector (as the widget would; the collector opens a case for
 * each unhappy one), then, given the collector's database, moves the cases along. Answer ids are
 * stable, so a second run stores nothing new. Resolves with how many answers were stored.
 * @param {string} origin
 * @param {{ db?: { query: (sql: string, params?: unknown[]) => Promise<{ rows: any[] }> }, count?: number, now?: number, seedValue?: number }} [options]
 */
export async function seed(origin, { db, count = 600, now = Date.now(), seedValue = 7 } = {}) {
  let stored = 0;
  for (const answer of demoAnswers({ count, now, seedValue })) {
    const response = await fetch(`${origin}/api/responses`, { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8' }, body: JSON.stringify(answer) });
    if (response.status === 201) stored++;
    else if (response.status !== 200) throw new Error(`seed: the collector answered ${response.status} ${await response.text()}`);
  }
  if (db && stored) await progressCases(db, { now, seedValue });
  return stored;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const origin = process.argv[2] || 'http://127.0.0.1:8787';
  console.log(`seeded ${await seed(origin)} answers into ${origin}`);
}
