package config

import "fmt"

// Replace writes data as the whole config at path (what `profile edit`
// saves), under the same lock, validation and atomic rename as every
// other edit: an invalid config is refused and the file left as it was.
func Replace(path string, data []byte) error {
	return edit(path, func(_ []byte, _ bool) ([]byte, error) {
		if _, err := parse(path, data); err != nil {
			return nil, fmt.Errorf("the edited config was not saved: %w", err)
		}
		return data, nil
	})
}
