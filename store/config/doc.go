// Package config finds, loads, validates and edits why401's TOML config
// (CONTRACT "Config and secrets").
//
// Load turns config.toml into typed profiles with every default resolved,
// or into errors that each name the file, the line and the key and say how
// to fix the problem. The config never holds a secret: secret-bearing keys
// take references (keyring, env:NAME, cmd:…, prompt) parsed by
// store/secrets.
//
// AddProfile, RemoveProfile and SetDefault edit the file as text, so the
// user's comments and ordering survive; each edit runs under a file lock,
// re-reads the file, validates the result with the same rules as Load and
// replaces the file atomically (temp file, fsync, rename, mode 0600).
package config
