package config

import (
	"os"
	"path/filepath"
	"runtime"
)

// Paths are why401's directories. None is created here.
type Paths struct {
	Config string // holds config.toml
	State  string // history, debug logs
	Cache  string // fetched JWKS and discovery documents
}

// File is the config file inside the config dir.
func (p Paths) File() string { return filepath.Join(p.Config, FileName) }

// Locate finds the directories. The config dir is configDir (--config-dir)
// when given, else $WHY401_CONFIG_DIR, else $XDG_CONFIG_HOME/why401 on
// Linux and other XDG systems (default ~/.config/why401), else the
// platform's config dir. State is $XDG_STATE_HOME/why401 (default
// ~/.local/state/why401) and cache $XDG_CACHE_HOME/why401 (default
// ~/.cache/why401) on XDG systems; macOS and Windows use their platform
// dirs. The environment is read only through getenv, so callers and tests
// decide what it holds.
func Locate(configDir string, getenv func(string) string) Paths {
	return locate(runtime.GOOS, configDir, getenv)
}

const appName = "why401"

func locate(goos, configDir string, getenv func(string) string) Paths {
	var p Paths
	switch goos {
	case "windows":
		p = windowsPaths(getenv)
	case "darwin", "ios":
		p = darwinPaths(getenv)
	default:
		p = xdgPaths(getenv)
	}
	if dir := getenv("WHY401_CONFIG_DIR"); dir != "" {
		p.Config = filepath.Clean(dir)
	}
	if configDir != "" {
		p.Config = filepath.Clean(configDir)
	}
	return p
}

func xdgPaths(getenv func(string) string) Paths {
	home := homeDir(getenv)
	return Paths{
		Config: filepath.Join(xdgDir(getenv, "XDG_CONFIG_HOME", home, ".config"), appName),
		State:  filepath.Join(xdgDir(getenv, "XDG_STATE_HOME", home, ".local", "state"), appName),
		Cache:  filepath.Join(xdgDir(getenv, "XDG_CACHE_HOME", home, ".cache"), appName),
	}
}

// xdgDir is $name when it is set to an absolute path (the XDG spec says to
// ignore relative ones), else home joined with def.
func xdgDir(getenv func(string) string, name, home string, def ...string) string {
	if dir := getenv(name); dir != "" && filepath.IsAbs(dir) {
		return dir
	}
	return filepath.Join(append([]string{home}, def...)...)
}

// darwinPaths follows os.UserConfigDir and os.UserCacheDir; macOS has no
// state dir, so state sits under Application Support next to the config.
func darwinPaths(getenv func(string) string) Paths {
	home := homeDir(getenv)
	support := filepath.Join(home, "Library", "Application Support", appName)
	return Paths{
		Config: support,
		State:  filepath.Join(support, "state"),
		Cache:  filepath.Join(home, "Library", "Caches", appName),
	}
}

// homeDir is $HOME when it is absolute, else the account's home directory,
// else the temp dir: a relative path would scatter files wherever why401
// happened to run.
func homeDir(getenv func(string) string) string {
	if h := getenv("HOME"); filepath.IsAbs(h) {
		return h
	}
	if h, err := os.UserHomeDir(); err == nil && filepath.IsAbs(h) {
		return h
	}
	return os.TempDir()
}

// windowsPaths follows os.UserConfigDir (roaming AppData) for the config
// and keeps machine-local data in LocalAppData.
func windowsPaths(getenv func(string) string) Paths {
	local := getenv("LocalAppData")
	if local == "" {
		local = filepath.Join(getenv("USERPROFILE"), "AppData", "Local")
	}
	roaming := getenv("AppData")
	if roaming == "" {
		roaming = filepath.Join(getenv("USERPROFILE"), "AppData", "Roaming")
	}
	return Paths{
		Config: filepath.Join(roaming, appName),
		State:  filepath.Join(local, appName, "state"),
		Cache:  filepath.Join(local, appName, "cache"),
	}
}
