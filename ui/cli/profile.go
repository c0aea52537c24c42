package cli

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/why401/why401/store/auth"
	"github.com/why401/why401/store/config"
	"github.com/why401/why401/store/secrets"
)

func (e *env) profileCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "profile list|show|add|edit|rm",
		Short: "Manage credential profiles (secrets are never printed)",
	}
	var asJSON bool
	list := &cobra.Command{Use: "list", Short: "List the profiles", Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return e.runProfileList(asJSON) }}
	list.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	var showJSON, resolve bool
	show := &cobra.Command{Use: "show [NAME]", Short: "Show a profile, with where each secret lives", Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			e.jsonOut = showJSON
			return e.runProfileShow(cmd.Context(), firstArg(args, e.profile), showJSON, resolve)
		}}
	show.Flags().BoolVar(&showJSON, "json", false, "print JSON")
	show.Flags().BoolVar(&resolve, "resolve", false, "also run cmd: helpers to check they resolve")
	rm := &cobra.Command{Use: "rm NAME", Short: "Remove a profile and its keyring items", Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return e.runProfileRm(args[0]) }}
	edit := &cobra.Command{Use: "edit", Short: "Edit the config in $EDITOR; it is validated before it is saved", Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return e.runProfileEdit() }}
	cmd.AddCommand(list, show, e.profileAddCommand(), edit, rm)
	return cmd
}

func firstArg(args []string, def string) string {
	if len(args) > 0 {
		return args[0]
	}
	return def
}

type profileSummary struct {
	Name      string `json:"name"`
	BaseURL   string `json:"base_url"`
	Auth      string `json:"auth"`
	Default   bool   `json:"default"`
	Protected bool   `json:"protected"`
	History   bool   `json:"history"`
}

func (e *env) runProfileList(asJSON bool) error {
	e.jsonOut = asJSON
	cfg, err := e.loadConfig()
	if err != nil {
		return exitError{exitFailed, err}
	}
	def, _ := cfg.Default()
	out := []profileSummary{}
	for _, p := range cfg.Profiles {
		out = append(out, profileSummary{Name: p.Name, BaseURL: p.BaseURL.String(), Auth: string(p.Auth.Type),
			Default: p.Name == def.Name, Protected: p.Protected, History: p.History})
	}
	if asJSON {
		writeJSON(e.stdout, map[string]any{"config": cfg.Path, "profiles": out})
		return nil
	}
	for _, s := range out {
		mark := " "
		if s.Default {
			mark = "*"
		}
		extra := ""
		if s.Protected {
			extra = "  protected"
		}
		fmt.Fprintf(e.stdout, "%s %-16s %-28s %s%s\n", mark, s.Name, s.Auth, s.BaseURL, extra)
	}
	return nil
}

// profileDetail is `profile show --json`: the profile's settings and, for
// each secret, where it lives and whether it resolves — never its value.
type profileDetail struct {
	profileSummary
	Issuer   string        `json:"issuer,omitempty"`
	Audience string        `json:"audience,omitempty"`
	Scopes   []string      `json:"scopes,omitempty"`
	Algs     []string      `json:"algs,omitempty"`
	Keys     []string      `json:"key_sources,omitempty"`
	Secrets  []secretState `json:"secrets"`
}

func (e *env) runProfileShow(ctx context.Context, name string, asJSON, resolve bool) error {
	cfg, p, err := e.profileNamed(name)
	if err != nil {
		return err
	}
	def, _ := cfg.Default()
	d := profileDetail{
		profileSummary: profileSummary{Name: p.Name, BaseURL: p.BaseURL.String(), Auth: string(p.Auth.Type),
			Default: p.Name == def.Name, Protected: p.Protected, History: p.History},
		Issuer: p.Issuer, Audience: p.Audience, Scopes: p.Scopes, Algs: p.Algs, Keys: keySources(p),
		Secrets: e.secretStates(ctx, p.Name, profileSecrets(p), resolve),
	}
	if asJSON {
		writeJSON(e.stdout, d)
		return nil
	}
	e.renderProfile(d)
	return nil
}

func keySources(p config.Profile) []string {
	var out []string
	if p.JWKSURL != nil {
		out = append(out, "jwks_url "+p.JWKSURL.String())
	}
	if b := p.DiscoveryBase(); b != nil && p.JWKSURL == nil && p.KeyFile == "" && p.HMACSecret.IsZero() {
		out = append(out, "discovery from "+b.String()) // the same rule as profileKeys
	}
	if p.KeyFile != "" {
		out = append(out, "key_file "+p.KeyFile)
	}
	if !p.HMACSecret.IsZero() {
		out = append(out, "hmac_secret ("+p.HMACSecret.String()+")")
	}
	return out
}

func (e *env) renderProfile(d profileDetail) {
	st := style{on: e.colour()}
	w := e.stdout
	fmt.Fprintf(w, "%s  %s  auth %s\n", st.bold(d.Name), d.BaseURL, d.Auth)
	row := func(k, v string) {
		if v != "" {
			fmt.Fprintf(w, "  %-10s %s\n", k, v)
		}
	}
	row("issuer", d.Issuer)
	row("audience", d.Audience)
	row("scopes", strings.Join(d.Scopes, " "))
	row("algs", strings.Join(d.Algs, ", "))
	row("keys", strings.Join(d.Keys, "; "))
	row("protected", fmt.Sprint(d.Protected))
	row("history", fmt.Sprint(d.History))
	for _, s := range d.Secrets {
		state := st.dim("not checked")
		if s.Resolves != nil && *s.Resolves {
			state = st.green("✔ resolves")
		} else if s.Resolves != nil {
			state = st.red("✖ " + s.Detail)
		} else if s.Detail != "" {
			state = st.dim(s.Detail)
		}
		fmt.Fprintf(w, "  %-10s %s · %s · %s\n", s.Name, s.Ref, s.Where, state)
	}
}

func (e *env) runProfileRm(name string) error {
	if err := config.RemoveProfile(e.configPath(), name); err != nil {
		return exitError{exitFailed, err}
	}
	k := e.keyring()
	var removed []string
	for _, n := range append(secretNames(), auth.ItemTokenMeta) {
		if err := k.Delete(secrets.Service(name), n); err == nil {
			removed = append(removed, n)
		}
	}
	msg := "Removed profile " + name
	if len(removed) > 0 {
		slices.Sort(removed)
		msg += " and its keyring items " + strings.Join(slices.Compact(removed), ", ")
	}
	fmt.Fprintln(e.stdout, msg+".")
	return nil
}
