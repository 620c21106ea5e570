/**
 * Words too common to say what a comment is about, left out of comment themes. Negations are not
 * stop words: "ไม่", "not", "no" change what a phrase means ("ติดต่อไม่ได้", "not delivered"), so they
 * may start or end a phrase; they are only kept out of the single-word list.
 */
export const englishStopWords = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers him his how i if in ' +
    'into is it its itself just me more most my myself of off on once only or other our ours out over own same she should so ' +
    'some such than that the their theirs them then there these they this those through to too under until up us very was we ' +
    'were what when where which while who whom why will with would you your yours im ive its dont didnt got get really much ' +
    'thank thanks one two ok okay still even within without'
  ).split(' '),
);

export const thaiStopWords = new Set(
  (
    'และ หรือ ที่ ซึ่ง ของ ใน กับ จาก ไป มา ให้ ได้ เป็น คือ มี ก็ จะ ว่า แล้ว อยู่ ยัง นี้ นั้น โดย เพื่อ แต่ ถ้า เมื่อ ครับ ค่ะ คะ ' +
    'นะ จ้ะ จ้า เลย มาก เรา คุณ ผม ฉัน ดิฉัน เขา มัน กว่า อีก ด้วย ต้อง การ ความ ไหม บ้าง หน่อย ค่อนข้าง จริง ๆ นิด ทุก ครั้ง ' +
    'กัน ตอน แค่ เคย ทั้ง ทาง ถึง ตาม อะไร ยังไง อย่าง ๆ เอง บอก ค่า'
  ).split(' '),
);

/** Words that turn a phrase around: allowed at the ends of phrases, not shown as themes alone. */
export const negations = new Set(['ไม่', 'not', 'no', 'never', 'ไม่ได้', 'ไม่มี']);

export const isStopWord = (word: string) => englishStopWords.has(word) || thaiStopWords.has(word);
