//go:build race

package tui

// raceDetector: under -race a full screen costs ten times as much, and
// drawing has no concurrency for the detector to find, so the width test
// stripes its grid across the states (every size is still drawn in one
// state, and the exact sizes in all); without -race every state draws
// every size.
const raceDetector = true
