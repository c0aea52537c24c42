//go:build !race

package tui

// raceDetector is false: see race_on_test.go.
const raceDetector = false
