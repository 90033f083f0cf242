// Store passphrases for tests: strong enough for the passphrase rule (shared/passphrase), so a
// test that creates a store or changes its passphrase is not refused for a weak one.
export const TEST_PASSPHRASE = "tests: correct horse battery staple";
/** A second one, for passphrase changes and wrong-passphrase cases. */
export const OTHER_TEST_PASSPHRASE = "tests: another horse, another staple";
