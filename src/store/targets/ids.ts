// The ids of the save targets, in the registry's order, for code that must not load the targets
// themselves: option parsing and the schemas run on every command, before the wizard's first prompt,
// and the target modules pull in the shell, keychain and git code. test/unit/store/registry.test.ts
// fails when this list and SAVE_TARGET_LIST (./index.ts) disagree.
export const TARGET_IDS = ['env', 'shell', 'keychain'] as const;
export type StoreTarget = (typeof TARGET_IDS)[number];
