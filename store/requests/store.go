package requests

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"github.com/why401/why401/store/atomicfile"
)

// DirName is the folder inside the config dir that holds one file per profile.
const DirName = "requests"

// lockWait bounds how long a save waits for another process's save.
const lockWait = 10 * time.Second

// Store keeps saved requests as <Dir>/requests/<profile>.toml, where Dir
// is the config dir. Files are written 0600 through a synced temp file and
// a rename, so a crash leaves the old file or the new one, never half.
type Store struct {
	Dir string // the config dir
}

// Path is the file holding profile's saved requests.
func (s Store) Path(profile string) string {
	return filepath.Join(s.Dir, DirName, profile+".toml")
}

// profileName is CONTRACT's profile-name rule; it also keeps a name from
// reaching outside the requests folder.
func profileName() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,62}$`) }

func (s Store) file(profile string) (string, error) {
	if !profileName().MatchString(profile) {
		return "", fmt.Errorf("%q is not a profile name (lower-case letters, digits, - and _)", profile)
	}
	return s.Path(profile), nil
}

// List returns the profile's saved requests in file order; none when the
// file does not exist.
func (s Store) List(profile string) ([]Request, error) {
	path, err := s.file(profile)
	if err != nil {
		return nil, err
	}
	return read(path)
}

func read(path string) ([]Request, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading saved requests: %w", err)
	}
	rs, err := ParseRequests(data)
	var e *Error
	if errors.As(err, &e) {
		e.File = path
	}
	return rs, err
}

// Save adds r to the profile's saved requests, replacing the one with the
// same name. Credentials are never written: the Token is dropped (and a
// bearer override becomes the profile's credentials), credential headers,
// secret query parameters and secret body fields lose their value (see
// Request.WithoutSecrets); when anything was left out, the request is
// saved and a *StrippedError says what. A broken file is left alone and its error returned.
func (s Store) Save(profile string, r Request) error {
	clean, stripped := r.WithoutSecrets()
	if err := clean.validateNamed(); err != nil {
		return err
	}
	path, err := s.edit(profile, func(rs []Request) ([]Request, error) {
		for i := range rs {
			if rs[i].Name == clean.Name {
				rs[i] = clean
				return rs, nil
			}
		}
		return append(rs, clean), nil
	})
	if err != nil || len(stripped) == 0 {
		return err
	}
	return &StrippedError{File: path, Name: clean.Name, Stripped: stripped, AuthReset: r.Auth == AuthBearer}
}

// Remove deletes the saved request called name.
func (s Store) Remove(profile, name string) error {
	_, err := s.edit(profile, func(rs []Request) ([]Request, error) {
		for i := range rs {
			if rs[i].Name == name {
				return append(rs[:i], rs[i+1:]...), nil
			}
		}
		return nil, fmt.Errorf("there is no saved request %q for profile %s", name, profile)
	})
	return err
}

// edit reads, changes and rewrites the profile's file under a lock, so two
// why401 processes saving at once do not lose each other's requests.
func (s Store) edit(profile string, change func([]Request) ([]Request, error)) (string, error) {
	path, err := s.file(profile)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return path, fmt.Errorf("creating %s: %w", filepath.Dir(path), err)
	}
	unlock, err := lock(path)
	if err != nil {
		return path, err
	}
	defer unlock()
	rs, err := read(path)
	if err != nil {
		return path, err
	}
	if rs, err = change(rs); err != nil {
		return path, err
	}
	data, err := Encode(rs)
	if err != nil {
		return path, err
	}
	return path, atomicfile.Write(path, data)
}

func lock(path string) (unlock func(), err error) {
	return atomicfile.Lock(path, lockWait, "saving to")
}
