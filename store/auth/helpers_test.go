package auth_test

import (
	"context"
	"image"
	"image/color"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/makiuchi-d/gozxing"
	gzqr "github.com/makiuchi-d/gozxing/qrcode"

	"github.com/why401/why401/store/auth"
	"github.com/why401/why401/store/oidctest"
	"github.com/why401/why401/store/secrets"
)

// testUI records what a flow says and plays the user: onCode approves a
// device code, browse signs in for the authorization code flow.
type testUI struct {
	mu     sync.Mutex
	said   []string
	codes  []auth.DeviceCode
	opened []string
	onCode func(auth.DeviceCode)
	browse func(url string) error
}

func (u *testUI) ShowDeviceCode(c auth.DeviceCode) {
	u.mu.Lock()
	u.codes = append(u.codes, c)
	on := u.onCode
	u.mu.Unlock()
	if on != nil {
		on(c)
	}
}

func (u *testUI) OpenBrowser(url string) error {
	u.mu.Lock()
	u.opened = append(u.opened, url)
	b := u.browse
	u.mu.Unlock()
	if b == nil {
		return errNoBrowser
	}
	return b(url)
}

func (u *testUI) Say(msg string) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.said = append(u.said, msg)
}

func (u *testUI) saidSome(sub string) bool {
	u.mu.Lock()
	defer u.mu.Unlock()
	return slices.ContainsFunc(u.said, func(s string) bool { return strings.Contains(s, sub) })
}

func (u *testUI) openedURL(i int) string {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.opened[i]
}

func (u *testUI) transcript() string {
	u.mu.Lock()
	defer u.mu.Unlock()
	return strings.Join(u.said, "\n")
}

type noBrowser struct{}

func (noBrowser) Error() string { return "no browser in tests" }

var errNoBrowser error = noBrowser{}

// secretsOf resolves the profile's secrets from a map.
func secretsOf(kv map[string]string) auth.SecretFunc {
	return func(_ context.Context, name string) (string, error) {
		if v, ok := kv[name]; ok {
			return v, nil
		}
		return "", auth.ErrNoSecret
	}
}

// clock is an adjustable now for expiry tests.
type clock struct {
	mu  sync.Mutex
	off time.Duration
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.off)
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.off += d
}

type setup struct {
	op      *oidctest.Provider
	keyring secrets.Keyring
	cache   auth.TokenCache
	ui      *testUI
	clock   *clock
}

func newSetup(t *testing.T, opts ...oidctest.Option) *setup {
	t.Helper()
	kr := secrets.Memory()
	return &setup{op: oidctest.Start(t, opts...), keyring: kr, cache: auth.KeyringCache{Keyring: kr}, ui: &testUI{}, clock: &clock{}}
}

func (s *setup) provider(t *testing.T, spec auth.Spec, sec map[string]string) auth.OAuth2 {
	t.Helper()
	if spec.Profile == "" {
		spec.Profile = "test"
	}
	p, err := auth.New(spec, secretsOf(sec), s.cache, s.ui, s.clock.now)
	if err != nil {
		t.Fatal(err)
	}
	return p.(auth.OAuth2)
}

func (s *setup) serviceSpec() (auth.Spec, map[string]string) {
	return auth.Spec{Type: auth.TypeClientCredentials, Issuer: s.op.Issuer, ClientID: s.op.Service.ID, Scopes: []string{"orders:read"}},
		map[string]string{"client_secret": s.op.Service.Secret}
}

// bearer applies p to a request and returns the token it sent.
func bearer(t *testing.T, p auth.OAuth2) string {
	t.Helper()
	tok, err := bearerErr(t.Context(), p)
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
	return tok
}

func bearerErr(ctx context.Context, p auth.OAuth2) (string, error) {
	req, _ := http.NewRequest(http.MethodGet, "https://api.example.test/orders", nil)
	if err := p.Apply(ctx, req); err != nil {
		return "", err
	}
	h := req.Header.Get("Authorization")
	tok, ok := strings.CutPrefix(h, "Bearer ")
	if !ok || tok == "" {
		return "", &headerError{h}
	}
	return tok, nil
}

type headerError struct{ h string }

func (e *headerError) Error() string { return "Authorization is not a Bearer token: " + e.h }

func (s *setup) item(t *testing.T, profile, name string) string {
	t.Helper()
	v, err := s.keyring.Get(secrets.Service(profile), name)
	if err != nil && !secrets.IsNotFound(err) {
		t.Fatal(err)
	}
	return v
}

// timed logs how long a flow took, for the report.
func timed(t *testing.T) func() {
	start := time.Now()
	return func() { t.Logf("%s took %s", t.Name(), time.Since(start).Round(time.Millisecond)) }
}

// decodeQR turns a half-block drawing back into pixels and decodes it:
// each character is one module wide and two modules high; a drawn half is
// a light module. Every QR size is odd, so the last line holds one row.
func decodeQR(t *testing.T, drawing string) string {
	t.Helper()
	const scale = 4
	lines := strings.Split(strings.TrimRight(drawing, "\n"), "\n")
	width := len([]rune(lines[0]))
	img := image.NewGray(image.Rect(0, 0, width*scale, (2*len(lines)-1)*scale))
	set := func(x, y int, light bool) {
		c := color.Gray{Y: 0}
		if light {
			c.Y = 255
		}
		for dx := range scale {
			for dy := range scale {
				img.SetGray(x*scale+dx, y*scale+dy, c)
			}
		}
	}
	for i, line := range lines {
		for x, r := range []rune(line) {
			top := r == '█' || r == '▀'
			bottom := r == '█' || r == '▄'
			set(x, 2*i, top)
			if i < len(lines)-1 {
				set(x, 2*i+1, bottom)
			}
		}
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := gzqr.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		t.Fatalf("the QR code does not decode: %v\n%s", err, drawing)
	}
	return res.GetText()
}
