package explain

import (
	"strings"
	"testing"
	"time"
)

// conflictCases put several causes in one exchange; the ranking must follow
// CONTRACT's principle: an explicit server code or wording confirmed by the
// token or the request first, local evidence next, inferences from absence
// last, and every cause that holds listed.
func conflictCases() []explainCase {
	return []explainCase{
		// The server's explicit code ranks first; the expiry still holds and
		// is listed.
		pos("INSUFFICIENT_SCOPE", "expired token plus insufficient_scope", "this endpoint needs orders:write", func(t testing.TB) Input {
			return exchange(t, resp(403, "", `WWW-Authenticate: Bearer realm="api", error="insufficient_scope", scope="orders:write"`),
				bearer(tok(t, "exp", expired3m12)))
		}, want("TOKEN_EXPIRED"), before("INSUFFICIENT_SCOPE", "TOKEN_EXPIRED"), absent("FORBIDDEN_AUTHZ")),

		// Local evidence (the redirect in the request chain) beats the
		// inference from a bare challenge.
		pos("AUTH_STRIPPED_ON_REDIRECT", "Bearer challenge after a cross-host redirect", "dropped on the redirect to auth.example.org", func(t testing.TB) Input {
			return exchange(t, redirect(302, "https://auth.example.org/session?next=%2Forders")+
				resp(401, "", `WWW-Authenticate: Bearer realm="api"`), bearer(tok(t)))
		}, want("CREDENTIALS_NOT_SEEN"), before("AUTH_STRIPPED_ON_REDIRECT", "CREDENTIALS_NOT_SEEN")),

		// Trust the request over the code: no credentials went out, so the
		// server's invalid_token is about nothing.
		pos("NO_CREDENTIALS", "no credentials but the server says invalid_token", "carried no credentials", func(t testing.TB) Input {
			return exchange(t, resp(401, `{"error":"invalid_token","error_description":"Missing Authorization header"}`, "Content-Type: application/json",
				`WWW-Authenticate: Bearer realm="OAuth", error="invalid_token", error_description="Missing or invalid access token"`), "")
		}, absent("TOKEN_EXPIRED", "TOKEN_MALFORMED", "SIGNATURE_INVALID"), also(noTokenClaims)),
		pos("NO_CREDENTIALS", "no credentials, Azure ARM invalid_token", "carried no credentials", func(t testing.TB) Input {
			return exchange(t, resp(401, `{"error":{"code":"AuthenticationFailed","message":"Authentication failed. The 'Authorization' header is missing."}}`,
				"Content-Type: application/json; charset=utf-8",
				`WWW-Authenticate: Bearer authorization_uri="https://login.windows.net/", error="invalid_token", error_description="The authentication failed because of missing 'Authorization' header."`), "")
		}, also(noTokenClaims)),

		// The local clock is 10 minutes ahead of the server's Date: the token
		// looks expired here but is not expired where it was judged.
		pos("CLOCK_SKEW", "local clock ahead, token expired only locally", "10m ahead of the server's", func(t testing.TB) Input {
			return analyzedAt(t, exchange(t, resp(401, "", `WWW-Authenticate: Bearer realm="api"`), bearer(tok(t, "exp", 5*time.Minute))), now.Add(10*time.Minute))
		}, absent("TOKEN_EXPIRED"), also(func(t *testing.T, r Result) {
			if r.Token == nil || r.Token.Time.Status != "expired" {
				t.Fatalf("setup: the token should look expired by the local clock")
			}
			if r.Diagnosis[0].Severity != "error" {
				t.Errorf("skew that flips the expiry verdict should be an error, got %s", r.Diagnosis[0].Severity)
			}
		})),
		neg("TOKEN_EXPIRED", "local clock ahead, server says invalid_token", func(t testing.TB) Input {
			return analyzedAt(t, exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token"`), bearer(tok(t, "exp", 5*time.Minute))), now.Add(10*time.Minute))
		}, want("CLOCK_SKEW"), absent("TOKEN_EXPIRED")),
		// And the other way round: the local clock is behind, the token is
		// expired by the server's Date although it looks valid here.
		pos("TOKEN_EXPIRED", "local clock behind, expired by the server's Date", "expired 3m12s ago", func(t testing.TB) Input {
			return analyzedAt(t, exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token"`), bearer(tok(t, "exp", expired3m12))), now.Add(-10*time.Minute))
		}, want("CLOCK_SKEW"), before("TOKEN_EXPIRED", "CLOCK_SKEW"), evidence("server's Date")),

		// A token of another environment with an audience complaint: the
		// environment names the cause behind the audience.
		pos("WRONG_ENVIRONMENT", "staging token with an audience complaint", "issued for staging", func(t testing.TB) Input {
			in := exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token", error_description="Audience validation failed. Audience did not match."`),
				bearer(tok(t, "iss", "https://login.example.com/staging/", "aud", "https://orders.staging.example.com")))
			in = expecting(in, Expectations{Issuer: "https://login.example.com/prod/", Audience: "https://orders.example.com"})
			return others(in,
				Environment{Name: "dev", Issuer: "https://login.example.com/dev/"},
				Environment{Name: "staging", Issuer: "https://login.example.com/staging/", Audiences: []string{"https://orders.staging.example.com"}})
		}, want("AUDIENCE_MISMATCH"), before("WRONG_ENVIRONMENT", "AUDIENCE_MISMATCH")),

		// The server named the key problem; the expiry is true but only
		// inferred from the generic invalid_token and exp (ASP.NET checks
		// the signature before the lifetime).
		pos("KEY_NOT_FOUND", "expired token but the server says the key was not found", "no key for kid k-2025-10", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token", error_description="The signature key was not found"`),
				bearer(tokH(t, map[string]any{"kid": "k-2025-10"}, "exp", expired3m12)))
		}, want("TOKEN_EXPIRED"), before("KEY_NOT_FOUND", "TOKEN_EXPIRED")),
		// ASP.NET tolerates 5 minutes of skew: a token 3m12s past exp still
		// passes its lifetime check, and the server says what failed.
		pos("AUDIENCE_MISMATCH", "token 3m past exp within ASP.NET's 5 min leeway, audience refused", "Token is for api://billing; this API expects api://orders", func(t testing.TB) Input {
			in := exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token", error_description="The audience 'api://billing' is invalid"`),
				bearer(tok(t, "aud", "api://billing", "exp", expired3m12)))
			return expecting(in, Expectations{Audience: "api://orders"})
		}, want("TOKEN_EXPIRED"), before("AUDIENCE_MISMATCH", "TOKEN_EXPIRED")),

		// Server's word on expiry, token not expired by the server's Date:
		// still listed, as the server's word, above inferences.
		pos("TOKEN_EXPIRED", "server says expired, token disagrees", "the server says", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token", error_description="The token expired at '11/27/2026 09:56:48'"`),
				bearer(tok(t, "exp", time.Minute)))
		}, absent("SERVER_SAYS"), also(func(t *testing.T, r Result) {
			if !strings.Contains(r.Diagnosis[0].Detail, "compare the clocks") {
				t.Errorf("detail should say the token's exp disagrees: %q", r.Diagnosis[0].Detail)
			}
		})),

		// The proxy answered: the API never saw the token, whatever it holds.
		pos("PROXY_AUTH_REQUIRED", "407 while the token is expired too", "proxy wants credentials", func(t testing.TB) Input {
			return exchange(t, resp(407, "", `Proxy-Authenticate: Basic realm="corp-proxy"`), bearer(tok(t, "exp", expired3m12)))
		}, before("PROXY_AUTH_REQUIRED", "TOKEN_EXPIRED"), absent("WRONG_SCHEME")),

		// The server's nonce request is the next step; the proof's missing
		// nonce is the same fact seen locally.
		pos("DPOP_NONCE_REQUIRED", "use_dpop_nonce and a proof without nonce", "DPoP nonce", func(t testing.TB) Input {
			k := dpopKey()
			return dpopExchange(t, resp(401, "", `WWW-Authenticate: DPoP error="use_dpop_nonce"`, "DPoP-Nonce: n-0S6_WzA2Mj"), boundToken(t, k), proofOpts{key: k})
		}, want("DPOP_PROOF_INVALID"), before("DPOP_NONCE_REQUIRED", "DPOP_PROOF_INVALID")),

		// A registry challenge without a token is the registry's token dance.
		pos("REGISTRY_TOKEN_FLOW", "registry challenge, nothing sent", "auth.docker.io", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `Www-Authenticate: Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"`), "")
		}, before("REGISTRY_TOKEN_FLOW", "NO_CREDENTIALS")),

		// An expired token and a DPoP-bound token sent as Bearer: the server
		// says invalid_token on Bearer and offers DPoP. Both hold.
		// Both must be fixed; neither order is wrong, so only both are asked.
		{name: "bound token sent as Bearer, also expired", in: func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token", DPoP algs="ES256"`),
				bearer(boundToken(t, dpopKey(), "exp", expired3m12)))
		}, want: []string{"TOKEN_EXPIRED", "DPOP_REQUIRED"}, absent: []string{"SERVER_SAYS"}},

		// 403 with an expired token and no challenge: the expiry is evidence;
		// "authenticated but not allowed" would contradict it.
		pos("TOKEN_EXPIRED", "403 without challenge, expired token", "expired 3m12s ago", func(t testing.TB) Input {
			return exchange(t, resp(403, ""), bearer(tok(t, "exp", expired3m12)))
		}, absent("FORBIDDEN_AUTHZ")),

		// Local scope evidence beats the bare 403 inference.
		pos("INSUFFICIENT_SCOPE", "403 without words, scope expected by the profile", "orders:write", func(t testing.TB) Input {
			return expecting(exchange(t, resp(403, ""), bearer(tok(t))), Expectations{Scopes: []string{"orders:read", "orders:write"}})
		}, before("INSUFFICIENT_SCOPE", "FORBIDDEN_AUTHZ")),

		// WRONG_SCHEME (the server's offer, confirmed by what was sent) beats
		// token inferences; the expired token is still listed.
		pos("WRONG_SCHEME", "Bearer to Basic-only, token expired too", "wants Basic credentials, not Bearer", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Basic realm="Artifactory Realm"`), bearer(tok(t, "exp", expired3m12)))
		}, want("TOKEN_EXPIRED"), before("WRONG_SCHEME", "TOKEN_EXPIRED")),
	}
}

// noTokenClaims: with no credentials sent, no diagnosis may talk about a
// token that was never sent (notes §2.3: trust the request facts over the
// error code).
func noTokenClaims(t *testing.T, r Result) {
	t.Helper()
	for _, d := range r.Diagnosis {
		if d.ID == "SERVER_SAYS" && strings.Contains(d.Title, "token is invalid") {
			t.Errorf("SERVER_SAYS %q judges a token, but none was sent", d.Title)
		}
	}
}

func TestConflicts(t *testing.T) {
	for _, c := range conflictCases() {
		t.Run(strings.TrimPrefix(c.id+"/"+c.name, "/"), func(t *testing.T) { c.run(t) })
	}
}
