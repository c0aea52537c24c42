package send

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"io"
	"net/http"
	"os"

	"github.com/why401/why401/store/config"
	"github.com/why401/why401/store/secrets"
)

// TLSConfig is the profile's TLS settings: its CA file trusted besides the
// system's, its client certificate (the key a secret reference resolved
// only now), and insecure_skip_verify when the user asked for it. nil when
// the profile changes nothing.
func TLSConfig(ctx context.Context, p config.Profile, r *secrets.Resolver) (*tls.Config, error) {
	if p.CAFile == "" && p.ClientCert == "" && !p.InsecureSkipVerify {
		return nil, nil
	}
	conf := &tls.Config{InsecureSkipVerify: p.InsecureSkipVerify} //nolint:gosec // asked for, and shown loudly
	if p.CAFile != "" {
		pool, err := caPool(p)
		if err != nil {
			return nil, err
		}
		conf.RootCAs = pool
	}
	if p.ClientCert != "" {
		cert, err := clientCertificate(ctx, p, r)
		if err != nil {
			return nil, err
		}
		conf.Certificates = []tls.Certificate{cert}
	}
	return conf, nil
}

// HTTPClient is the client for a profile's token, discovery and JWKS
// requests: its TLS settings and the environment's proxy. nil means the
// default client.
func HTTPClient(ctx context.Context, p config.Profile, r *secrets.Resolver) (*http.Client, error) {
	conf, err := TLSConfig(ctx, p, r)
	if err != nil || conf == nil {
		return nil, err
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = conf
	return &http.Client{Transport: tr}, nil
}

func caPool(p config.Profile) (*x509.CertPool, error) {
	pem, err := readSmall(p.CAFile)
	if err != nil {
		return nil, fmt.Errorf("cannot read ca_file of profile %s: %w", p.Name, err)
	}
	pool, err := x509.SystemCertPool()
	if err != nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("ca_file %s of profile %s holds no PEM certificate", p.CAFile, p.Name)
	}
	return pool, nil
}

func clientCertificate(ctx context.Context, p config.Profile, r *secrets.Resolver) (tls.Certificate, error) {
	certPEM, err := readSmall(p.ClientCert)
	if err != nil {
		return tls.Certificate{}, fmt.Errorf("cannot read client_cert of profile %s: %w", p.Name, err)
	}
	keyPEM, err := r.Resolve(ctx, p.Name, "client_key", p.ClientKey)
	if err != nil {
		return tls.Certificate{}, err
	}
	cert, err := tls.X509KeyPair(certPEM, []byte(keyPEM))
	if err != nil {
		return tls.Certificate{}, fmt.Errorf("the client_cert and client_key of profile %s do not form a key pair", p.Name)
	}
	return cert, nil
}

func readSmall(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, 1<<20+1))
	if err == nil && len(b) > 1<<20 {
		return nil, fmt.Errorf("%s is larger than 1 MiB", path)
	}
	return b, err
}
