package tui

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"

	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
)

// Body limits: textarea's default stops new lines at 99, far too few for a
// pasted body; validating JSON on every key is fine below maxValidate.
const (
	maxBodyLines = 10000
	maxValidate  = 1 << 20
	bodyIndent   = "  "
)

func newBodyArea(isDark bool) textarea.Model {
	ta := textarea.New()
	ta.Prompt = ""
	ta.ShowLineNumbers = false
	ta.CharLimit = 0
	ta.MaxContentHeight = maxBodyLines
	ta.Placeholder = "enter to type a body · ctrl+o opens $EDITOR"
	ta.SetStyles(textarea.DefaultStyles(isDark))
	// ctrl+e and ctrl+t are global keys (CONTRACT); the textarea must not
	// also bind them.
	ta.KeyMap.LineEnd.SetKeys("end")
	ta.KeyMap.TransposeCharacterBackward.SetEnabled(false)
	return ta
}

// jsonCheck is the one-line verdict on a body that is meant to be JSON.
type jsonCheck struct {
	applies bool // the body looks like JSON or is declared JSON
	ok      bool
	msg     string
}

// checkJSON validates body when it starts like JSON or the Content-Type
// says JSON; errors carry line:col so they can be found in the editor.
func checkJSON(body, contentType string) jsonCheck {
	trimmed := strings.TrimSpace(body)
	declared := strings.Contains(strings.ToLower(contentType), "json")
	if !declared && !strings.HasPrefix(trimmed, "{") && !strings.HasPrefix(trimmed, "[") {
		return jsonCheck{}
	}
	switch {
	case trimmed == "":
		return jsonCheck{applies: true, msg: "empty body (Content-Type is JSON)"}
	case len(body) > maxValidate:
		return jsonCheck{applies: true, msg: "body too large to check as you type"}
	}
	if err := validJSON(body); err != nil {
		return jsonCheck{applies: true, msg: err.Error()}
	}
	return jsonCheck{applies: true, ok: true, msg: "valid JSON"}
}

// validJSON decodes one value and refuses anything after it.
func validJSON(body string) error {
	dec := json.NewDecoder(strings.NewReader(body))
	var v json.RawMessage
	if err := dec.Decode(&v); err != nil {
		return jsonError(body, err, dec.InputOffset())
	}
	off := int(dec.InputOffset())
	rest := body[off:]
	if t := strings.TrimLeft(rest, " \t\r\n"); t != "" {
		return posError(body, off+len(rest)-len(t), "extra data after the JSON value")
	}
	return nil
}

func jsonError(body string, err error, at int64) error {
	var syn *json.SyntaxError
	switch {
	case errors.As(err, &syn):
		return posError(body, int(syn.Offset)-1, strings.TrimPrefix(syn.Error(), "json: "))
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return posError(body, len(body), "unexpected end of JSON")
	}
	return posError(body, int(at), err.Error())
}

// posError names the 1-based line and column of byte offset off.
func posError(body string, off int, msg string) error {
	off = min(max(off, 0), len(body))
	before := body[:off]
	line := strings.Count(before, "\n") + 1
	col := len([]rune(before[strings.LastIndexByte(before, '\n')+1:])) + 1
	return fmt.Errorf("JSON %d:%d: %s", line, col, msg)
}

// bodyEditedMsg carries the body back from $EDITOR.
type bodyEditedMsg struct {
	text string
	err  error
}

// openEditor writes the body to a private temp file and hands the terminal
// to $VISUAL/$EDITOR; the file is read back and removed in the callback.
// The file is written inside the Cmd, never in Update.
func openEditor(body string, isJSON bool) tea.Cmd {
	ext := ".txt"
	if isJSON {
		ext = ".json"
	}
	return func() tea.Msg {
		path, err := writeBodyFile(os.TempDir(), body, ext)
		if err != nil {
			return bodyEditedMsg{err: err}
		}
		argv := editorArgv(os.Getenv, runtime.GOOS)
		c := exec.Command(argv[0], append(argv[1:], path)...) //nolint:gosec // the user's own $EDITOR
		return tea.ExecProcess(c, editorDone(path, body))()
	}
}

// writeBodyFile creates a 0600 file (os.CreateTemp's mode) holding body.
func writeBodyFile(dir, body, ext string) (string, error) {
	f, err := os.CreateTemp(dir, "why401-body-*"+ext)
	if err != nil {
		return "", fmt.Errorf("creating a temp file for the editor: %w", err)
	}
	_, err = f.WriteString(body)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(f.Name())
		return "", fmt.Errorf("writing the body for the editor: %w", err)
	}
	return f.Name(), nil
}

// editorDone reads the edited file back and removes it. A failed editor
// leaves the body as it was. Editors add a final newline; it is dropped
// when the body had none, so a one-line body stays one line.
func editorDone(path, before string) tea.ExecCallback {
	return func(runErr error) tea.Msg {
		data, err := os.ReadFile(path)
		_ = os.Remove(path)
		switch {
		case runErr != nil:
			return bodyEditedMsg{err: fmt.Errorf("the editor failed (%v); the body is unchanged", runErr)}
		case err != nil:
			return bodyEditedMsg{err: fmt.Errorf("reading the edited body: %w", err)}
		}
		text := string(data)
		if !strings.HasSuffix(before, "\n") {
			text = strings.TrimSuffix(strings.TrimSuffix(text, "\n"), "\r")
		}
		return bodyEditedMsg{text: text}
	}
}

// editorArgv is $VISUAL, else $EDITOR, split on spaces so "code -w" works;
// else the platform's usual editor.
func editorArgv(getenv func(string) string, goos string) []string {
	for _, name := range []string{"VISUAL", "EDITOR"} {
		if f := strings.Fields(getenv(name)); len(f) > 0 {
			return f
		}
	}
	if goos == "windows" {
		return []string{"notepad"}
	}
	return []string{"vi"}
}
