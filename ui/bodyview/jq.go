package bodyview

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/itchyny/gojq"
)

// ErrTooLarge is returned by JQ for a body over JQLimit.
var ErrTooLarge = errors.New("too large for the jq filter")

// JQ runs a jq filter over the JSON document(s) read from r (size bytes)
// and returns the results indented, one after another. The filter gets no
// environment ($ENV is empty), no modules and no input files: it sees the
// body and nothing else. Errors are one sentence. The output stops at
// JQLimit, saying so on its last line.
func JQ(ctx context.Context, r io.Reader, size int64, filter string) (string, error) {
	if size > JQLimit {
		return "", fmt.Errorf("the body is %s; the jq filter reads at most %s: %w", HumanSize(size), HumanSize(JQLimit), ErrTooLarge)
	}
	code, err := compileJQ(filter)
	if err != nil {
		return "", err
	}
	data, err := io.ReadAll(io.LimitReader(r, JQLimit+1))
	if err != nil {
		return "", fmt.Errorf("reading the body: %w", err)
	}
	if len(data) > JQLimit {
		return "", fmt.Errorf("the body is over %s, the most the jq filter reads: %w", HumanSize(JQLimit), ErrTooLarge)
	}
	var out jqOutput
	if err := runJQ(ctx, code, data, &out); err != nil {
		return "", err
	}
	return out.String(), nil
}

func compileJQ(filter string) (*gojq.Code, error) {
	if strings.TrimSpace(filter) == "" {
		filter = "."
	}
	q, err := gojq.Parse(filter)
	if err != nil {
		return nil, fmt.Errorf("the filter does not parse: %s", oneSentence(err))
	}
	code, err := gojq.Compile(q)
	if err != nil {
		return nil, fmt.Errorf("the filter does not compile: %s", oneSentence(err))
	}
	return code, nil
}

// runJQ feeds each JSON document of data to code. Numbers are decoded as
// json.Number, so large integers keep their digits.
func runJQ(ctx context.Context, code *gojq.Code, data []byte, out *jqOutput) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	for {
		var v any
		err := dec.Decode(&v)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("the body is %s", oneSentence(jsonError(err, dec.InputOffset())))
		}
		if err := runOne(ctx, code, v, out); err != nil || out.full {
			return err
		}
	}
}

func runOne(ctx context.Context, code *gojq.Code, v any, out *jqOutput) error {
	iter := code.RunWithContext(ctx, v)
	for !out.full {
		r, ok := iter.Next()
		if !ok {
			return nil
		}
		if err, isErr := r.(error); isErr {
			if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
				return fmt.Errorf("the filter was stopped: %w", err)
			}
			return fmt.Errorf("jq: %s", oneSentence(err))
		}
		if err := out.add(r); err != nil {
			return err
		}
	}
	return nil
}

// jqOutput collects indented results up to JQLimit bytes.
type jqOutput struct {
	b    bytes.Buffer
	n    int
	full bool
}

func (o *jqOutput) add(v any) error {
	raw, err := gojq.Marshal(v)
	if err != nil {
		return fmt.Errorf("jq: %s", oneSentence(err))
	}
	if o.n > 0 {
		o.b.WriteByte('\n')
	}
	o.n++
	if err := json.Indent(&o.b, raw, "", indent); err != nil {
		o.b.Write(raw) // jq's own encoding of a value JSON cannot hold
	}
	o.full = o.b.Len() > JQLimit
	return nil
}

func (o *jqOutput) String() string {
	switch {
	case o.n == 0:
		return ""
	case o.full:
		return o.b.String() + "\n… the output was cut at " + HumanSize(JQLimit)
	}
	return o.b.String()
}

// oneSentence keeps the first line of an error, without a trailing period,
// so it reads as one sentence in the pane's footer.
func oneSentence(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return strings.TrimSuffix(strings.TrimSpace(s), ".")
}
