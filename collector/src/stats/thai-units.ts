/**
 * Thai words that `Intl.Segmenter` splits but a reader reads as one: a negation with what it
 * negates ("ไม่ได้", "ไม่มี"), a number with its classifier ("สามครั้ง", "สองวัน"). A theme must
 * neither start nor end inside such a unit ("ติดต่อไม่" of "ติดต่อไม่ได้", "โทรไปสาม" of
 * "โทรไปสามครั้ง"), so the segments are joined before phrases are cut.
 */
const negationHeads = new Set(['ไม่', 'ไม่ค่อย', 'ยังไม่']);
const negated = new Set(['ได้', 'มี', 'เคย', 'ต้อง', 'ทัน', 'ค่อย', 'ถึง', 'ตรง', 'ครบ', 'พอ', 'ดี', 'โอเค', 'เป็น', 'ใช่']);
const numbers = new Set(['หนึ่ง', 'สอง', 'สาม', 'สี่', 'ห้า', 'หก', 'เจ็ด', 'แปด', 'เก้า', 'สิบ', 'ยี่สิบ', 'ร้อย', 'พัน', 'หลาย', 'สองสาม']);
const classifiers = new Set([
  'ครั้ง', 'รอบ', 'ที', 'หน', 'วัน', 'คืน', 'ชั่วโมง', 'ชม', 'นาที', 'วินาที', 'สัปดาห์', 'อาทิตย์', 'เดือน', 'ปี', 'คน', 'ท่าน',
  'ชิ้น', 'อัน', 'แก้ว', 'จาน', 'ถ้วย', 'ขวด', 'กล่อง', 'ห่อ', 'ถุง', 'ตัว', 'ใบ', 'เล่ม', 'คัน', 'สาย', 'บาท', 'รายการ', 'ครั้งแล้ว',
]);

/** Whether the Thai segments `left` and `right` are one unit to a reader. */
export function isThaiUnit(left: string, right: string): boolean {
  return (negationHeads.has(left) && negated.has(right)) || (numbers.has(left) && classifiers.has(right));
}
