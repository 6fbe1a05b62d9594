import { escapeHtml as escape } from '@/lib/html';

/** A small self-contained page for LTI outcomes shown inside the LMS frame. */
export function ltiPage(status: number, title: string, body: string, extraHead = '', lang = 'en') {
  return new Response(
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(title)}</title>${extraHead}<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1b2530}code{background:#eef1f4;padding:0 .2rem}</style></head><body><h1>${escape(title)}</h1>${body}</body></html>`,
    { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } },
  );
}

export function ltiErrorPage(status: number, code: string, message: string) {
  return ltiPage(
    status,
    'This LMS launch could not be accepted',
    `<p>${escape(message)}</p><p>Reason code: <code>${escape(code)}</code>. Start the activity again from your course; if it keeps failing, show this code to your LMS administrator.</p>
<p>If your browser blocks the cookies this needs inside the course page, open KKO Teach in its own tab and sign in there.</p>
<p><a href="/" target="_blank" rel="noopener" style="display:inline-block;padding:.5rem 1rem;border:1px solid #0b5cad;border-radius:.4rem;color:#0b5cad;text-decoration:none">Open KKO Teach in a new tab</a></p>`,
  );
}
