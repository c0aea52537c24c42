package bodyview

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestBodySecretSpans(t *testing.T) {
	cases := []struct {
		name    string
		s       string
		secrets []string
		want    []Span
	}{
		{"none", "hello", []string{"secret"}, nil},
		{"one", "a secret b", []string{"secret"}, []Span{{2, 8}}},
		{"twice", "secret secret", []string{"secret"}, []Span{{0, 6}, {7, 13}}},
		{"adjacent", "secretsecret", []string{"secret"}, []Span{{0, 6}, {6, 12}}},
		// mask itself leaves "ef" once "abcd" is replaced; so does the span.
		{"overlapping, first wins", "xabcdefx", []string{"abcd", "cdef"}, []Span{{1, 5}}},
		{"overlapping, longer first", "xabcdefx", []string{"bcdef", "abc"}, []Span{{1, 7}}},
		{"nested at the same start", "xxtok-longxx", []string{"tok-long", "tok"}, []Span{{2, 10}}},
		{"nested, shorter first", "xxtok-longxx", []string{"tok", "tok-long"}, []Span{{2, 5}}},
		{"at the ends", "secret", []string{"secret"}, []Span{{0, 6}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := SecretSpans(c.s, maskOf(c.secrets...))
			if len(got) != len(c.want) {
				t.Fatalf("SecretSpans = %v, want %v", got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Fatalf("SecretSpans = %v, want %v", got, c.want)
				}
			}
		})
	}
	if SecretSpans("secret", nil) != nil {
		t.Fatal("a nil mask found secrets")
	}
}

// A secret cut by a forced line break, or by the window's edge, never
// shows: its mask is drawn where it starts and its rest is dropped.
func TestBodyWindowHidesSecrets(t *testing.T) {
	secret := "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.c2ln"
	pad := strings.Repeat("p", MaxLineBytes-10)
	body := []byte("first " + secret + "\n" + pad + secret + " tail\nlast\n")
	ix := IndexBytes(body, true)
	mask := maskOf(secret)
	w, err := ReadLines(context.Background(), bytes.NewReader(body), ix, 0, ix.Lines(), mask)
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for i := w.First; w.Has(i); i++ {
		all = append(all, w.Line(i))
	}
	joined := strings.Join(all, "")
	if strings.Contains(joined, secret[:8]) || strings.Contains(joined, secret[len(secret)-8:]) {
		t.Fatalf("secret visible: %q", all)
	}
	if all[0] != "first «masked»\n" || !strings.HasSuffix(all[1], pad+"«masked»") || all[2] != " tail\n" {
		t.Fatalf("lines %q", all)
	}
	// A window that starts inside the secret still hides its tail.
	w2, _ := ReadLines(context.Background(), bytes.NewReader(body), ix, 2, 1, mask)
	if got := w2.Line(2); got != "«masked» tail\n" {
		t.Fatalf("window at the secret's tail: %q", got)
	}
	// The hex view hides the same bytes.
	h, _ := ReadRange(context.Background(), bytes.NewReader(body), 6, 16, mask)
	b, hidden := h.Bytes(6, 16)
	if len(b) != 16 || hidden == nil || !hidden[0] || !hidden[15] {
		t.Fatalf("hex window %q hidden %v", b, hidden)
	}
	if _, hidden := h.Bytes(6, 16); HexLine(6, b, 16, hidden) != "00000006  •• •• •• •• •• •• •• ••  •• •• •• •• •• •• •• ••  |••••••••••••••••|" {
		t.Fatalf("hex line %q", HexLine(6, b, 16, hidden))
	}
}

func TestBodyReadRange(t *testing.T) {
	body := []byte("0123456789")
	cases := []struct {
		off      int64
		n        int
		wantOff  int64
		wantData string
	}{
		{0, 4, 0, "0123"},
		{8, 4, 8, "89"},
		{20, 4, 10, ""},
		{-2, 3, 0, "012"},
	}
	for _, c := range cases {
		w, err := ReadRange(context.Background(), bytes.NewReader(body), c.off, c.n, identity)
		if err != nil || w.Off != c.wantOff || string(w.Data) != c.wantData {
			t.Errorf("ReadRange(%d, %d) = %d %q %v", c.off, c.n, w.Off, w.Data, err)
		}
		if !w.HasBytes(c.wantOff, len(c.wantData)) {
			t.Errorf("HasBytes(%d, %d) false", c.wantOff, len(c.wantData))
		}
	}
}
