package secrets

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func mustRef(t *testing.T, s string) Ref {
	t.Helper()
	ref, err := ParseRef(s)
	if err != nil {
		t.Fatal(err)
	}
	return ref
}

func resolve(t *testing.T, r *Resolver, ref string) (string, error) {
	t.Helper()
	return r.Resolve(context.Background(), "staging", "token", mustRef(t, ref))
}

func TestResolveKeyring(t *testing.T) {
	k := Memory()
	r := &Resolver{Keyring: k}
	if _, err := resolve(t, r, "keyring"); !IsNotFound(err) || !strings.Contains(err.Error(), "why401 secret set staging token") {
		t.Fatalf("missing item: %v", err)
	}
	_ = k.Set(Service("staging"), "token", testSecret)
	if v, err := resolve(t, r, "keyring"); v != testSecret || err != nil {
		t.Fatalf("Resolve = %q, %v", v, err)
	}
	if _, err := resolve(t, &Resolver{}, "keyring"); ClassOf(err) != Unavailable {
		t.Fatalf("no keyring: %v", err)
	}
}

func TestResolveEnv(t *testing.T) {
	env := map[string]string{"API_TOKEN": testSecret, "EMPTY": ""}
	r := &Resolver{Getenv: func(k string) string { return env[k] }}
	if v, err := resolve(t, r, "env:API_TOKEN"); v != testSecret || err != nil {
		t.Fatalf("Resolve = %q, %v", v, err)
	}
	for _, name := range []string{"MISSING", "EMPTY"} {
		_, err := resolve(t, r, "env:"+name)
		if err == nil || !strings.Contains(err.Error(), "environment variable "+name+" is unset or empty") ||
			!strings.Contains(err.Error(), `"token" of profile staging`) {
			t.Errorf("env:%s: %v", name, err)
		}
	}
}

func TestResolveCmd(t *testing.T) {
	r := &Resolver{}
	cases := map[string]string{
		`cmd:printf '%s\n' "hello world"`:         "hello world",
		`cmd:printf '%s|' a 'b c' "d\"e" f\ g ''`: `a|b c|d"e|f g||`,
		`cmd:printf %s $HOME ~ '*'`:               "$HOME~*",
		`cmd:printf 'crlf\r\n'`:                   "crlf",
		`cmd:printf 'two\n\n'`:                    "two\n",
		`cmd:sh -c 'echo "$0"' 'x|y'`:             "x|y",
	}
	for ref, want := range cases {
		if got, err := resolve(t, r, ref); got != want || err != nil {
			t.Errorf("%s = %q, %v; want %q", ref, got, err, want)
		}
	}
}

func TestResolveCmdFailures(t *testing.T) {
	t.Parallel()
	r := &Resolver{CmdTimeout: 300 * time.Millisecond}
	cases := map[string][]string{
		`cmd:sh -c 'echo ` + testSecret + `; echo "gpg: decryption failed" >&2; exit 3'`: {"sh failed (exit status 3)", `said "gpg: decryption failed"`},
		`cmd:sh -c 'printf "\033[31mred\033[0m\tand\nlines" >&2; exit 1'`:                {`said "red and lines"`},
		`cmd:sh -c 'head -c 5000 /dev/zero | tr "\0" e >&2; exit 1'`:                     {"eeee…\""},
		`cmd:head -c 1048577 /dev/zero`:                                                  {"printed more than 1048576 bytes"},
		`cmd:true`:                                                                       {"true printed nothing"},
		`cmd:why401-no-such-helper x`:                                                    {"cannot run why401-no-such-helper"},
		`cmd:pass show x | head -1`:                                                      {"cannot be split", "shell operator"},
		`cmd:sh -c 'echo late; sleep 5'`:                                                 {"did not finish within 300ms"},
		`cmd:sh -c 'echo ask >&2; read x'`:                                               {`said "ask"`}, // stdin is empty: read fails at once
	}
	for ref, wants := range cases {
		start := time.Now()
		v, err := resolve(t, r, ref)
		took := time.Since(start)
		if took > 2*time.Second {
			t.Errorf("%s took %s", ref, took)
		}
		if err == nil {
			t.Errorf("%s = %q, want an error", ref, v)
			continue
		}
		msg := err.Error()
		t.Log(msg)
		for _, w := range wants {
			if !strings.Contains(msg, w) {
				t.Errorf("%s: %q lacks %q", ref, msg, w)
			}
		}
		if strings.Contains(msg, testSecret) || !strings.Contains(msg, `"token" of profile staging`) {
			t.Errorf("%s: %q holds stdout or lacks the secret's name", ref, msg)
		}
	}
}

