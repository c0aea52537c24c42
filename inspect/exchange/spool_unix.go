//go:build !windows

package exchange

// unlinkOpenFiles: POSIX systems keep an unlinked file readable through
// its open descriptors.
const unlinkOpenFiles = true
