package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/why401/why401/store/config"
	"github.com/why401/why401/store/secrets"
)

// addFlags are `profile add`'s options: plain values, never secrets.
type addFlags struct {
	baseURL, auth, username, keyName, keyIn     string
	tokenURL, authURL, deviceURL, clientID      string
	resource, issuer, audience, jwks, discovery string
	scopes, authScopes                          []string
	setDefault                                  bool
}

func (e *env) profileAddCommand() *cobra.Command {
	var fl addFlags
	cmd := &cobra.Command{
		Use:   "add NAME",
		Short: "Add a profile; in a terminal it asks for what is missing and puts secrets in the keyring",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return e.runProfileAdd(args[0], fl)
		},
	}
	f := cmd.Flags()
	f.StringVar(&fl.baseURL, "base-url", "", "the API's base URL (required)")
	f.StringVar(&fl.auth, "auth", "", "auth type: "+authTypeList())
	f.StringVar(&fl.username, "username", "", "basic: the user name")
	f.StringVar(&fl.keyName, "key-name", "", "api_key: the header or query parameter name")
	f.StringVar(&fl.keyIn, "key-in", "", "api_key: header (default) or query")
	f.StringVar(&fl.tokenURL, "token-url", "", "oauth2: the token endpoint (default: from discovery)")
	f.StringVar(&fl.authURL, "auth-url", "", "oauth2_auth_code: the authorization endpoint")
	f.StringVar(&fl.deviceURL, "device-url", "", "oauth2_device: the device authorization endpoint")
	f.StringVar(&fl.clientID, "client-id", "", "oauth2: the client id")
	f.StringSliceVar(&fl.authScopes, "auth-scope", nil, "oauth2: scopes to request")
	f.StringVar(&fl.resource, "resource", "", "oauth2: RFC 8707 resource indicator")
	f.StringVar(&fl.issuer, "issuer", "", "expected token issuer (also the discovery base)")
	f.StringVar(&fl.audience, "audience", "", "expected token audience")
	f.StringSliceVar(&fl.scopes, "scope", nil, "scopes this profile's requests need")
	f.StringVar(&fl.jwks, "jwks-url", "", "verification keys: a JWKS URL")
	f.StringVar(&fl.discovery, "discovery", "", "verification keys: discovery from this issuer URL")
	f.BoolVar(&fl.setDefault, "default", false, "make it the default profile")
	return cmd
}

func authTypeList() string {
	var names []string
	for _, t := range config.AuthTypes() {
		names = append(names, string(t))
	}
	return strings.Join(names, ", ")
}

func (e *env) runProfileAdd(name string, fl addFlags) error {
	if !config.ValidProfileName(name) {
		return usageErr("%q is not a profile name: lower-case letters, digits, - and _, starting with a letter or digit", name)
	}
	interactive := e.isTerminal(e.stdin)
	e.keyringWait = interactiveKeyringWait
	if interactive {
		if err := e.askMissing(&fl); err != nil {
			return err
		}
	}
	if fl.baseURL == "" {
		return usageErr("give the API's base URL with --base-url")
	}
	if fl.auth != "" && !slices.Contains(config.AuthTypes(), config.AuthType(fl.auth)) {
		return usageErr("--auth %q is not an auth type; use one of %s", fl.auth, authTypeList())
	}
	if fl.auth == string(config.AuthBasic) && fl.username == "" {
		return usageErr("--auth basic needs --username")
	}
	if fl.auth == string(config.AuthAPIKey) && fl.keyName == "" {
		return usageErr("--auth api_key needs --key-name (the header or query parameter)")
	}
	spec := fl.spec(name)
	_, loadErr := config.Load(e.configPath())
	if err := config.AddProfile(e.configPath(), spec); err != nil {
		var cerr *config.Error
		if (loadErr == nil || errors.Is(loadErr, config.ErrNoConfig)) && errors.As(err, &cerr) {
			return exitError{exitUsage, err} // the config was fine: the flags gave a value it refuses
		}
		return exitError{exitFailed, err}
	}
	if fl.setDefault {
		if err := config.SetDefault(e.configPath(), name); err != nil {
			return exitError{exitFailed, err}
		}
	}
	fmt.Fprintf(e.stdout, "Added profile %s to %s.\n", name, e.configPath())
	return e.storeNewSecrets(name, neededSecrets(config.AuthType(fl.auth)), interactive)
}

func (fl addFlags) spec(name string) config.ProfileSpec {
	keyring := secrets.Ref{Kind: secrets.KindKeyring}
	a := config.AuthSpec{Type: config.AuthType(fl.auth), Username: fl.username, Name: fl.keyName, In: fl.keyIn,
		TokenURL: fl.tokenURL, AuthURL: fl.authURL, DeviceURL: fl.deviceURL, ClientID: fl.clientID,
		Scopes: fl.authScopes, Resource: fl.resource}
	for _, n := range neededSecrets(a.Type) {
		switch n {
		case "token":
			a.Token = keyring
		case "password":
			a.Password = keyring
		case "value":
			a.Value = keyring
		case "client_secret":
			a.ClientSecret = keyring
		case "refresh_token":
			a.RefreshToken = keyring
		}
	}
	return config.ProfileSpec{Name: name, BaseURL: fl.baseURL, Issuer: fl.issuer, Audience: fl.audience,
		Scopes: fl.scopes, JWKSURL: fl.jwks, Discovery: fl.discovery, Auth: a}
}

