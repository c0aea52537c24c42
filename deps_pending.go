//go:build why401_pending_deps

// This file pins the modules the store (issue 4) is being built on while
// its packages land, so that concurrent work shares one go.mod. It is
// never compiled; remove it once real imports exist.
package main

import (
	_ "github.com/gofrs/flock"
	_ "github.com/makiuchi-d/gozxing"
	_ "github.com/makiuchi-d/gozxing/qrcode"
	_ "github.com/pelletier/go-toml/v2"
	_ "github.com/skip2/go-qrcode"
	_ "github.com/zalando/go-keyring"
	_ "github.com/zitadel/oidc/v3/example/server/exampleop"
	_ "github.com/zitadel/oidc/v3/example/server/storage"
	_ "github.com/zitadel/oidc/v3/pkg/client/rp"
	_ "golang.org/x/oauth2"
	_ "golang.org/x/oauth2/clientcredentials"
)
