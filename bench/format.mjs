// Number formatting shared by the bench's report and its target rows.
export const fmt = (x) => (x === null || x === undefined || Number.isNaN(x) ? '–' : typeof x === 'number' ? x.toLocaleString('en-US') : String(x));
export const ratio = (a, b) => (a && b ? (a / b).toFixed(a / b < 0.01 ? 4 : 2) : '–');
