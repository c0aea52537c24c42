package cli

// style applies ANSI SGR colours when enabled. The command line only needs
// a handful of colours, so it does not pay for a styling library at start-up.
type style struct{ on bool }

func (s style) wrap(code, text string) string {
	if !s.on || text == "" {
		return text
	}
	return "\x1b[" + code + "m" + text + "\x1b[0m"
}

func (s style) bold(t string) string   { return s.wrap("1", t) }
func (s style) dim(t string) string    { return s.wrap("2", t) }
func (s style) red(t string) string    { return s.wrap("31", t) }
func (s style) green(t string) string  { return s.wrap("32", t) }
func (s style) yellow(t string) string { return s.wrap("33", t) }
func (s style) cyan(t string) string   { return s.wrap("36", t) }

// severity colours a severity word and gives it a mark that survives
// without colour.
func (s style) severity(sev string) string {
	switch sev {
	case "error":
		return s.red("✖ error  ")
	case "warning":
		return s.yellow("▲ warning")
	}
	return s.cyan("● info   ")
}
