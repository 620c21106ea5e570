/** The printable page's Print button (a file of its own: the CSP allows no inline handlers). */
document.getElementById('print-now')?.addEventListener('click', () => window.print());
