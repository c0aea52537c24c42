package auth

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"time"

	"golang.org/x/oauth2"

	"github.com/why401/why401/inspect/excerpt"
)

// signInTimeout bounds the wait for the browser to come back.
const signInTimeout = 10 * time.Minute

const callbackPath = "/callback"

// callback is what the browser brought back to the loopback redirect.
type callback struct {
	code string
	err  error
}

// authCode runs the authorization code grant with PKCE S256 and a loopback
// redirect on 127.0.0.1 (RFC 8252 §7.3: the literal IP, not "localhost",
// which might resolve elsewhere), on a random port unless redirect_port is
// set.
func (o *oauth) authCode(ctx context.Context) (CachedToken, error) {
	ep, err := o.endpoints(ctx)
	if err != nil {
		return CachedToken{}, err
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(o.spec.RedirectPort)))
	if err != nil {
		return CachedToken{}, fmt.Errorf("cannot listen on 127.0.0.1 for the sign-in redirect: %w", err)
	}
	conf := ep.conf // a copy: the redirect URL is per sign-in
	conf.RedirectURL = "http://" + ln.Addr().String() + callbackPath
	state, verifier := rand.Text(), oauth2.GenerateVerifier()
	authURL := conf.AuthCodeURL(state, o.authParams(verifier)...)

	results := make(chan callback, 1)
	srv := &http.Server{Handler: callbackHandler(state, ep.issuer, results), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()

	o.ui.Say("Sign in at " + authURL)
	if err := o.ui.OpenBrowser(authURL); err != nil {
		o.ui.Say("No browser was opened (" + err.Error() + "); open the address above yourself.")
	}
	code, err := waitCallback(ctx, results)
	if err != nil {
		return CachedToken{}, err
	}
	t, err := conf.Exchange(ep.ctx(ctx), code, oauth2.VerifierOption(verifier))
	if err != nil {
		return CachedToken{}, tokenErr(err, "token endpoint", grantAuthCode, append(o.scrubbed(), code))
	}
	o.ui.Say("Signed in.")
	return o.keep(t)
}

// authParams are the PKCE challenge and the profile's resource and extra
// parameters for the authorization request.
func (o *oauth) authParams(verifier string) []oauth2.AuthCodeOption {
	opts := []oauth2.AuthCodeOption{oauth2.S256ChallengeOption(verifier)}
	for k, v := range requestParams(o.spec) {
		opts = append(opts, oauth2.SetAuthURLParam(k, v[0]))
	}
	return opts
}

func waitCallback(ctx context.Context, results <-chan callback) (string, error) {
	timer := time.NewTimer(signInTimeout)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return "", fmt.Errorf("the sign-in was cancelled: %w", ctx.Err())
	case <-timer.C:
		return "", fmt.Errorf("nobody completed the sign-in within %s", signInTimeout)
	case r := <-results:
		return r.code, r.err
	}
}

// callbackHandler takes the first redirect that carries the right state.
// Others (a stale tab, another local process guessing) get an error page
// and leave the flow waiting.
func callbackHandler(state, issuer string, results chan<- callback) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+callbackPath, func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if subtle.ConstantTimeCompare([]byte(q.Get("state")), []byte(state)) != 1 {
			http.Error(w, "This sign-in response does not belong to the running why401 sign-in (state mismatch).", http.StatusBadRequest)
			return
		}
		res := callback{code: q.Get("code")}
		switch {
		case q.Get("error") != "":
			res = callback{err: authorizationError(q.Get("error"), q.Get("error_description"))}
		// RFC 9207: an iss parameter that names another issuer is a mix-up.
		case issuer != "" && q.Has("iss") && q.Get("iss") != issuer:
			res = callback{err: fmt.Errorf("the sign-in response came from issuer %s, not %s", excerpt.Of(q.Get("iss")), issuer)}
		case res.code == "":
			res = callback{err: errors.New("the sign-in response carries neither a code nor an error")}
		}
		select {
		case results <- res:
		default:
			http.Error(w, "This sign-in was already completed.", http.StatusConflict)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if res.err != nil {
			fmt.Fprintln(w, "The sign-in failed; why401 says why.")
			return
		}
		fmt.Fprintln(w, "Signed in. You can close this tab and return to why401.")
	})
	return mux
}

func authorizationError(code, desc string) error {
	msg := "the authorization server refused the sign-in (" + excerpt.Of(code) + ")"
	if code == "access_denied" {
		msg = "the sign-in was denied (access_denied)"
	}
	if desc != "" {
		msg += ": " + excerpt.Of(desc)
	}
	return errors.New(msg)
}
