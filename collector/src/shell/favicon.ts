/**
 * The app's icon, the logo's three-colour dot, as a `data:` URL (the CSP's `img-src` allows
 * `data:`): every page names it, the owner's pages as well as the public survey page and the
 * printables, so no browser asks for `/favicon.ico` and logs a 404.
 */
export const faviconHref = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" fill="#f59e0b"/><path d="M8 8V1a7 7 0 0 1 6.7 9.1z" fill="#22c55e"/><path d="M8 8l6.7 2.1A7 7 0 0 1 3 13z" fill="#ef4444"/></svg>',
)}`;
