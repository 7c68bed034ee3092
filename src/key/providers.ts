// Keys of other providers that people paste by mistake. Order matters: the specific `sk-ant-` and
// `sk-or-v1-` rules come before any generic `sk-` rule (see shared/openai-api-facts.md).

export interface ProviderRule {
  provider: string;
  test: (key: string) => boolean;
  /** What the key is for, in plain words, for the reason text. */
  note: string;
}

const HEX32 = /^[0-9a-f]{32}$/i;

export const OTHER_PROVIDERS: ProviderRule[] = [
  { provider: 'Anthropic', test: (k) => /^sk-ant-(api\d+|admin\d+|oat\d+)-/.test(k), note: 'an Anthropic (Claude) key' },
  { provider: 'OpenRouter', test: (k) => k.startsWith('sk-or-v1-'), note: 'an OpenRouter key' },
  { provider: 'Google', test: (k) => /^AIza[A-Za-z0-9_-]{20,}$/.test(k), note: 'a Google (Gemini / Cloud) API key' },
  { provider: 'Google', test: (k) => /^AQ\.[A-Za-z0-9_.-]{20,}$/.test(k), note: 'a Google (Gemini / Cloud) API key' },
  { provider: 'Groq', test: (k) => k.startsWith('gsk_'), note: 'a Groq key' },
  { provider: 'xAI', test: (k) => k.startsWith('xai-'), note: 'an xAI (Grok) key' },
  { provider: 'Hugging Face', test: (k) => k.startsWith('hf_'), note: 'a Hugging Face token' },
  { provider: 'Perplexity', test: (k) => k.startsWith('pplx-'), note: 'a Perplexity key' },
  { provider: 'Replicate', test: (k) => k.startsWith('r8_'), note: 'a Replicate token' },
  { provider: 'NVIDIA', test: (k) => k.startsWith('nvapi-'), note: 'an NVIDIA key' },
  // DeepSeek: sk- + 32 lowercase hex, and no OpenAI marker.
  { provider: 'DeepSeek', test: (k) => /^sk-[0-9a-f]{32}$/.test(k), note: 'a DeepSeek key' },
  // Azure OpenAI keys are 32 hex characters with no prefix and need their own endpoint.
  { provider: 'Azure OpenAI', test: (k) => HEX32.test(k), note: 'an Azure OpenAI key (it works only with your Azure endpoint)' },
];

export function otherProvider(key: string): ProviderRule | undefined {
  return OTHER_PROVIDERS.find((rule) => rule.test(key));
}
