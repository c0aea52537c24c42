package secrets

import (
	"context"
	"errors"
	"time"
)

// ProbeTimeout bounds Probe however the keyring behaves.
const ProbeTimeout = 3 * time.Second

// The probe item: no profile can own this service, since profile names
// start with a letter or digit.
const (
	probeService = "why401/__probe__"
	probeAccount = "__probe__"
)

// Status is what `why401 doctor` reports about the keyring.
type Status struct {
	Available bool
	Class     Class         // why not, when !Available
	Reason    string        // one sentence: what is wrong and what to do; empty when Available
	Took      time.Duration // how long the probe took
}

// Probe checks that k answers by reading an item that should not exist:
// NotFound (or a value) means the keyring works. It returns within
// ProbeTimeout, or ctx's deadline if sooner, even when the bus hangs; a
// call still blocked then is abandoned, as OS does.
func Probe(ctx context.Context, k Keyring) Status {
	start := time.Now()
	ctx, cancel := context.WithTimeout(ctx, ProbeTimeout)
	defer cancel()
	done := make(chan error, 1) // buffered: an abandoned Get can still finish
	go func() {
		_, err := k.Get(probeService, probeAccount)
		done <- err
	}()
	var err error
	select {
	case err = <-done:
	case <-ctx.Done():
		err = &Error{Class: Timeout, Err: timeoutError{after: time.Since(start).Round(time.Millisecond)}}
	}
	st := Status{Took: time.Since(start)}
	if err == nil || IsNotFound(err) {
		st.Available = true
		return st
	}
	e := asProbeError(err)
	st.Class, st.Reason = e.Class, e.Error()
	return st
}

// asProbeError drops the probe item's name from the error: doctor's
// reader cares about the keyring, not about a made-up item.
func asProbeError(err error) *Error {
	var e *Error
	if !errors.As(err, &e) {
		return &Error{Class: Other, Op: "probe", Err: err}
	}
	return &Error{Class: e.Class, Op: "probe", Err: e.Err}
}
