package secrets

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestProbeAvailable(t *testing.T) {
	st := Probe(context.Background(), Memory())
	if !st.Available || st.Class != "" || st.Reason != "" || st.Took <= 0 {
		t.Fatalf("Probe(Memory) = %+v", st)
	}
}

func TestProbeUnavailable(t *testing.T) {
	k := &osKeyring{backend: failing{errors.New("dbus: couldn't determine address of session bus")}, timeout: time.Second, hasBus: func() bool { return true }}
	st := Probe(context.Background(), k)
	if st.Available || st.Class != Unavailable || strings.Contains(st.Reason, probeAccount) {
		t.Fatalf("Probe = %+v", st)
	}
	assertOneSentence(t, st.Reason)
	if !strings.Contains(st.Reason, "for your secrets") {
		t.Errorf("reason: %q", st.Reason)
	}
}

func TestProbeAnswersWhenTheKeyringHangs(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	st := Probe(ctx, blocking{release}) // no timeout of its own: Probe's bound must hold
	if st.Available || st.Class != Timeout || st.Took > time.Second {
		t.Fatalf("Probe = %+v", st)
	}
	assertOneSentence(t, st.Reason)
}
