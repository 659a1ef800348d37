/**
 * On paper only the plan shows: everything else on the page (the shell's language switch included) is hidden,
 * the text is black on white in a large, plain type, and nothing is cut at the right edge.
 */
export const PRINT_CSS = `
@media print {
  body * { visibility: hidden !important; }
  .tovholder-print, .tovholder-print * { visibility: visible !important; }
  .tovholder-print { position: absolute; inset: 0 auto auto 0; width: 100%; margin: 0; padding: 0;
    color: #000 !important; background: #fff !important; font-size: 14pt; line-height: 1.45; }
  .tovholder-print h1 { font-size: 22pt; }
  .tovholder-print h2 { font-size: 17pt; break-after: avoid; }
  .tovholder-print li, .tovholder-print dd { break-inside: avoid; }
  .tovholder-no-print { display: none !important; }
  @page { margin: 18mm; }
}`;
