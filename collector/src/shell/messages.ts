import type { Localized } from './lang';

/** The shell's own words; each feature keeps its words next to its pages. */
export const shellText = {
  skip: { en: 'Skip to content', th: 'ข้ามไปยังเนื้อหา' },
  menu: { en: 'Main menu', th: 'เมนูหลัก' },
  // The narrow screen's button that opens the menu, the account and sign-out.
  menuButton: { en: 'Menu', th: 'เมนู' },
  signOut: { en: 'Sign out', th: 'ออกจากระบบ' },
  switchTo: { en: 'ภาษาไทย', th: 'English' },
  // The accessible name holds the visible text as a word of its own (WCAG 2.5.3, Label in Name).
  switchLabel: { en: 'ภาษาไทย (Thai)', th: 'English (ภาษาอังกฤษ)' },
  owner: { en: 'owner', th: 'เจ้าของ' },
  staff: { en: 'staff', th: 'พนักงาน' },
  notFound: { en: 'Page not found', th: 'ไม่พบหน้านี้' },
  notFoundLead: { en: 'There is no page at this address.', th: 'ไม่มีหน้าที่ที่อยู่นี้' },
  home: { en: 'Go to the start page', th: 'ไปที่หน้าแรก' },
} satisfies Record<string, Localized>;
