package config

import (
	"path/filepath"
	"runtime"
	"testing"
)

func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestLocate(t *testing.T) {
	home := "/home/u"
	cases := []struct {
		name      string
		goos      string
		configDir string
		env       map[string]string
		want      Paths
	}{
		{"linux defaults", "linux", "", map[string]string{"HOME": home},
			Paths{home + "/.config/why401", home + "/.local/state/why401", home + "/.cache/why401"}},
		{"linux XDG", "linux", "", map[string]string{"HOME": home, "XDG_CONFIG_HOME": "/x/c", "XDG_STATE_HOME": "/x/s", "XDG_CACHE_HOME": "/x/k"},
			Paths{"/x/c/why401", "/x/s/why401", "/x/k/why401"}},
		{"relative XDG is ignored", "linux", "", map[string]string{"HOME": home, "XDG_CONFIG_HOME": "rel", "XDG_STATE_HOME": "./s"},
			Paths{home + "/.config/why401", home + "/.local/state/why401", home + "/.cache/why401"}},
		{"WHY401_CONFIG_DIR", "linux", "", map[string]string{"HOME": home, "XDG_CONFIG_HOME": "/x/c", "WHY401_CONFIG_DIR": "/w/"},
			Paths{"/w", home + "/.local/state/why401", home + "/.cache/why401"}},
		{"--config-dir wins", "linux", "/flag/dir", map[string]string{"HOME": home, "XDG_CONFIG_HOME": "/x/c", "WHY401_CONFIG_DIR": "/w"},
			Paths{"/flag/dir", home + "/.local/state/why401", home + "/.cache/why401"}},
		{"freebsd is XDG", "freebsd", "", map[string]string{"HOME": home, "XDG_CACHE_HOME": "/x/k"},
			Paths{home + "/.config/why401", home + "/.local/state/why401", "/x/k/why401"}},
		{"macOS", "darwin", "", map[string]string{"HOME": home, "XDG_CONFIG_HOME": "/x/c"},
			Paths{home + "/Library/Application Support/why401", home + "/Library/Application Support/why401/state", home + "/Library/Caches/why401"}},
		{"macOS --config-dir", "darwin", "/flag", map[string]string{"HOME": home},
			Paths{"/flag", home + "/Library/Application Support/why401/state", home + "/Library/Caches/why401"}},
		{"windows", "windows", "", map[string]string{"AppData": "/r", "LocalAppData": "/l"},
			Paths{filepath.Join("/r", "why401"), filepath.Join("/l", "why401", "state"), filepath.Join("/l", "why401", "cache")}},
		{"windows without AppData", "windows", "", map[string]string{"USERPROFILE": "/p"},
			Paths{filepath.Join("/p", "AppData", "Roaming", "why401"), filepath.Join("/p", "AppData", "Local", "why401", "state"), filepath.Join("/p", "AppData", "Local", "why401", "cache")}},
	}
	for _, tc := range cases {
		if got := locate(tc.goos, tc.configDir, env(tc.env)); got != tc.want {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.name, got, tc.want)
		}
	}
	e := env(map[string]string{"HOME": home, "WHY401_CONFIG_DIR": "/w"})
	if got, want := Locate("", e), locate(runtime.GOOS, "", e); got != want {
		t.Errorf("Locate %+v, want %+v", got, want)
	}
	if got := Locate("/d", e).File(); got != filepath.Join("/d", "config.toml") {
		t.Errorf("File() = %s", got)
	}
}
