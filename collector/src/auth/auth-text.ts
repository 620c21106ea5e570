import type { Localized } from '../shell/lang';

export const authText = {
  signInTitle: { en: 'Sign in', th: 'เข้าสู่ระบบ' },
  signInLead: { en: 'Sign in to see your customers\' answers.', th: 'เข้าสู่ระบบเพื่อดูคำตอบจากลูกค้าของคุณ' },
  email: { en: 'Email', th: 'อีเมล' },
  password: { en: 'Password', th: 'รหัสผ่าน' },
  submit: { en: 'Sign in', th: 'เข้าสู่ระบบ' },
  wrong: { en: 'That email and password do not match an account.', th: 'อีเมลหรือรหัสผ่านไม่ถูกต้อง' },
  missing: { en: 'Enter your email and password.', th: 'กรุณากรอกอีเมลและรหัสผ่าน' },
  tooMany: { en: 'Too many attempts. Try again in {minutes} min.', th: 'ลองหลายครั้งเกินไป โปรดลองใหม่ในอีก {minutes} นาที' },
  busy: { en: 'Many sign-ins are under way. Try again in a few seconds.', th: 'มีการเข้าสู่ระบบพร้อมกันจำนวนมาก โปรดลองใหม่ในอีกสักครู่' },
  setupTitle: { en: 'Create the owner account', th: 'สร้างบัญชีเจ้าของร้าน' },
  setupLead: { en: 'You are the first person here: this account owns the app and can add staff.', th: 'คุณเป็นคนแรกที่นี่ บัญชีนี้เป็นเจ้าของแอปและเพิ่มพนักงานได้' },
  setupSubmit: { en: 'Create account', th: 'สร้างบัญชี' },
  setupGone: { en: 'This setup link is used up or has expired. Ask whoever runs the server for a new one (restart it while no account exists), or sign in.', th: 'ลิงก์ตั้งค่านี้ถูกใช้ไปแล้วหรือหมดอายุ ขอลิงก์ใหม่จากผู้ดูแลเซิร์ฟเวอร์ (เริ่มเซิร์ฟเวอร์ใหม่ขณะที่ยังไม่มีบัญชี) หรือเข้าสู่ระบบ' },
  passwordRule: { en: 'At least 10 characters.', th: 'อย่างน้อย 10 ตัวอักษร' },
} satisfies Record<string, Localized>;
