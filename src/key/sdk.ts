// The parts of the openai SDK the key check uses, by name. A dynamic import of 'openai' itself would
// keep all of its index (the Azure and Bedrock clients, uploads, pagination helpers): ~5 kB of the
// 120 kB tarball budget for nothing. Loaded lazily by probes.ts, so --help never pays for the SDK.
export { OpenAI } from 'openai/client';
export { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai/error';
