// The one table from a scope string in OpenAI's "Missing scopes: …" error to the permission a person
// sets on a restricted key (API keys page → the key's pencil icon → Restricted). Used by the
// missing_scopes wording (diagnosis-text.ts) and the wizard's recovery (recovery.ts).
// Source: shared/openai-api-facts.md, "Restricted keys" (OpenAI help centre, checked 2026-12-01):
// the labels are "List models: Read" and "Model capabilities: Request" (no longer "Write"); setting
// only one endpoint under a group shows "Mixed" and does not grant model.request.
import { LABELS } from './facts.js';

const PERMISSIONS: Record<string, string> = {
  'api.model.read': LABELS.listModelsRead.value,
  'model.request': LABELS.modelCapabilitiesRequest.value,
  'api.model.request': LABELS.modelCapabilitiesRequest.value,
};

/** What the key check needs: listing models (the free probe) and calling one (the billing probe). */
export const CHECK_SCOPES = ['api.model.read', 'model.request'] as const;

/** "List models: Read (api.model.read)", or the bare scope string when we know no label for it. */
export function describeScope(scope: string): string {
  const permission = PERMISSIONS[scope];
  return permission ? `${permission} (${scope})` : scope;
}

/** The scopes the error named, described; all the check needs when it named none. */
export function describeScopes(scopes: readonly string[] | undefined): string[] {
  return (scopes?.length ? scopes : CHECK_SCOPES).map(describeScope);
}

/** The permissions to set ("List models: Read"), once each; a scope we have no label for as it is. */
export function permissionsFor(scopes: readonly string[] | undefined): string[] {
  return [...new Set((scopes?.length ? scopes : CHECK_SCOPES).map((s) => PERMISSIONS[s] ?? s))];
}

/** The pitfalls that keep a key restricted after an edit. */
export const GRANT_ADVICE =
  `Set the whole group: a group that shows "${LABELS.mixed.value}" is not enough. If the key already has All, your organization role (e.g. Reader) is the limit: ask an owner.`;
