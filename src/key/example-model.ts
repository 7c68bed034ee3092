// The model the Done screen's code snippets and `--json` (`exampleModel`) suggest. Models retire:
// `GET /v1/models` can carry a `shutdown_date`, and gpt-4o-mini is listed to shut down on 2027-01-14
// (shared/openai-api-facts.md, "Models retire"). So the example comes from the key's own model list:
// the newest small chat model that has no shutdown date: named like `gpt-6-luna` (OpenAI's efficient
// tier since late 2026) or, in older lists, `gpt-5.1-mini`. `gpt-4o-mini`, dated snapshots
// (`gpt-5-mini-2025-08-07`) and reasoning models (`o4-mini`) never match.
import { FALLBACK_EXAMPLE_MODEL as FALLBACK } from '../content/facts.js';

/**
 * Used when the list holds no such model (a restricted project's list, a relay): the one sourced constant
 * in src/content/facts.ts (OpenAI's deprecations page names it as gpt-4o-mini's replacement).
 */
export const FALLBACK_EXAMPLE_MODEL = FALLBACK.value;

export interface ListedModel {
  id: string;
  shutdownDate?: string | number | null;
}

/** The models of a `GET /v1/models` answer body (already checked to have the list shape). */
export function modelsOf(text: string | undefined): ListedModel[] {
  try {
    const json = JSON.parse(text ?? '') as { data?: unknown };
    if (!Array.isArray(json.data)) return [];
    return json.data.flatMap((m: unknown) => {
      const o = (m && typeof m === 'object' ? m : {}) as Record<string, unknown>;
      if (typeof o.id !== 'string') return [];
      const shutdown = o.shutdown_date;
      return [{ id: o.id, shutdownDate: typeof shutdown === 'string' || typeof shutdown === 'number' ? shutdown : null }];
    });
  } catch {
    return [];
  }
}

const SMALL_CHAT_MODEL = /^gpt-(\d+)(?:\.(\d+))?-(?:luna|mini)$/;

/** The newest `gpt-N[.M]-luna` / `gpt-N[.M]-mini` without a shutdown date, else the fallback. */
export function chooseExampleModel(models: ListedModel[]): string {
  let best: { id: string; major: number; minor: number } | undefined;
  for (const model of models) {
    if (model.shutdownDate !== null && model.shutdownDate !== undefined && model.shutdownDate !== '') continue;
    const m = SMALL_CHAT_MODEL.exec(model.id);
    if (!m) continue;
    const major = Number(m[1]);
    const minor = Number(m[2] ?? 0);
    if (!best || major > best.major || (major === best.major && minor > best.minor)) best = { id: model.id, major, minor };
  }
  return best?.id ?? FALLBACK_EXAMPLE_MODEL;
}
