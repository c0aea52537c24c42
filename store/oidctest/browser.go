package oidctest

import (
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
)

// The example's pages are plain HTML forms: no scripts, no CSRF tokens.
var (
	formAction = regexp.MustCompile(`<form[^>]*action="([^"]*)"`)
	hiddenID   = regexp.MustCompile(`<input type="hidden" name="id" value="([^"]*)"`)
)

// ApproveDevice plays the user's browser on the device pages: open the
// verification page for userCode, sign in as p.User, allow.
func (p *Provider) ApproveDevice(ctx context.Context, userCode string) error {
	return p.answerDevice(ctx, userCode, "allowed")
}

// DenyDevice signs in like ApproveDevice and then denies, so the client's
// polling ends with access_denied.
func (p *Provider) DenyDevice(ctx context.Context, userCode string) error {
	return p.answerDevice(ctx, userCode, "denied")
}

func (p *Provider) answerDevice(ctx context.Context, userCode, action string) error {
	// The login page sets a signed cookie that the confirm page needs.
	jar, _ := cookiejar.New(nil)
	b := browser{ctx: ctx, client: &http.Client{Jar: jar}}
	login := url.Values{"user_code": {userCode}, "username": {p.User.Username}, "password": {p.User.Password}}
	page, err := b.post(p.Issuer+"/device/login", login)
	if err != nil {
		return err
	}
	if !strings.Contains(page.body, "action=allowed") {
		return fmt.Errorf("device login did not reach the confirm page: %s", page.excerpt())
	}
	page, err = b.get(p.Issuer + "/device/confirm?action=" + action)
	if err != nil {
		return err
	}
	if page.status != http.StatusOK || !strings.Contains(page.body, "Device authorization "+action) {
		return fmt.Errorf("device confirm: HTTP %d %s", page.status, page.excerpt())
	}
	return nil
}

// SignIn plays the user's browser for the authorization code flow: open
// authURL, sign in as p.User on the login form, and follow the redirects
// to the client's redirect_uri (its loopback callback), whose page is
// returned. A wrong password or a refused request is an error.
func (p *Provider) SignIn(ctx context.Context, authURL string) (string, error) {
	return p.SignInAs(ctx, authURL, p.User)
}

// SignInAs is SignIn with other credentials.
func (p *Provider) SignInAs(ctx context.Context, authURL string, u User) (string, error) {
	b := browser{ctx: ctx, client: &http.Client{}}
	page, err := b.get(authURL)
	if err != nil {
		return "", err
	}
	action, id := formAction.FindStringSubmatch(page.body), hiddenID.FindStringSubmatch(page.body)
	if page.status != http.StatusOK || action == nil || id == nil {
		return "", fmt.Errorf("no login form at %s: HTTP %d %s", page.url, page.status, page.excerpt())
	}
	target, err := page.url.Parse(html.UnescapeString(action[1]))
	if err != nil {
		return "", err
	}
	form := url.Values{"id": {html.UnescapeString(id[1])}, "username": {u.Username}, "password": {u.Password}}
	page, err = b.post(target.String(), form)
	if err != nil {
		return "", err
	}
	if strings.HasPrefix(page.url.String(), p.Issuer) {
		return "", fmt.Errorf("sign-in stayed on the provider (%s): HTTP %d %s", page.url.Path, page.status, page.excerpt())
	}
	if page.status != http.StatusOK {
		// The query holds the authorization code: left out.
		return "", fmt.Errorf("the callback %s://%s%s answered HTTP %d: %s", page.url.Scheme, page.url.Host, page.url.Path, page.status, page.excerpt())
	}
	return page.body, nil
}

type browser struct {
	ctx    context.Context
	client *http.Client
}

type page struct {
	url    *url.URL // after redirects
	status int
	body   string
}

func (p page) excerpt() string {
	s := strings.Join(strings.Fields(p.body), " ")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

func (b browser) get(rawURL string) (page, error) {
	req, err := http.NewRequestWithContext(b.ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return page{}, err
	}
	return b.do(req)
}

func (b browser) post(rawURL string, form url.Values) (page, error) {
	req, err := http.NewRequestWithContext(b.ctx, http.MethodPost, rawURL, strings.NewReader(form.Encode()))
	if err != nil {
		return page{}, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(req)
}

func (b browser) do(req *http.Request) (page, error) {
	resp, err := b.client.Do(req)
	if err != nil {
		return page{}, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return page{}, errors.Join(errors.New("reading "+req.URL.Path), err)
	}
	return page{url: resp.Request.URL, status: resp.StatusCode, body: string(body)}, nil
}
