package bodyview

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// want computes the expected matches by brute force over the split lines.
func want(body []byte, q string) (lines []int) {
	needle := q
	hay := string(body)
	if NewQuery(q).fold {
		hay = strings.ToLower(hay)
	}
	ls := lineStrings(body)
	startOf := make([]int, len(ls))
	for i, pos := 1, len(ls[0]); i < len(ls); i++ {
		startOf[i] = pos
		pos += len(ls[i])
	}
	for i := 0; ; {
		k := strings.Index(hay[i:], needle)
		if k < 0 {
			return lines
		}
		off := i + k
		line := 0
		for line+1 < len(startOf) && startOf[line+1] <= off {
			line++
		}
		lines = append(lines, line)
		i = off + len(needle)
	}
}

func TestBodySearchStream(t *testing.T) {
	body := textBody(6000)
	// A match straddling the head/spool boundary and one straddling the
	// first read chunk's end.
	head := bytes.Index(body, []byte("line 00500")) + 3
	copy(body[chunkSize-4:], "NEEDLE")
	src := spooled(body, head)
	cases := []struct{ name, q string }{
		{"across the spool boundary", "line 00500"},
		{"across a chunk boundary", "NEEDLE"},
		{"smart case folds", "line 0000"},
		{"capital is exact", "LINE"},
		{"tab end", "\tend"},
		{"spans a line break", "end\nline 00027"},
		{"none", "absent"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := src.Open()
			if err != nil {
				t.Fatal(err)
			}
			m, err := SearchStream(context.Background(), r, NewQuery(c.q))
			if err != nil {
				t.Fatal(err)
			}
			w := want(body, c.q)
			if m.Total != len(w) || len(m.Lines) != len(w) {
				t.Fatalf("%d matches (%d kept), want %d", m.Total, len(m.Lines), len(w))
			}
			for i := range w {
				if m.Lines[i] != w[i] {
					t.Fatalf("match %d on line %d, want %d", i, m.Lines[i], w[i])
				}
				if got := body[m.Offs[i] : m.Offs[i]+int64(len(c.q))]; !strings.EqualFold(string(got), c.q) {
					t.Fatalf("match %d at %d is %q", i, m.Offs[i], got)
				}
			}
		})
	}
}

func TestBodySearchStreamKeepsCounting(t *testing.T) {
	body := bytes.Repeat([]byte("ab\n"), MaxMatches+7)
	m, err := SearchStream(context.Background(), bytes.NewReader(body), NewQuery("b"))
	if err != nil {
		t.Fatal(err)
	}
	if m.Total != MaxMatches+7 || len(m.Lines) != MaxMatches || m.Lines[MaxMatches-1] != MaxMatches-1 {
		t.Fatalf("total %d, kept %d", m.Total, len(m.Lines))
	}
}

func TestBodySearchStreamNoOverlaps(t *testing.T) {
	m, _ := SearchStream(context.Background(), strings.NewReader("aaaaa"), NewQuery("aa"))
	if m.Total != 2 || m.Offs[1] != 2 {
		t.Fatalf("%+v", m)
	}
}

func TestBodySearchLinesAndFindAll(t *testing.T) {
	lines := []string{`  "Token": "abc",`, `  "token_type": "Bearer"`, `}`}
	m := SearchLines(lines, NewQuery("token"))
	if m.Total != 2 || m.Lines[0] != 0 || m.Lines[1] != 1 {
		t.Fatalf("%+v", m)
	}
	if m := SearchLines(lines, NewQuery("Token")); m.Total != 1 {
		t.Fatalf("exact case: %+v", m)
	}
	got := NewQuery("ab").FindAll("xABxabab")
	if len(got) != 3 || got[0] != (Span{1, 3}) || got[2] != (Span{6, 8}) {
		t.Fatalf("FindAll = %v", got)
	}
	if NewQuery("").FindAll("x") != nil || !NewQuery("").Empty() {
		t.Fatal("empty query matched")
	}
}

func TestBodySearchCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := SearchStream(ctx, bytes.NewReader(textBody(10)), NewQuery("line")); err == nil {
		t.Fatal("cancelled search returned results")
	}
}