// neededSecrets are the keyring items an auth type reads.
func neededSecrets(t config.AuthType) []string {
	switch t {
	case config.AuthBearer:
		return []string{"token"}
	case config.AuthBasic:
		return []string{"password"}
	case config.AuthAPIKey:
		return []string{"value"}
	case config.AuthOAuth2ClientCredentials:
		return []string{"client_secret"}
	case config.AuthOAuth2Refresh:
		return []string{"refresh_token"}
	}
	return nil
}

// storeNewSecrets puts the new profile's secrets in the keyring: asked
// without echo in a terminal, else explained for later.
func (e *env) storeNewSecrets(profile string, names []string, interactive bool) error {
	for _, n := range names {
		if !interactive {
			fmt.Fprintf(e.stdout, "Store its %s with: why401 secret set %s %s\n", n, profile, n)
			continue
		}
		v, err := e.promptSecret(fmt.Sprintf("%s for %s (stored in the OS keyring)", n, profile))
		if err != nil {
			return exitError{exitFailed, err}
		}
		if v == "" {
			fmt.Fprintf(e.stdout, "No %s given; store it later with: why401 secret set %s %s\n", n, profile, n)
			continue
		}
		if err := e.keyring().Set(secrets.Service(profile), n, v); err != nil {
			return exitError{exitFailed, fmt.Errorf("the profile was added, but %w", err)}
		}
		fmt.Fprintf(e.stdout, "Stored %s in the keyring.\n", n)
	}
	return nil
}

// askMissing asks in the terminal for what the flags left out.
func (e *env) askMissing(fl *addFlags) error {
	in := bufio.NewReader(e.stdin)
	ask := func(label string, dst *string) error {
		if *dst != "" {
			return nil
		}
		fmt.Fprintf(e.stderr, "%s: ", label)
		line, err := in.ReadString('\n')
		if err != nil && err != io.EOF {
			return usageErr("cannot read the answer: %v", err)
		}
		*dst = strings.TrimSpace(line)
		return nil
	}
	if err := ask("Base URL of the API", &fl.baseURL); err != nil {
		return err
	}
	if err := ask("Auth type ("+authTypeList()+")", &fl.auth); err != nil {
		return err
	}
	if fl.auth != "" && !slices.Contains(config.AuthTypes(), config.AuthType(fl.auth)) {
		return usageErr("%q is not an auth type; use one of %s", fl.auth, authTypeList())
	}
	switch t := config.AuthType(fl.auth); {
	case t == config.AuthBasic:
		return ask("User name", &fl.username)
	case t == config.AuthAPIKey:
		return ask("Header or query parameter name of the key", &fl.keyName)
	case t.IsOAuth2():
		if err := ask("Issuer URL (for discovery; empty to give endpoints)", &fl.issuer); err != nil {
			return err
		}
		return ask("Client id", &fl.clientID)
	}
	return nil
}

// runProfileEdit opens the config in $EDITOR on a private copy and saves
// it only when it validates, so a typo never breaks the config.
func (e *env) runProfileEdit() error {
	path := e.configPath()
	orig, err := os.ReadFile(path)
	if err != nil {
		orig = []byte(config.Template())
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return exitError{exitFailed, fmt.Errorf("cannot create %s: %w", dir, err)}
	}
	tmp, err := os.CreateTemp(dir, ".config-edit-*.toml")
	if err != nil {
		return exitError{exitFailed, fmt.Errorf("cannot make a copy to edit: %w", err)}
	}
	defer os.Remove(tmp.Name())
	tmp.Write(orig)
	tmp.Close()
	editor := e.getenv("VISUAL")
	if editor == "" {
		editor = e.getenv("EDITOR")
	}
	if editor == "" {
		return usageErr("set $EDITOR (or $VISUAL) to the editor to use")
	}
	for {
		if err := e.runEditor(editor, tmp.Name()); err != nil {
			return exitError{exitFailed, err}
		}
		edited, _ := os.ReadFile(tmp.Name())
		_, verr := config.Load(tmp.Name())
		if verr == nil {
			if err := config.Replace(path, edited); err != nil {
				return exitError{exitFailed, err}
			}
			fmt.Fprintln(e.stdout, "Saved "+path+".")
			return nil
		}
		fmt.Fprintln(e.stderr, "why401: "+sentence(verr.Error()))
		if !e.isTerminal(e.stdin) || !e.confirm("Edit again? (no: discard the changes)") {
			return exitError{exitFailed, fmt.Errorf("the config was not changed")}
		}
	}
}

func (e *env) runEditor(editor, file string) error {
	argv := strings.Fields(editor)
	cmd := exec.Command(argv[0], append(argv[1:], file)...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("the editor %s failed: %w", argv[0], err)
	}
	return nil
}

func (e *env) confirm(question string) bool {
	fmt.Fprintf(e.stderr, "%s [y/N] ", question)
	line, _ := bufio.NewReader(e.stdin).ReadString('\n')
	return strings.HasPrefix(strings.ToLower(strings.TrimSpace(line)), "y")
}
