//go:build windows

package exchange

// unlinkOpenFiles: Windows refuses to remove a file that is open, so the
// spool is removed on Close instead.
const unlinkOpenFiles = false
