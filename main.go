// Command why401 explains why an HTTP request was refused: it decodes the
// token that was sent, parses the WWW-Authenticate challenge that came back,
// and says in plain words what went wrong.
package main

import (
	"os"

	"github.com/why401/why401/ui/cli"
)

func main() {
	os.Exit(cli.Execute(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
