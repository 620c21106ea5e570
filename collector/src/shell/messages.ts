import type { Localized } from './lang';

/** The shell's own words; each feature keeps its words next to its pages. */
export const shellText = {
  skip: { en: 'Skip to content', th: 'ข้ามไปยังเนื้อหา' },
  menu: { en: 'Main menu', th: 'เมนูหลัก' },
  signOut: { en: 'Sign out', th: 'ออกจากระบบ' },
  switchTo: { en: 'ภาษาไทย', th: 'English' },
  owner: { en: 'owner', th: 'เจ้าของ' },
  staff: { en: 'staff', th: 'พนักงาน' },
} satisfies Record<string, Localized>;
