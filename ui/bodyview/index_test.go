package bodyview

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"testing/iotest"
)

func TestBodyIndexLines(t *testing.T) {
	long := strings.Repeat("z", 3*MaxLineBytes+5)
	cases := []struct {
		name     string
		body     string
		complete bool
		want     int
	}{
		{"empty", "", true, 0},
		{"one line", "abc", true, 1},
		{"trailing newline", "a\nb\n", true, 2},
		{"no trailing newline", "a\nb", true, 2},
		{"head: last line may go on", "a\nb", false, 1},
		{"head: ends at a break", "a\nb\n", false, 2},
		{"long line", long, true, 4},
		{"many", strings.Repeat("x\n", 1000), true, 1000},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := IndexBytes([]byte(c.body), c.complete).Lines(); got != c.want {
				t.Errorf("Lines = %d, want %d", got, c.want)
			}
		})
	}
}

// Reading in one-byte pieces must give the same lines as reading at once:
// the splitter carries its state across chunks.
func TestBodyBuildIndexChunking(t *testing.T) {
	body := textBody(300)
	ix, err := BuildIndex(context.Background(), iotest.OneByteReader(bytes.NewReader(body)))
	if err != nil {
		t.Fatal(err)
	}
	want := lineStrings(body)
	if ix.Lines() != len(want) || !ix.Complete() || ix.Size() != int64(len(body)) {
		t.Fatalf("lines %d (want %d), complete %v, size %d", ix.Lines(), len(want), ix.Complete(), ix.Size())
	}
	for _, line := range []int{0, 1, 63, 64, 65, 97, 98, 200, len(want) - 1} {
		w, err := ReadLines(context.Background(), bytes.NewReader(body), ix, line, 3, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i := range min(3, len(want)-line) {
			if got := w.Line(line + i); got != want[line+i] {
				t.Errorf("line %d = %q, want %q", line+i, got, want[line+i])
			}
		}
	}
}

func TestBodyBuildIndexCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := BuildIndex(ctx, bytes.NewReader(textBody(10))); err == nil {
		t.Fatal("a cancelled index was built")
	}
}

// A head index numbers lines as the full one does, so the view can show
// the head while the spool is indexed and keep its place afterwards.
func TestBodyHeadIndexAgreesWithFullIndex(t *testing.T) {
	body := textBody(2000)
	head := IndexBytes(body[:len(body)/3], false)
	full := IndexBytes(body, true)
	want := lineStrings(body)
	for _, line := range []int{0, 10, head.Lines() - 1} {
		a, _ := ReadLines(context.Background(), bytes.NewReader(body), head, line, 1, nil)
		b, _ := ReadLines(context.Background(), bytes.NewReader(body), full, line, 1, nil)
		if a.Line(line) != want[line] || b.Line(line) != want[line] {
			t.Errorf("line %d: head %q, full %q, want %q", line, a.Line(line), b.Line(line), want[line])
		}
	}
}

func TestBodyReadLinesEdges(t *testing.T) {
	body := []byte("a\nb\nc")
	ix := IndexBytes(body, true)
	cases := []struct {
		first, n  int
		wantFirst int
		want      []string
	}{
		{0, 10, 0, []string{"a\n", "b\n", "c"}},
		{2, 5, 2, []string{"c"}},
		{5, 5, 3, nil},
		{-3, 1, 0, []string{"a\n"}},
	}
	for _, c := range cases {
		w, err := ReadLines(context.Background(), bytes.NewReader(body), ix, c.first, c.n, nil)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for i := w.First; w.Has(i); i++ {
			got = append(got, w.Line(i))
		}
		if w.First != c.wantFirst || strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("ReadLines(%d, %d) = %d %q, want %d %q", c.first, c.n, w.First, got, c.wantFirst, c.want)
		}
	}
}

func TestBodyEndBound(t *testing.T) {
	body := textBody(1000)
	ix := IndexBytes(body, true)
	want := lineStrings(body)
	for _, last := range []int{0, 1, 63, 64, 65, 500, len(want)} {
		end := 0
		for _, l := range want[:last] {
			end += len(l)
		}
		if b := ix.EndBound(last); b < int64(end) || b > ix.Size() {
			t.Errorf("EndBound(%d) = %d, lines end at %d", last, b, end)
		}
	}
}
