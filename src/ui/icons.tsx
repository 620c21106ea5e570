import type { ComponentChildren } from 'preact';

/** Decorative line icons (24×24, currentColor); the controls that hold them carry the names. */
const Icon = ({ children }: { children: ComponentChildren }) => (
  <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" width="20" height="20">
    {children}
  </svg>
);

export const CloseIcon = () => <Icon><path d="M6 6l12 12M18 6L6 18" /></Icon>;
export const MinimiseIcon = () => <Icon><path d="M6 12h12" /></Icon>;
export const CheckIcon = () => <Icon><circle cx="12" cy="12" r="10" /><path d="M7.5 12.5l3 3 6-6.5" /></Icon>;
export const ChatIcon = () => <Icon><path d="M4 5h16v11H9l-5 4z" /></Icon>;

const mouths = ['M8 17q4-4 8 0', 'M8.5 16q3.5-2 7 0', 'M8.5 15.5h7', 'M8.5 14.5q3.5 2.5 7 0', 'M8 14q4 5 8 0'];

/** CSAT faces, from very dissatisfied (1) to very satisfied (5). */
export const Face = ({ score }: { score: number }) => (
  <Icon>
    <circle cx="12" cy="12" r="10" stroke-width="1.6" />
    <path d="M9 9.5v.5M15 9.5v.5" stroke-width="2.4" />
    <path d={mouths[score - 1]} stroke-width="1.8" />
  </Icon>
);
