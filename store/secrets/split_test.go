package secrets

import (
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

const svc = "why401/split"

// items lists what a Memory keyring holds under svc, for checking which
// parts exist.
func items(k Keyring) []string {
	m := k.(*memory)
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []string
	for key := range m.items {
		if key.service == svc {
			out = append(out, key.account)
		}
	}
	sort.Strings(out)
	return out
}

func TestSplitSizes(t *testing.T) {
	for _, n := range []int{0, 9, 10, 11, 100} {
		mem := Memory()
		k := Split(mem, 10)
		value := strings.Repeat("x", n)
		if err := k.Set(svc, "token", value); err != nil {
			t.Fatalf("%d bytes: Set: %v", n, err)
		}
		got, err := k.Get(svc, "token")
		if err != nil || got != value {
			t.Fatalf("%d bytes: Get = %d bytes, %v", n, len(got), err)
		}
		wantParts := 0
		if n > 10 {
			wantParts = (n + 9) / 10
		}
		if parts := len(items(mem)) - 1; parts != wantParts {
			t.Errorf("%d bytes: %d parts stored (%v), want %d", n, parts, items(mem), wantParts)
		}
		if wantParts > 0 {
			if head, _ := mem.Get(svc, "token"); head != "split:"+strconv.Itoa(wantParts) {
				t.Errorf("%d bytes: header %q", n, head)
			}
			for _, p := range items(mem) {
				if v, _ := mem.Get(svc, p); len(v) > 10 {
					t.Errorf("%d bytes: part %s holds %d bytes", n, p, len(v))
				}
			}
		}
	}
}

func TestSplitShrinkRemovesStaleParts(t *testing.T) {
	mem := Memory()
	k := Split(mem, 10)
	steps := []struct {
		value string
		want  []string
	}{
		{strings.Repeat("a", 100), []string{"token", "token.1", "token.10", "token.2", "token.3", "token.4", "token.5", "token.6", "token.7", "token.8", "token.9"}},
		{strings.Repeat("b", 25), []string{"token", "token.1", "token.2", "token.3"}},
		{"short", []string{"token"}},
		{strings.Repeat("c", 11), []string{"token", "token.1", "token.2"}},
	}
	for _, s := range steps {
		if err := k.Set(svc, "token", s.value); err != nil {
			t.Fatal(err)
		}
		if got := items(mem); strings.Join(got, ",") != strings.Join(s.want, ",") {
			t.Errorf("after Set of %d bytes: items %v, want %v", len(s.value), got, s.want)
		}
		if v, err := k.Get(svc, "token"); v != s.value || err != nil {
			t.Errorf("after Set of %d bytes: Get = %q, %v", len(s.value), v, err)
		}
	}
}

func TestSplitDeleteRemovesAll(t *testing.T) {
	mem := Memory()
	k := Split(mem, 10)
	if err := k.Set(svc, "token", strings.Repeat("z", 55)); err != nil {
		t.Fatal(err)
	}
	_ = mem.Set(svc, "token.7", "stray from an interrupted Set")
	if err := k.Delete(svc, "token"); err != nil {
		t.Fatal(err)
	}
	if got := items(mem); len(got) != 0 {
		t.Fatalf("left behind: %v", got)
	}
	if err := k.Delete(svc, "token"); !IsNotFound(err) {
		t.Fatalf("Delete of nothing: %v", err)
	}
}

func TestSplitHeaderLookalikeReadsBack(t *testing.T) {
	mem := Memory()
	k := Split(mem, 10)
	for _, v := range []string{"split:3", "split:1", "split:x"} {
		if err := k.Set(svc, "token", v); err != nil {
			t.Fatal(err)
		}
		if got, err := k.Get(svc, "token"); got != v || err != nil {
			t.Errorf("Get after Set(%q) = %q, %v", v, got, err)
		}
	}
}

func TestSplitKeepsRunesWhole(t *testing.T) {
	mem := Memory()
	k := Split(mem, 10)
	value := strings.Repeat("é€", 9) // 2- and 3-byte runes
	if err := k.Set(svc, "token", value); err != nil {
		t.Fatal(err)
	}
	for _, p := range items(mem)[1:] {
		if v, _ := mem.Get(svc, p); !utf8.ValidString(v) {
			t.Errorf("part %s cuts a rune: %q", p, v)
		}
	}
	if got, _ := k.Get(svc, "token"); got != value {
		t.Fatalf("Get = %q", got)
	}
}

func TestSplitMissingPart(t *testing.T) {
	mem := Memory()
	k := Split(mem, 10)
	secret := strings.Repeat("s", 30)
	_ = k.Set(svc, "token", secret)
	_ = mem.Delete(svc, "token.2")
	_, err := k.Get(svc, "token")
	if ClassOf(err) != Other || !strings.Contains(err.Error(), "part 2 is missing") || strings.Contains(err.Error(), "sss") {
		t.Fatalf("Get with a part missing: %v", err)
	}
	assertOneSentence(t, err.Error())
}

func TestSplitUnlimitedStillJoins(t *testing.T) {
	mem := Memory()
	_ = Split(mem, 4).Set(svc, "token", "abcdefghij")
	if got, err := Split(mem, 0).Get(svc, "token"); got != "abcdefghij" || err != nil {
		t.Fatalf("Get through an unlimited Split = %q, %v", got, err)
	}
	big := strings.Repeat("q", 5000)
	_ = Split(mem, 0).Set(svc, "big", big)
	if v, _ := mem.Get(svc, "big"); v != big {
		t.Fatal("an unlimited Split split a value")
	}
}

func TestDefaultLimits(t *testing.T) {
	for goos, want := range map[string]int{"windows": 2560, "darwin": 2800, "linux": 0, "freebsd": 0} {
		if got := limitFor(goos); got != want {
			t.Errorf("limitFor(%s) = %d, want %d", goos, got, want)
		}
	}
}
