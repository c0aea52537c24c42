package auth_test

import (
	"errors"
	"testing"

	"github.com/why401/why401/store/auth"
	"github.com/why401/why401/store/secrets"
)

// brokenKeyring fails every call, like a locked or absent keyring.
type brokenKeyring struct{}

func (brokenKeyring) Get(string, string) (string, error) { return "", errors.New("keyring locked") }
func (brokenKeyring) Set(string, string, string) error   { return errors.New("keyring locked") }
func (brokenKeyring) Delete(string, string) error        { return errors.New("keyring locked") }

var _ secrets.Keyring = brokenKeyring{}

// Without a working keyring the flow still works for this run, and the
// user is told the tokens are not cached: no silent downgrade.
func TestCacheFailureIsSaidNotFatal(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	s.cache = auth.KeyringCache{Keyring: brokenKeyring{}}
	spec, sec := s.serviceSpec()
	p := s.provider(t, spec, sec)
	first := bearer(t, p)
	if bearer(t, p) != first || s.op.TokenRequests() != 1 {
		t.Error("the token was not kept in memory")
	}
	for _, want := range []string{"Cached tokens could not be read, so new ones are fetched: keyring locked", "could not be cached, so they last for this run only: keyring locked"} {
		if !s.ui.saidSome(want) {
			t.Errorf("not said: %s\nsaid:\n%s", want, s.ui.transcript())
		}
	}
}
