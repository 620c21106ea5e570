// Posts plausible answers for the last ten weeks to a collector, so the dashboard has something to
// show. Usage: node demo/scripts/seed.mjs [origin] [count]   (default http://127.0.0.1:8787, 360)
import { randomUUID } from 'node:crypto';

const comments = {
  good: ['ส่งของเร็วมาก กาแฟหอมสุด ๆ', 'Beans arrived two days after roasting. Lovely.', 'ชอบแพ็กเกจ รักษ์โลกดีมาก', 'Support answered within an hour, thank you!', 'รสชาติดีเหมือนเดิมทุกครั้ง', 'Easy checkout with PromptPay.'],
  meh: ['Good coffee, delivery a bit slow.', 'ราคาสูงไปนิด แต่คุณภาพดี', 'Would like a decaf option.'],
  bad: ['รอของนานเกินไป 5 วันแล้วยังไม่ได้', 'The bag was torn when it arrived.', 'Could not find where to change my address.', 'ติดต่อไม่ได้ทางโทรศัพท์'],
};
const surveys = [
  { survey: 'relationship', type: 'nps', scale: [0, 10], weights: [1, 0, 1, 1, 1, 2, 3, 6, 9, 14, 12] },
  { survey: 'after-checkout', type: 'csat', scale: [1, 5], weights: [1, 2, 4, 12, 14] },
  { survey: 'after-support', type: 'ces', scale: [1, 7], weights: [1, 1, 2, 3, 6, 8, 7] },
];

function pick(weights, random) {
  let roll = random() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) if ((roll -= weights[i]) < 0) return i;
  return weights.length - 1;
}

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same dashboard. */
function random32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Posts `count` answers spread over the last ten weeks; resolves with how many were stored. */
export async function seed(origin, { count = 360, now = Date.now(), seedValue = 7 } = {}) {
  const random = random32(seedValue);
  let stored = 0;
  for (let i = 0; i < count; i++) {
    const s = surveys[i % 3];
    const age = Math.pow(random(), 0.8) * 70 * 86_400_000; // more answers recently
    const week = Math.floor(age / (7 * 86_400_000));
    const weights = s.weights.map((w, score) => (score >= s.scale[1] - 1 ? w + (9 - week) * 0.6 : w)); // improving trend
    const score = s.scale[0] + pick(weights, random);
    const band = score >= (s.type === 'nps' ? 9 : s.type === 'csat' ? 4 : 5) ? 'good' : score >= (s.type === 'nps' ? 7 : s.type === 'csat' ? 3 : 4) ? 'meh' : 'bad';
    const thai = random() < 0.55;
    const withComment = random() < (band === 'bad' ? 0.8 : 0.35);
    const pool = comments[band].filter((c) => /[\u0E00-\u0E7F]/.test(c) === thai);
    const answer = {
      v: 1, id: randomUUID(), survey: s.survey, type: s.type, score, scale: s.scale,
      ...(withComment && pool.length ? { comment: pool[Math.floor(random() * pool.length)] } : {}),
      ...(band === 'bad' && random() < 0.6 ? { contact: true } : {}),
      locale: thai ? 'th' : 'en', url: `http://127.0.0.1:8787/shop/${s.type === 'csat' ? 'order-complete.html' : s.type === 'ces' ? 'support.html' : ''}`,
      answeredAt: new Date(now - age).toISOString(), user: { id: `u-${100 + Math.floor(random() * 900)}` },
      context: { touchpoint: 'demo-shop', ...(s.type === 'csat' ? { orderId: `A${1000 + i}` } : {}) }, sdk: 'hearback/0.1.0',
    };
    const response = await fetch(`${origin}/api/responses`, { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8' }, body: JSON.stringify(answer) });
    if (response.status === 201) stored++;
  }
  return stored;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const origin = process.argv[2] || 'http://127.0.0.1:8787';
  const stored = await seed(origin, { count: Number(process.argv[3] || 360) });
  console.log(`seeded ${stored} answers into ${origin}`);
}
