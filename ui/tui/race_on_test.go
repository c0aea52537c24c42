//go:build race

package tui

// raceDetector: under -race a full screen costs ten times as much, and
// drawing has no concurrency for the detector to find, so the size tests
// draw fewer sizes under it: TestViewFitsEverySize 80×24, 119×40 and
// 120×40 in every state and a quarter of its grid (each size in one state),
// TestViewAfterResizes a shorter sequence, and TestRequestViewFitsEverySize
// each size in two of its states. Without -race they draw all of them.
const raceDetector = true
