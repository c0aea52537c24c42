package oidctest

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"errors"
	"slices"

	"github.com/zitadel/oidc/v3/example/server/storage"
	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
)

// userStore is a user store whose IDs equal the usernames: the example's
// device pages store the username as the token subject, and the ID token
// lookup for "openid" then needs a user with that ID.
type userStore map[string]*storage.User

func newUserStore(u User, serviceIDs ...string) userStore {
	s := userStore{u.Username: {
		ID: u.Username, Username: u.Username, Password: u.Password,
		FirstName: "Alice", LastName: "Liddell", Email: u.Username + "@example.test", EmailVerified: true,
	}}
	// A client_credentials token's subject is the service's ID; the
	// introspection endpoint reports it active only when that user exists.
	for _, id := range serviceIDs {
		s[id] = &storage.User{ID: id, Username: id, Password: rand.Text()}
	}
	return s
}

func (s userStore) GetUserByID(id string) *storage.User { return s[id] }

func (s userStore) GetUserByUsername(name string) *storage.User {
	for _, u := range s {
		if u.Username == name {
			return u
		}
	}
	return nil
}

// ExampleClientID names the example's JWT-profile service user.
func (s userStore) ExampleClientID() string { return storage.ServiceUserID }

// testStorage adjusts the example storage where its client constructors
// fall short. It embeds *storage.Storage, so every optional interface the
// provider looks for (client credentials, device flow, …) stays visible.
type testStorage struct {
	*storage.Storage
	jwt     map[string]bool // client IDs that get JWT access tokens
	native  string          // the public client that also gets the device grant
	service Client          // the client_credentials client
}

// clientView overrides what the example's unexported client fields fix.
type clientView struct {
	op.Client
	grants []oidc.GrantType // nil: the client's own
	jwt    bool
}

func (c clientView) GrantTypes() []oidc.GrantType {
	if c.grants != nil {
		return c.grants
	}
	return c.Client.GrantTypes()
}

func (c clientView) AccessTokenType() op.AccessTokenType {
	if c.jwt {
		return op.AccessTokenTypeJWT
	}
	return c.Client.AccessTokenType()
}

func (s *testStorage) view(c op.Client) op.Client {
	v := clientView{Client: c, jwt: s.jwt[c.GetID()]}
	switch c.GetID() {
	case s.native:
		// NativeClient grants code and refresh_token only.
		v.grants = append(slices.Clone(c.GrantTypes()), oidc.GrantTypeDeviceCode)
	case s.service.ID:
		v.grants = []oidc.GrantType{oidc.GrantTypeClientCredentials}
	}
	return v
}

func (s *testStorage) GetClientByClientID(ctx context.Context, id string) (op.Client, error) {
	c, err := s.Storage.GetClientByClientID(ctx, id)
	if err != nil {
		return nil, err
	}
	return s.view(c), nil
}

// ClientCredentials authenticates the service client itself: the example
// only knows its hard-wired sid1 and offers no way to add another.
func (s *testStorage) ClientCredentials(ctx context.Context, id, secret string) (op.Client, error) {
	if id != s.service.ID {
		return s.Storage.ClientCredentials(ctx, id, secret)
	}
	if subtle.ConstantTimeCompare([]byte(secret), []byte(s.service.Secret)) != 1 {
		return nil, errors.New("wrong service client or secret")
	}
	return s.GetClientByClientID(ctx, id)
}

func (s *testStorage) ClientCredentialsTokenRequest(ctx context.Context, id string, scopes []string) (op.TokenRequest, error) {
	if id != s.service.ID {
		return s.Storage.ClientCredentialsTokenRequest(ctx, id, scopes)
	}
	return &oidc.JWTTokenRequest{Subject: id, Audience: []string{id}, Scopes: scopes}, nil
}
