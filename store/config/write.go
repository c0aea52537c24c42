package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	toml "github.com/pelletier/go-toml/v2"
)

// AddProfile appends [profiles.NAME] (and [profiles.NAME.auth]) rendered
// from p to the config at path, leaving everything else as written. A
// missing or empty file starts from Template(). It refuses a name that is
// taken and a file that is already invalid, and writes nothing unless the
// result passes Load's validation.
func AddProfile(path string, p ProfileSpec) error {
	if !ValidProfileName(p.Name) {
		return fmt.Errorf("cannot add profile %s: %s", shown(p.Name), nameRule)
	}
	return edit(path, func(old []byte, _ bool) ([]byte, error) {
		if len(bytes.TrimSpace(old)) == 0 {
			old = []byte(Template())
		}
		cfg, err := parse(path, old)
		if err != nil {
			return nil, fmt.Errorf("cannot add profile %s until the config is fixed: %w", p.Name, err)
		}
		if _, taken := cfg.Profile(p.Name); taken {
			return nil, fmt.Errorf("profile %s already exists in %s; remove it first or choose another name", p.Name, path)
		}
		return appendBlock(old, render(p)), nil
	})
}

// RemoveProfile deletes every table and key of profile name from the
// config at path, with the comment lines directly above them. When
// default_profile names it, that line goes too (the default then falls
// back to the first profile). Other text is left as written.
func RemoveProfile(path, name string) error {
	return edit(path, func(old []byte, exists bool) ([]byte, error) {
		o, err := outlineOf(path, old, exists)
		if err != nil {
			return nil, err
		}
		if err := hasProfile(o, path, name); err != nil {
			return nil, err
		}
		out := removeProfileText(old, o, name)
		if after, err := outlineOf(path, out, true); err == nil && hasProfile(after, path, name) == nil {
			// Only whole lines are removed; a profile inside an inline
			// profiles = { … } shares its line with others.
			return nil, fmt.Errorf("profile %s is written inside an inline table (line %d of %s); remove it by hand", name, o.line([]string{"profiles", name}), path)
		}
		return out, nil
	})
}

// SetDefault makes name the default_profile of the config at path:
// the value is replaced in place when the key exists, else the key is
// added before the first table.
func SetDefault(path, name string) error {
	return edit(path, func(old []byte, exists bool) ([]byte, error) {
		o, err := outlineOf(path, old, exists)
		if err != nil {
			return nil, err
		}
		if err := hasProfile(o, path, name); err != nil {
			return nil, err
		}
		return setDefaultText(old, o, name), nil
	})
}

// outlineOf checks that the file exists and is TOML, and outlines it. Its
// other problems do not stop an edit (removing the broken profile may be
// the fix); the result is validated anyway.
func outlineOf(path string, data []byte, exists bool) (*outline, error) {
	if !exists {
		return nil, fmt.Errorf("%s: %w", path, ErrNoConfig)
	}
	var root map[string]any
	if err := toml.Unmarshal(data, &root); err != nil {
		return nil, syntaxError(path, err)
	}
	o, err := scanOutline(data)
	if err != nil {
		return nil, syntaxError(path, err)
	}
	return o, nil
}

func hasProfile(o *outline, path, name string) error {
	if slices.Contains(o.order[pathID([]string{"profiles"})], name) {
		return nil
	}
	return fmt.Errorf("there is no profile %s in %s", shown(name), path)
}

// appendBlock adds block at the end of data, after a blank line.
func appendBlock(data []byte, block string) []byte {
	out := bytes.TrimRight(data, " \t\r\n")
	if len(out) > 0 {
		out = append(out, "\n\n"...)
	}
	return append(out, block...)
}

// edit changes the config file at path: under the lock it re-reads the
// file (so concurrent edits build on each other), applies change, checks
// the result with Load's rules and replaces the file atomically. The
// directory is created (0700) when missing.
func edit(path string, change func(old []byte, exists bool) ([]byte, error)) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("creating the config dir: %w", err)
	}
	unlock, err := lockFile(path)
	if err != nil {
		return err
	}
	defer unlock()
	file := target(path)
	removeStaleTemps(file)
	old, err := os.ReadFile(file)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("reading the config: %w", err)
	}
	data, err := change(old, err == nil)
	if err != nil {
		return err
	}
	if _, err := parse(path, data); err != nil {
		return fmt.Errorf("not saving %s, because the result would be invalid: %w", path, err)
	}
	tmp, err := stage(file, data)
	if err != nil {
		return err
	}
	return commit(tmp, file)
}
