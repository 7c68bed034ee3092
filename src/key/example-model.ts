// The model the Done screen's code snippets and `--json` (`exampleModel`) suggest. Models retire:
// `GET /v1/models` can carry a `shutdown_date`, and gpt-4o-mini is listed to shut down on 2027-01-14
// (shared/openai-api-facts.md, "Models retire"). So the example comes from the key's own model list:
// the newest small chat model named like `gpt-5-mini` or `gpt-5.1-mini` that has no shutdown date.
// `gpt-4o-mini`, dated snapshots (`gpt-5-mini-2025-08-07`) and reasoning models (`o4-mini`) never match.

/**
 * Used when the list holds no such model (a restricted project's list, a relay). Checked 2026-12-01:
 * current, not on OpenAI's deprecations page (https://platform.openai.com/docs/deprecations).
 */
export const FALLBACK_EXAMPLE_MODEL = 'gpt-5-mini';

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

const SMALL_CHAT_MODEL = /^gpt-(\d+)(?:\.(\d+))?-mini$/;

/** The newest `gpt-N[.M]-mini` without a shutdown date, else the fallback. */
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
