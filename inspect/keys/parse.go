package keys

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/MicahParks/jwkset"
)

// maxKeyFile bounds what LoadFile reads: key files are kilobytes, and a
// mistaken path to a disk image must not be read whole.
const maxKeyFile = 4 << 20

// LoadFile reads a PEM public key or certificate, a JWK or a JWKS from path.
func LoadFile(path string) (Set, error) {
	data, err := readCapped(path, maxKeyFile)
	if err != nil {
		return Set{}, err
	}
	return Parse(data, "--key "+path)
}

func readCapped(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read key file: %w", err)
	}
	defer f.Close()
	var buf bytes.Buffer
	n, err := buf.ReadFrom(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read key file %s: %w", path, err)
	}
	if n > limit {
		return nil, fmt.Errorf("key file %s is larger than %d bytes", path, limit)
	}
	return buf.Bytes(), nil
}

// Parse reads keys from data: PEM (public keys, certificates, and private
// keys, of which only the public half is kept), a JWK or a JWKS.
func Parse(data []byte, source string) (Set, error) {
	trimmed := bytes.TrimSpace(data)
	set := Set{Source: source}
	var err error
	switch {
	case len(trimmed) == 0:
		err = errors.New("it is empty")
	case trimmed[0] == '{':
		set.Keys, err = parseJSON(trimmed)
	case bytes.Contains(trimmed, []byte("-----BEGIN")):
		set.Keys, err = parsePEM(trimmed)
	default:
		set.Keys, err = parseDER(trimmed)
	}
	if err != nil {
		return Set{}, fmt.Errorf("%s holds no usable key: %w", source, err)
	}
	if len(set.Keys) == 0 {
		return Set{}, fmt.Errorf("%s holds no signing keys", source)
	}
	for i := range set.Keys {
		set.Keys[i].Index = i
	}
	return set, nil
}

func parsePEM(data []byte) ([]Key, error) {
	var out []Key
	for {
		var block *pem.Block
		block, data = pem.Decode(data)
		if block == nil {
			break
		}
		pub, err := pemPublicKey(block)
		if err != nil {
			return nil, err
		}
		if pub != nil {
			out = append(out, Key{Public: pub})
		}
	}
	if len(out) == 0 {
		return nil, errors.New("no PEM public key, certificate or private key block was found")
	}
	return out, nil
}

// pemPublicKey returns the public key in a PEM block, nil for blocks that
// hold no key (such as EC PARAMETERS).
func pemPublicKey(b *pem.Block) (any, error) {
	switch b.Type {
	case "PUBLIC KEY":
		return x509.ParsePKIXPublicKey(b.Bytes)
	case "RSA PUBLIC KEY":
		return x509.ParsePKCS1PublicKey(b.Bytes)
	case "CERTIFICATE":
		c, err := x509.ParseCertificate(b.Bytes)
		if err != nil {
			return nil, fmt.Errorf("certificate: %w", err)
		}
		return c.PublicKey, nil
	case "PRIVATE KEY":
		k, err := x509.ParsePKCS8PrivateKey(b.Bytes)
		return publicHalf(k, err)
	case "RSA PRIVATE KEY":
		k, err := x509.ParsePKCS1PrivateKey(b.Bytes)
		return publicHalf(k, err)
	case "EC PRIVATE KEY":
		k, err := x509.ParseECPrivateKey(b.Bytes)
		return publicHalf(k, err)
	case "ENCRYPTED PRIVATE KEY":
		return nil, errors.New("the private key is encrypted; give the public key or certificate instead")
	}
	return nil, nil
}

func publicHalf(k any, err error) (any, error) {
	if err != nil {
		return nil, fmt.Errorf("private key: %w", err)
	}
	s, ok := k.(crypto.Signer)
	if !ok {
		return nil, fmt.Errorf("unsupported private key type %T", k)
	}
	return s.Public(), nil
}

func parseDER(data []byte) ([]Key, error) {
	if pub, err := x509.ParsePKIXPublicKey(data); err == nil {
		return []Key{{Public: pub}}, nil
	}
	if c, err := x509.ParseCertificate(data); err == nil {
		return []Key{{Public: c.PublicKey}}, nil
	}
	return nil, errors.New("it is not a PEM or DER key or certificate, a JWK or a JWKS")
}

func parseJSON(data []byte) ([]Key, error) {
	var probe struct {
		Keys []json.RawMessage `json:"keys"`
	}
	if err := json.Unmarshal(data, &probe); err != nil {
		return nil, fmt.Errorf("not valid JSON: %w", err)
	}
	if probe.Keys == nil {
		k, err := parseJWK(data)
		if err != nil {
			return nil, err
		}
		return []Key{k}, nil
	}
	var out []Key
	var errs []error
	for i, raw := range probe.Keys {
		k, err := parseJWK(raw)
		if err != nil {
			errs = append(errs, fmt.Errorf("key #%d: %w", i+1, err))
			continue
		}
		if k.Use == "enc" {
			continue // an encryption key never verifies a signature
		}
		out = append(out, k)
	}
	if len(out) == 0 && len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

func parseJWK(raw []byte) (Key, error) {
	j, err := jwkset.NewJWKFromRawJSON(raw,
		jwkset.JWKMarshalOptions{Private: true},
		jwkset.JWKValidateOptions{SkipKeyOps: true})
	if err != nil {
		return Key{}, fmt.Errorf("JWK: %w", err)
	}
	pub := j.Key()
	if s, ok := pub.(crypto.Signer); ok {
		pub = s.Public()
	}
	m := j.Marshal()
	return Key{ID: m.KID, Alg: string(m.ALG), Use: string(m.USE), Public: pub}, nil
}