func TestResolveCmdLeftoverChildDoesNotBlock(t *testing.T) {
	t.Parallel()
	start := time.Now()
	v, err := resolve(t, &Resolver{}, `cmd:sh -c 'sleep 5 & echo bg'`)
	if v != "bg" || err != nil || time.Since(start) > 2*time.Second {
		t.Fatalf("Resolve = %q, %v after %s", v, err, time.Since(start))
	}
}

func TestResolveCmdTimeoutIsDeadline(t *testing.T) {
	r := &Resolver{CmdTimeout: 100 * time.Millisecond}
	_, err := resolve(t, r, "cmd:sleep 5")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	_, err = r.Resolve(ctx, "staging", "token", mustRef(t, "cmd:sleep 5"))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled: %v", err)
	}
}

func TestResolvePromptOncePerSecret(t *testing.T) {
	var calls atomic.Int32
	var labels sync.Map
	r := &Resolver{Prompt: func(label string) (string, error) {
		calls.Add(1)
		labels.Store(label, true)
		time.Sleep(20 * time.Millisecond) // let concurrent callers pile up
		return testSecret, nil
	}}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if v, err := resolve(t, r, "prompt"); v != testSecret || err != nil {
				t.Errorf("Resolve = %q, %v", v, err)
			}
		})
	}
	wg.Wait()
	if calls.Load() != 1 {
		t.Fatalf("asked %d times", calls.Load())
	}
	if _, ok := labels.Load("token for profile staging"); !ok {
		t.Error("the label does not name the secret and profile")
	}
	_, _ = r.Resolve(context.Background(), "prod", "token", Ref{Kind: KindPrompt})
	if calls.Load() != 2 {
		t.Fatal("another profile's secret must be asked for separately")
	}
	r.Forget("staging", "token")
	_, _ = resolve(t, r, "prompt")
	if calls.Load() != 3 {
		t.Fatal("Forget did not drop the value")
	}
}

func TestResolvePromptFailures(t *testing.T) {
	if _, err := resolve(t, &Resolver{}, "prompt"); err == nil || !strings.Contains(err.Error(), "no terminal") {
		t.Fatalf("no prompt: %v", err)
	}
	answers := []string{"", testSecret}
	r := &Resolver{Prompt: func(string) (string, error) {
		a := answers[0]
		answers = answers[1:]
		return a, nil
	}}
	if _, err := resolve(t, r, "prompt"); err == nil || !strings.Contains(err.Error(), "nothing was entered") {
		t.Fatalf("empty answer: %v", err)
	}
	if v, err := resolve(t, r, "prompt"); v != testSecret || err != nil {
		t.Fatalf("a failure was cached: %q, %v", v, err)
	}
}

func TestResolveCachesAndIsLazy(t *testing.T) {
	k := &counting{Keyring: Memory()}
	_ = k.Keyring.Set(Service("staging"), "token", testSecret)
	r := &Resolver{Keyring: k}
	if k.gets.Load() != 0 {
		t.Fatal("a new Resolver read the keyring")
	}
	for range 3 {
		_, _ = resolve(t, r, "keyring")
	}
	if k.gets.Load() != 1 {
		t.Fatalf("%d keyring reads for one secret", k.gets.Load())
	}
	// A different reference for the same key is a different secret.
	r.Getenv = func(string) string { return "from-env" }
	if v, _ := resolve(t, r, "env:X"); v != "from-env" {
		t.Fatalf("an edited reference returned the cached value %q", v)
	}
}

type counting struct {
	Keyring
	gets atomic.Int32
}

func (c *counting) Get(service, account string) (string, error) {
	c.gets.Add(1)
	return c.Keyring.Get(service, account)
}

func TestResolveUnsetRef(t *testing.T) {
	_, err := (&Resolver{}).Resolve(context.Background(), "staging", "token", Ref{})
	if err == nil || !strings.Contains(err.Error(), "has no secret reference") {
		t.Fatalf("err = %v", err)
	}
}
