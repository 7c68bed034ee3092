// Wording for answers that did not come from the API the key belongs to: a data-residency project
// called at the wrong host, a base URL without /v1, something that is not an OpenAI API at all, and a
// gateway in front of OpenAI. None of these says anything about the key, so none of them blames it.
// Facts: shared/openai-api-facts.md, "Data residency" and "Error bodies" (checked 2026-12-01).
import { cmd } from '../platform/command-name.js';
import { DEFAULT_BASE_URL, URLS } from '../platform/urls.js';
import type { Wording, WordingInput } from './diagnosis-text.js';

export function host(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

export function baseUrlNote(w: WordingInput): string {
  return w.baseUrlFrom ? ` ${w.baseUrlFrom} points the check at ${w.baseUrl}: is that right? Unset it to use api.openai.com.` : '';
}

/** The variable to set: the flag the user gave, else OPENAI_BASE_URL (what the SDKs read). */
const variable = (w: WordingInput) => (w.baseUrlFrom === '--base-url' ? '--base-url' : 'OPENAI_BASE_URL');

const setting = (w: WordingInput, url: string) => (variable(w) === '--base-url' ? `--base-url ${url}` : `OPENAI_BASE_URL=${url}`);

const BODY_WORDS = { html: 'an HTML page', text: 'plain text', json: 'JSON that is not the API\'s answer', empty: 'an empty answer' } as const;

/** "(server: nginx)" when the answer named its server. */
const serverNote = (w: WordingInput) => (w.facts.server ? ` (server: ${w.facts.server})` : '');

export function endpointText(w: WordingInput): Wording {
  const f = w.facts;
  const at = host(w.baseUrl);
  if (f.endpoint === 'region') {
    const needed = f.host ?? 'its region\'s host (for example us.api.openai.com)';
    const url = f.host ? `https://${f.host}/v1` : 'https://us.api.openai.com/v1';
    return {
      summary: `The key belongs to a project that keeps its data in one region, so it must call ${needed}, not ${at} (OpenAI answered 401 incorrect_hostname). The key is fine; a new key will not help.`,
      fix: `Use the regional address, with /v1 at the end: ${setting(w, url)} (in your shell profile or .env, next to the key), then check again: ${setting(w, url)} ${cmd('--check-key')}. See ${URLS.dataResidency}.`,
    };
  }
  if (f.endpoint === 'missing_v1') {
    const fixed = `${w.baseUrl.replace(/\/+$/, '')}/v1`;
    return {
      summary: `${at} answered 404 "Invalid URL": the base URL ${w.baseUrl} lacks the /v1 at its end, so every request goes to a path that does not exist.`,
      fix: `Set ${setting(w, fixed)} (ending in /v1) and check again.`,
    };
  }
  const custom = w.baseUrl !== DEFAULT_BASE_URL;
  const what =
    f.endpoint === 'too_large'
      ? `sent more than 1 MB${f.status ? ` (HTTP ${f.status})` : ''}${serverNote(w)}, more than any API answer to these requests; it was not read further`
      : `answered ${f.status ? `HTTP ${f.status} with ` : ''}${BODY_WORDS[f.bodyKind ?? 'text']}${serverNote(w)} instead of an OpenAI API answer`;
  return custom
    ? {
        summary: `${at} ${what}. ${w.baseUrlFrom ?? 'The base URL'} points at ${w.baseUrl}, which is most likely not an OpenAI-compatible API (a web app, a dev server, a wrong port or path). The key was not checked.`,
        fix: `Set ${setting(w, DEFAULT_BASE_URL)} (or your provider's API address, ending in /v1), or unset ${variable(w)}, and check again.`,
      }
    : {
        summary: `Something between this machine and ${at} ${what}: a captive portal, a corporate gateway or a filter. The key was not checked.`,
        fix: 'Sign in to the network (hotel or café Wi-Fi), or ask IT whether api.openai.com is allowed, then check again.',
      };
}

/** A 4xx without OpenAI's error envelope and without its headers: a gateway, proxy or relay answered. */
export function notOpenAIText(w: WordingInput): Wording {
  const f = w.facts;
  const said = f.message ? `: "${f.message.replace(/[.\s]+$/, '')}"` : '';
  const via = w.proxy ? ` The request went through the proxy ${w.proxy.display} (${w.proxy.variable}).` : '';
  return {
    summary: `Not OpenAI: something in front of it answered HTTP ${f.status ?? '?'}${serverNote(w)}${said}. OpenAI's answers carry its error format and a request ID, and this one has neither, so it says nothing about the key.${via}${baseUrlNote(w)}`,
    fix: `A corporate gateway, firewall, proxy or relay between this machine and ${host(w.baseUrl)} refused the request. Ask IT whether ${host(w.baseUrl)} is allowed, or try another network.`,
  };
}
