package curl

import (
	"strings"
	"unicode/utf8"
)

// Parse tokenises s like a shell (POSIX, or the Windows cmd form when s is
// written that way) and interprets the words as curl's options. It stops
// at the end of the first command (a |, ; or &&) and at --next. Options it
// does not know are listed in Command.Unknown and parsing goes on.
//
// The error is ErrNotCurl, ErrTooLarge or a *SyntaxError for quoting that
// never closes.
func Parse(s string) (Command, error) {
	if len(s) > MaxInput {
		return Command{}, ErrTooLarge
	}
	args, err := split(s)
	if err != nil {
		if !Looks(s) {
			return Command{}, ErrNotCurl
		}
		return Command{}, err
	}
	return parseArgs(args)
}

// parseArgs interprets tokenised words; args[0] must name curl. A "$"
// before it is a shell prompt copied from documentation.
func parseArgs(args []string) (Command, error) {
	if len(args) > 1 && args[0] == "$" {
		args = args[1:]
	}
	if len(args) == 0 || !isCurlName(args[0]) {
		return Command{}, ErrNotCurl
	}
	p := argParser{args: args, i: 1}
	p.run()
	p.cmd.Method = p.method()
	return p.cmd, nil
}

// argParser walks curl's arguments, remembering what the method is
// inferred from until the end.
type argParser struct {
	args            []string
	i               int
	cmd             Command
	request         string // -X value
	head, get, done bool
	seenURL         bool
}

func (p *argParser) run() {
	endOfOptions := false
	for p.i < len(p.args) && !p.done {
		a := p.args[p.i]
		p.i++
		switch {
		case endOfOptions || a == "-" || !strings.HasPrefix(a, "-"):
			p.addURL(a)
		case a == "--":
			endOfOptions = true
		case strings.HasPrefix(a, "--"):
			p.long(a)
		default:
			p.short(a)
		}
	}
}

// long handles --name, --name value, --name=value and --no-name.
func (p *argParser) long(a string) {
	name, value, inline := strings.Cut(a[2:], "=")
	canon, takesArg, on, ok := lookupLong(name)
	switch {
	case !ok || (inline && !takesArg):
		p.unknown(a)
	case !takesArg:
		p.apply(canon, "", on)
	case inline:
		p.apply(canon, value, true)
	default:
		p.withNextArg(a, canon)
	}
}

// short handles a cluster such as -sSL, -XPOST or -HAuthorization:…: the
// first letter that takes an argument takes the rest of the cluster, or
// the next word when nothing is left.
func (p *argParser) short(a string) {
	for j := 1; j < len(a); j++ {
		name, ok := shortOptions[a[j]]
		if !ok {
			p.unknown("-" + firstRune(a[j:]))
			j += len(firstRune(a[j:])) - 1
			continue
		}
		if !argOptions[name] {
			p.apply(name, "", true)
			continue
		}
		if rest := a[j+1:]; rest != "" {
			p.apply(name, rest, true)
		} else {
			p.withNextArg("-"+a[j:j+1], name)
		}
		return
	}
}

// withNextArg applies an option whose value is the next word, whatever it
// looks like (curl takes "-d -x" as the body "-x").
func (p *argParser) withNextArg(written, name string) {
	if p.i >= len(p.args) {
		p.unknown(written)
		return
	}
	p.apply(name, p.args[p.i], true)
	p.i++
}

func (p *argParser) unknown(s string) { p.cmd.Unknown = append(p.cmd.Unknown, s) }

func firstRune(s string) string {
	_, n := utf8.DecodeRuneInString(s)
	return s[:n]
}

func (p *argParser) addURL(u string) {
	if !p.seenURL {
		p.cmd.URL, p.seenURL = u, true
		return
	}
	p.cmd.MoreURLs = append(p.cmd.MoreURLs, u)
}

// method infers the request method the way curl does.
func (p *argParser) method() string {
	switch {
	case p.request != "":
		return p.request
	case p.head:
		return "HEAD"
	case p.get:
		return "GET"
	case len(p.cmd.Data) > 0 || len(p.cmd.Form) > 0:
		return "POST"
	case p.cmd.UploadFile != "":
		return "PUT"
	}
	return "GET"
}
