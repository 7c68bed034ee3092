// The page's HTML: one small self-contained document, no external resources and no JavaScript (the
// form posts, and a <meta refresh> polls for the outcome), readable on a phone-width window. Every
// text that did not come from this file is escaped.

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.3rem}input[type=password]{width:100%;box-sizing:border-box;font:inherit;padding:.6rem;margin:.4rem 0 1rem}
button{font:inherit;padding:.6rem 1.2rem}.note{color:#555;font-size:.9rem}.bad{color:#a40000}.ok{color:#0a6b2a}`;

function document(nonce: string, title: string, body: string, refreshSeconds?: number): string {
  const refresh = refreshSeconds ? `<meta http-equiv="refresh" content="${refreshSeconds}">` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">${refresh}<title>${esc(title)}</title><style nonce="${nonce}">${STYLE}</style></head><body>${body}</body></html>`;
}

export function formPage(o: { nonce: string; csrf: string; action: string; problem?: string }): string {
  const problem = o.problem ? `<p class="bad" role="alert">${esc(o.problem)} Paste another key below.</p>` : '';
  return document(
    o.nonce,
    'Paste your OpenAI API key',
    `<h1>Paste your OpenAI API key</h1>
<p>openai-onboard, running on this computer, asked for your key here so that it never passes through a terminal or a chat. Only that program receives it, over this computer's loopback address.</p>${problem}
<form method="post" action="${esc(o.action)}" autocomplete="off"><label for="key">API key (starts with sk-)</label>
<input type="password" id="key" name="key" autocomplete="off" autocapitalize="off" spellcheck="false" required autofocus>
<input type="hidden" name="csrf" value="${esc(o.csrf)}"><button type="submit">Check and save the key</button></form>
<p class="note">This page works once and then disappears.</p>`,
  );
}

export function checkingPage(nonce: string): string {
  return document(nonce, 'Checking your key…', '<h1>Checking your key…</h1><p>This takes a few seconds. This page updates by itself.</p>', 1);
}

export interface PageOutcome {
  ok: boolean;
  /** One sentence: the diagnosis summary. */
  summary: string;
  /** Further lines: the masked key, where it was saved, what to do next. Never the key. */
  lines: string[];
}

export function outcomePage(nonce: string, outcome: PageOutcome): string {
  const heading = outcome.ok ? 'Done: your key works' : 'The key could not be set up';
  const items = outcome.lines.map((l) => `<li>${esc(l)}</li>`).join('');
  return document(
    nonce,
    heading,
    `<h1 class="${outcome.ok ? 'ok' : 'bad'}">${esc(heading)}</h1><p>${esc(outcome.summary)}</p>${items ? `<ul>${items}</ul>` : ''}
<p>You can close this tab; the terminal has the details.</p>`,
  );
}

export function gonePage(nonce: string): string {
  return document(nonce, 'This page is gone', '<h1>This page is gone</h1><p>It could be used once. Run openai-onboard again for a new one.</p>');
}
