package cli

import (
	"context"

	"github.com/why401/why401/store/config"
	"github.com/why401/why401/store/secrets"
)

// namedRef is one secret reference of a profile.
type namedRef struct {
	Name string      `json:"name"`
	Ref  secrets.Ref `json:"-"`
}

// profileSecrets lists the secret references a profile uses.
func profileSecrets(p config.Profile) []namedRef {
	all := []namedRef{
		{"token", p.Auth.Token}, {"password", p.Auth.Password}, {"value", p.Auth.Value},
		{"client_secret", p.Auth.ClientSecret}, {"refresh_token", p.Auth.RefreshToken},
		{"hmac_secret", p.HMACSecret}, {"client_key", p.ClientKey},
	}
	var out []namedRef
	for _, r := range all {
		if !r.Ref.IsZero() {
			out = append(out, r)
		}
	}
	return out
}

// secretState says where a secret lives and whether it resolves, without
// ever holding on to its value. cmd: helpers run only when resolve is set,
// since they may prompt or reach the network; prompts are never asked here.
type secretState struct {
	Name     string `json:"name"`
	Ref      string `json:"ref"`
	Where    string `json:"where"`
	Resolves *bool  `json:"resolves"` // null when not checked
	Detail   string `json:"detail"`
}

func (e *env) secretStates(ctx context.Context, profile string, refs []namedRef, resolve bool) []secretState {
	// A resolver of its own, without a prompt: a status report never asks.
	r := &secrets.Resolver{Keyring: e.keyring(), Getenv: e.getenv}
	out := make([]secretState, 0, len(refs))
	for _, nr := range refs {
		st := secretState{Name: nr.Name, Ref: nr.Ref.String(), Where: where(profile, nr)}
		switch {
		case nr.Ref.Kind == secrets.KindPrompt:
			st.Detail = "asked without echo when first needed"
		case nr.Ref.Kind == secrets.KindCmd && !resolve:
			st.Detail = "the command is run when first needed (doctor --resolve runs it now)"
		case nr.Ref.Kind == secrets.KindKeyring && e.keyringDown != "":
			no := false
			st.Resolves, st.Detail = &no, e.keyringDown
		default:
			_, err := r.Resolve(ctx, profile, nr.Name, nr.Ref)
			ok := err == nil
			st.Resolves = &ok
			if err != nil {
				st.Detail = err.Error()
			}
		}
		out = append(out, st)
	}
	return out
}

func where(profile string, nr namedRef) string {
	switch nr.Ref.Kind {
	case secrets.KindKeyring:
		return "OS keyring, service " + secrets.Service(profile) + ", account " + nr.Name
	case secrets.KindEnv:
		return "environment variable " + nr.Ref.Arg
	case secrets.KindCmd:
		return "output of: " + nr.Ref.Arg
	}
	return "typed at a prompt"
}
