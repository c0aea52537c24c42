package secrets

import (
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"unicode/utf8"
)

// DefaultLimit is the largest value, in bytes, that this platform's
// keyring reliably takes in one item (0: no limit).
func DefaultLimit() int { return limitFor(runtime.GOOS) }

func limitFor(goos string) int {
	switch goos {
	case "windows":
		return 2560 // the CredWrite blob limit; go-keyring refuses more
	case "darwin":
		// go-keyring base64-encodes the value (×4/3) into a security(1)
		// command line of at most 4096 bytes that also holds the service
		// and account names: about 3000 bytes; keep some room for names.
		return 2800
	}
	return 0 // Secret Service: no hard limit (1 MiB round-trips)
}

const splitPrefix = "split:"

// Split returns a Keyring that stores a value longer than limit bytes as
// items NAME.1, NAME.2, … of at most limit bytes each, with NAME holding
// "split:N" (CONTRACT), and joins them again on Get. limit <= 0 never
// splits but still joins what another platform's limit split.
//
// Parts are written before the header and stale parts removed after it,
// so an interrupted Set leaves either the old or the new value readable.
func Split(k Keyring, limit int) Keyring { return &splitKeyring{inner: k, limit: limit} }

type splitKeyring struct {
	inner Keyring
	limit int
}

func (s *splitKeyring) Get(service, account string) (string, error) {
	v, err := s.inner.Get(service, account)
	if err != nil {
		return "", err
	}
	n, ok := parseHeader(v)
	if !ok {
		return v, nil
	}
	var b strings.Builder
	for i := 1; i <= n; i++ {
		part, err := s.inner.Get(service, partName(account, i))
		if IsNotFound(err) {
			return "", &Error{Class: Other, Op: "get", Service: service, Account: account,
				Err: splitError{fmt.Sprintf("the value was split in %d parts and part %d is missing, so store it again", n, i)}}
		}
		if err != nil {
			return "", err
		}
		b.WriteString(part)
	}
	return b.String(), nil
}

func (s *splitKeyring) Set(service, account, value string) error {
	old, err := s.partCount(service, account)
	if err != nil {
		return withOp(err, "set")
	}
	parts := s.chunks(value)
	for i, p := range parts {
		if err := s.inner.Set(service, partName(account, i+1), p); err != nil {
			return err
		}
	}
	head := value
	if parts != nil {
		head = splitPrefix + strconv.Itoa(len(parts))
	}
	if err := s.inner.Set(service, account, head); err != nil {
		return err
	}
	return s.removeParts(service, account, len(parts)+1, old)
}

// Delete removes the item and all its parts; NotFound if there was no item.
func (s *splitKeyring) Delete(service, account string) error {
	n, err := s.partCount(service, account)
	if err != nil {
		return withOp(err, "delete")
	}
	errHead := s.inner.Delete(service, account)
	if errHead != nil && !IsNotFound(errHead) {
		return errHead
	}
	if err := s.removeParts(service, account, 1, n); err != nil {
		return err
	}
	return errHead
}

// partCount is N when the stored item is a "split:N" header, else 0.
func (s *splitKeyring) partCount(service, account string) (int, error) {
	v, err := s.inner.Get(service, account)
	if IsNotFound(err) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	n, _ := parseHeader(v)
	return n, nil
}

// removeParts deletes parts from index first on: at least up to last, and
// further while they exist (strays of an interrupted Set).
func (s *splitKeyring) removeParts(service, account string, first, last int) error {
	for i := first; ; i++ {
		err := s.inner.Delete(service, partName(account, i))
		switch {
		case IsNotFound(err) && i >= last:
			return nil
		case err != nil && !IsNotFound(err):
			return withOp(err, "delete")
		}
	}
}

// chunks cuts value into parts of at most limit bytes, on UTF-8 rune
// boundaries where possible; nil means "store it whole". A short value
// that looks like a header is stored as one part so it reads back as
// itself.
func (s *splitKeyring) chunks(value string) []string {
	if s.limit <= 0 || len(value) <= s.limit {
		if _, looksLikeHeader := parseHeader(value); looksLikeHeader {
			return []string{value}
		}
		return nil
	}
	var parts []string
	for len(value) > s.limit {
		cut := s.limit
		for cut > 0 && !utf8.RuneStart(value[cut]) {
			cut--
		}
		if cut == 0 {
			cut = s.limit // a limit below one rune: cut bytes
		}
		parts = append(parts, value[:cut])
		value = value[cut:]
	}
	return append(parts, value)
}

func partName(account string, i int) string { return account + "." + strconv.Itoa(i) }

// parseHeader accepts exactly "split:N" with N a canonical positive integer.
func parseHeader(v string) (int, bool) {
	digits, ok := strings.CutPrefix(v, splitPrefix)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n < 1 || strconv.Itoa(n) != digits {
		return 0, false
	}
	return n, true
}

// withOp relabels a classified error with the operation the caller asked
// for, so a read done on behalf of Set says "cannot save".
func withOp(err error, op string) error {
	var e *Error
	if !errors.As(err, &e) {
		return err
	}
	c := *e
	c.Op = op
	return &c
}
