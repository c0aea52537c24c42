package cli

import (
	"context"

	"github.com/why401/why401/inspect/explain"
	"github.com/why401/why401/inspect/keys"
	"github.com/why401/why401/inspect/token"
	"github.com/why401/why401/store/config"
	"github.com/why401/why401/store/send"
)

// withProfile fills decode/explain options from a profile: its expected
// issuer, audience and algorithms, its leeway unless --leeway was given,
// and its key sources (CONTRACT: decode and explain use a profile only when
// one is named).
func (e *env) withProfile(ctx context.Context, p config.Profile, opts *token.Options, kid string) error {
	opts.Issuer, opts.Audience = orString(opts.Issuer, p.Issuer), orString(opts.Audience, p.Audience)
	if len(opts.Algs) == 0 {
		opts.Algs = p.Algs
	}
	if opts.Leeway == 0 {
		opts.Leeway = p.Leeway
	}
	sets, err := e.profileKeys(ctx, p, kid)
	if err != nil {
		return err
	}
	opts.Keys = append(opts.Keys, sets...)
	return nil
}

func orString(s, def string) string {
	if s != "" {
		return s
	}
	return def
}

// profileKeys loads the verification keys a profile names.
func (e *env) profileKeys(ctx context.Context, p config.Profile, kid string) ([]keys.Set, error) {
	var sets []keys.Set
	if p.KeyFile != "" {
		s, err := keys.LoadFile(p.KeyFile)
		if err != nil {
			return nil, err
		}
		sets = append(sets, s)
	}
	if !p.HMACSecret.IsZero() {
		v, err := e.resolver().Resolve(ctx, p.Name, "hmac_secret", p.HMACSecret)
		if err != nil {
			return nil, err
		}
		e.log.AddSecret(v)
		sets = append(sets, keys.SecretSet([]byte(v), "profile "+p.Name+" hmac_secret"))
	}
	client, err := send.HTTPClient(ctx, p, e.resolver())
	if err != nil {
		return nil, err
	}
	fetch := e.fetcher()
	fetch.Client = client
	if p.JWKSURL != nil {
		s, err := fetch.JWKS(ctx, p.JWKSURL.String(), kid)
		if err != nil {
			return nil, err
		}
		sets = append(sets, s)
	} else if b := p.DiscoveryBase(); b != nil && p.KeyFile == "" && p.HMACSecret.IsZero() {
		s, _, err := fetch.Discover(ctx, b.String(), kid)
		if err != nil {
			return nil, err
		}
		sets = append(sets, s)
	}
	return sets, nil
}

// otherEnvironments lists every other profile's issuer and audience, so
// explain can tell a token from another environment (WRONG_ENVIRONMENT).
// An issuer or audience the active profile shares (one identity provider
// for several environments) tells nothing, so it is left out.
func otherEnvironments(cfg *config.Config, active config.Profile) []explain.Environment {
	var out []explain.Environment
	for _, p := range cfg.Profiles {
		if p.Name == active.Name {
			continue
		}
		env := explain.Environment{Name: p.Name}
		if p.Issuer != active.Issuer {
			env.Issuer = p.Issuer
		}
		if p.Audience != "" && p.Audience != active.Audience {
			env.Audiences = []string{p.Audience}
		}
		if env.Issuer != "" || len(env.Audiences) > 0 {
			out = append(out, env)
		}
	}
	return out
}
