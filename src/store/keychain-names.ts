// Where openai-onboard keeps the key in a keychain: one service/account pair for the Secret Service,
// the macOS Keychain, Windows Credential Manager and the shell block that reads it back.
export const KEYCHAIN_SERVICE = 'openai-onboard';
export const KEYCHAIN_ACCOUNT = 'OPENAI_API_KEY';
