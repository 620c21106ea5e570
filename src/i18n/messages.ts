import { matchLocale } from './resolve-locale';

/**
 * Built-in prompt wording per language. Each table is one `|`-separated string (compact: the
 * script-tag bundle ships every language) in the order of `keys` below. Thai is NFC-composed.
 */
// The question and the two anchors of each survey type (`nps`, `npsLow`, `npsHigh`, …), then the rest.
const keys = [
  'nps', 'csat', 'ces', 'npsLow', 'npsHigh', 'csatLow', 'csatHigh', 'cesLow', 'cesHigh',
  'followUp', 'send', 'skip', 'close', 'thanks', 'other', 'contact', 'waiting', 'minimise', 'feedback',
  'done',
] as const;

export type MessageKey = (typeof keys)[number];
export type Messages = Record<MessageKey, string>;

const tables: Record<string, string> = {
  en: 'How likely are you to recommend us to a friend or colleague?|How would you rate your overall satisfaction with what you received?|How easy was it to deal with us today?|Not at all likely|Extremely likely|Very dissatisfied|Very satisfied|Very difficult|Very easy|What is the main reason for your score?|Send|Skip|Close|Thank you for your feedback!|Other|You may contact me about my answer|Answers waiting for the network: {n}|Minimise|Feedback|Done',
  th: 'ในระดับ 0 ถึง 10 คุณมีโอกาสแนะนำเราให้เพื่อนหรือเพื่อนร่วมงานมากน้อยแค่ไหน|คุณจะให้คะแนนความพึงพอใจโดยรวมกับสิ่งที่คุณได้รับอย่างไร|วันนี้การติดต่อกับเราง่ายแค่ไหน|ไม่มีโอกาสเลย|มีโอกาสมากที่สุด|ไม่พอใจมาก|พอใจมาก|ยากมาก|ง่ายมาก|เหตุผลหลักที่คุณให้คะแนนนี้คืออะไร|ส่ง|ข้าม|ปิด|ขอบคุณสำหรับความคิดเห็นของคุณ|อื่น ๆ|ติดต่อฉันเกี่ยวกับคำตอบนี้ได้|คำตอบที่รอเครือข่าย: {n}|ย่อหน้าต่าง|ความคิดเห็น|เสร็จ',
  zh: '您向朋友或同事推荐我们的可能性有多大？|您对所收到的产品或服务的总体满意度如何？|今天与我们打交道有多容易？|完全不可能|极有可能|非常不满意|非常满意|非常困难|非常容易|您给出这个评分的主要原因是什么？|提交|跳过|关闭|感谢您的反馈！|其他|可以就我的回答联系我|等待网络的回答：{n}|最小化|反馈|完成',
  ja: '友人や同僚に当社を薦める可能性はどのくらいありますか？|受け取ったものに対する全体的な満足度はいかがですか？|本日の当社とのやり取りはどのくらい簡単でしたか？|まったくない|非常に高い|非常に不満|非常に満足|非常に難しい|非常に簡単|このスコアを付けた主な理由は何ですか？|送信|スキップ|閉じる|ご意見ありがとうございました！|その他|回答について連絡を受けてもかまいません|ネットワーク待ちの回答：{n}|最小化|フィードバック|完了',
  ko: '친구나 동료에게 저희를 추천할 가능성은 얼마나 됩니까?|받으신 것에 대한 전반적인 만족도는 어떠십니까?|오늘 저희와의 일 처리는 얼마나 쉬웠습니까?|전혀 없음|매우 높음|매우 불만족|매우 만족|매우 어려움|매우 쉬움|이 점수를 주신 주된 이유는 무엇입니까?|보내기|건너뛰기|닫기|의견을 보내 주셔서 감사합니다!|기타|제 답변에 대해 연락해도 됩니다|네트워크 대기 중인 답변: {n}|최소화|피드백|완료',
  vi: 'Khả năng bạn giới thiệu chúng tôi cho bạn bè hoặc đồng nghiệp là bao nhiêu?|Nhìn chung, bạn hài lòng đến mức nào với những gì đã nhận được?|Hôm nay làm việc với chúng tôi dễ dàng đến mức nào?|Hoàn toàn không|Chắc chắn có|Rất không hài lòng|Rất hài lòng|Rất khó|Rất dễ|Lý do chính cho điểm số của bạn là gì?|Gửi|Bỏ qua|Đóng|Cảm ơn phản hồi của bạn!|Khác|Bạn có thể liên hệ với tôi về câu trả lời này|Câu trả lời chờ mạng: {n}|Thu nhỏ|Phản hồi|Xong',
  id: 'Seberapa besar kemungkinan Anda merekomendasikan kami kepada teman atau kolega?|Seberapa puas Anda secara keseluruhan dengan apa yang Anda terima?|Seberapa mudah berurusan dengan kami hari ini?|Sangat tidak mungkin|Sangat mungkin|Sangat tidak puas|Sangat puas|Sangat sulit|Sangat mudah|Apa alasan utama skor Anda?|Kirim|Lewati|Tutup|Terima kasih atas masukan Anda!|Lainnya|Anda boleh menghubungi saya tentang jawaban ini|Jawaban menunggu jaringan: {n}|Perkecil|Masukan|Selesai',
  es: '¿Qué probabilidad hay de que nos recomiendes a un amigo o colega?|¿Cómo valorarías tu satisfacción general con lo que recibiste?|¿Qué tan fácil fue tratar con nosotros hoy?|Nada probable|Muy probable|Muy insatisfecho|Muy satisfecho|Muy difícil|Muy fácil|¿Cuál es el motivo principal de tu puntuación?|Enviar|Omitir|Cerrar|¡Gracias por tu opinión!|Otro|Pueden contactarme sobre mi respuesta|Respuestas esperando la red: {n}|Minimizar|Opinión|Listo',
  fr: 'Quelle est la probabilité que vous nous recommandiez à un ami ou à un collègue\u00a0?|Quel est votre niveau de satisfaction global concernant ce que vous avez reçu\u00a0?|Dans quelle mesure a-t-il été facile de traiter avec nous aujourd’hui\u00a0?|Pas du tout probable|Très probable|Très insatisfait|Très satisfait|Très difficile|Très facile|Quelle est la raison principale de votre note\u00a0?|Envoyer|Passer|Fermer|Merci pour votre avis\u00a0!|Autre|Vous pouvez me contacter au sujet de ma réponse|Réponses en attente du réseau\u00a0: {n}|Réduire|Avis|Terminé',
  pt: 'Qual a probabilidade de você nos recomendar a um amigo ou colega?|Como você avalia sua satisfação geral com o que recebeu?|Quão fácil foi lidar conosco hoje?|Nada provável|Muito provável|Muito insatisfeito|Muito satisfeito|Muito difícil|Muito fácil|Qual é o principal motivo da sua nota?|Enviar|Pular|Fechar|Obrigado pela sua opinião!|Outro|Podem me contatar sobre minha resposta|Respostas aguardando a rede: {n}|Minimizar|Opinião|Concluir',
  ar: 'ما مدى احتمال أن توصي بنا لصديق أو زميل؟|ما مدى رضاك العام عمّا حصلت عليه؟|ما مدى سهولة التعامل معنا اليوم؟|غير محتمل إطلاقًا|محتمل للغاية|غير راضٍ جدًا|راضٍ جدًا|صعب جدًا|سهل جدًا|ما السبب الرئيسي لتقييمك؟|إرسال|تخطٍّ|إغلاق|شكرًا لملاحظاتك!|أخرى|يمكنكم التواصل معي بشأن إجابتي|إجابات بانتظار الشبكة: {n}|تصغير|ملاحظات|تم',
};

/** Languages written right to left (of those shipped, and common ones an override may use). */
export const isRtl = (locale: string) => /^(ar|he|fa|ur)\b/i.test(locale);

/** The messages for a supported tag (`th`, `pt-BR` → `pt`), English for anything else. */
export function messagesFor(locale: string): Messages {
  const table = tables[matchLocale(locale, Object.keys(tables)) ?? 'en'];
  const parts = table.split('|');
  return Object.fromEntries(keys.map((key, i) => [key, parts[i]])) as Messages;
}

/** Every language with a table; `locales.ts` lists the same tags (a unit test keeps them equal). */
export const messageLocales = () => Object.keys(tables);
