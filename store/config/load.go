package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	toml "github.com/pelletier/go-toml/v2"
)

// maxFileSize bounds what Load reads: a config is a few kilobytes, and a
// huge file is a mistake (or not a config) better reported than parsed.
const maxFileSize = 1 << 20

// Load reads and validates the config file at path. A missing file is an
// error wrapping ErrNoConfig. A file with problems gives an *Error when
// there is one problem and an ErrorList (every problem, one per key, in
// line order) when there are several; a TOML syntax error stops parsing,
// so it is always alone.
func Load(path string) (*Config, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return parse(path, data)
}

func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", path, ErrNoConfig)
	}
	if err != nil {
		return nil, fmt.Errorf("reading the config: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("reading the config %s: %w", path, err)
	}
	if len(data) > maxFileSize {
		return nil, &Error{File: path, Msg: fmt.Sprintf("the file is larger than %d KiB, which no config is; check that this is the right file", maxFileSize>>10)}
	}
	return data, nil
}

// Parse validates data as if it were the config file at path (the name in
// errors, and the base of relative file paths), without reading or
// writing a file: what `profile edit` needs before saving.
func Parse(path string, data []byte) (*Config, error) { return parse(path, data) }

// parse validates data as the config file path (the name used in errors
// and to resolve relative file paths).
func parse(path string, data []byte) (*Config, error) {
	var root map[string]any
	if err := toml.Unmarshal(data, &root); err != nil {
		return nil, syntaxError(path, err)
	}
	out, err := scanOutline(data)
	if err != nil {
		return nil, syntaxError(path, err)
	}
	d := &doc{out: out, probs: &problems{file: path}, dir: filepath.Dir(path), suggested: map[string]bool{}}
	cfg := d.config(root)
	cfg.Path = path
	if err := d.probs.result(); err != nil {
		return nil, err
	}
	return cfg, nil
}

// result is nil, the only problem, or all of them in line order.
func (p *problems) result() error {
	switch len(p.list) {
	case 0:
		return nil
	case 1:
		return p.list[0]
	}
	sort.SliceStable(p.list, func(i, j int) bool { return p.list[i].Line < p.list[j].Line })
	return p.list
}

// syntaxError turns go-toml's error into an *Error with its line. go-toml's
// messages quote at most one character of the input, never a value.
func syntaxError(path string, err error) error {
	var de *toml.DecodeError
	if !errors.As(err, &de) {
		return &Error{File: path, Msg: "the file is not valid TOML (" + strings.TrimPrefix(err.Error(), "toml: ") + "); fix the syntax"}
	}
	line, _ := de.Position()
	return &Error{
		File: path,
		Line: line,
		Key:  keyName(de.Key()),
		Msg:  "invalid TOML: " + strings.TrimPrefix(de.Error(), "toml: ") + "; fix the syntax on this line (TOML reference: https://toml.io)",
	}
}
