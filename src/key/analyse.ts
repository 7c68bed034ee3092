// Local analysis of a pasted string, no network. STUB: the full analysis is issue 3 (helper A).
import { maskKey } from './mask.js';
import type { KeyKind } from './types.js';

export interface LocalAnalysis {
  /** True when the string may be sent to OpenAI. A rejected string is never sent. */
  ok: boolean;
  /** Trimmed and unwrapped (quotes, "Bearer ", "OPENAI_API_KEY="). A secret: never print it. */
  cleaned: string;
  kind?: KeyKind;
  /** 'openai', or the other provider's name ('Anthropic', 'Google', …), or 'unknown'. */
  provider: string;
  diagnosis?: 'malformed_key' | 'wrong_provider_key';
  /** Why it was rejected, in plain words; never contains the key. */
  reason?: string;
  /** Non-fatal remarks: unusual length, admin keys cannot call models, … */
  warnings: string[];
  length: number;
  masked: string;
}

export function analyseKey(raw: string): LocalAnalysis {
  const cleaned = raw.trim();
  return { ok: cleaned.startsWith('sk-'), cleaned, provider: 'openai', warnings: [], length: cleaned.length, masked: maskKey(cleaned) };
}

/** "a project key", "a legacy user key", … for "received 164 characters, ending …AbCd: a project key". */
export function describeKind(a: LocalAnalysis): string {
  return a.kind ? `a ${a.kind.replace('_', ' ')} key` : 'an API key';
}
