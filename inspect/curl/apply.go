package curl

import "strings"

// apply records one option with its value (empty for flags); on is false
// for the --no-NAME form of a flag.
func (p *argParser) apply(name, value string, on bool) {
	c := &p.cmd
	switch name {
	case "request":
		p.request = value
	case "url":
		p.addURL(value)
	case "header":
		p.header(value)
	case "data", "data-raw", "data-binary", "data-urlencode", "data-ascii":
		c.Data = append(c.Data, value)
	case "json":
		c.Data = append(c.Data, value)
		c.JSON = true
	case "form", "form-string":
		c.Form = append(c.Form, value)
	case "cookie":
		p.cookie(value)
	default:
		p.applyMore(name, value, on)
	}
}

func (p *argParser) applyMore(name, value string, on bool) {
	c := &p.cmd
	switch name {
	case "upload-file":
		c.UploadFile = value
	case "user":
		c.User = value
	case "oauth2-bearer":
		c.OAuth2Bearer = value
	case "aws-sigv4":
		c.AWSSigV4 = value
	case "proxy":
		c.Proxy = value
	case "proxy-user":
		c.ProxyUser = value
	case "cert":
		c.Cert = value
	case "netrc-file":
		c.Netrc = true
	case "config":
		// The file holds more options we cannot see.
		p.unknown("--config " + value)
	default:
		p.applyFlag(name, on)
	}
}

func (p *argParser) applyFlag(name string, on bool) {
	c := &p.cmd
	switch name {
	case "insecure":
		c.Insecure = on
	case "compressed":
		c.Compressed = on
	case "location":
		c.Location = on
	case "location-trusted":
		c.Location, c.LocationTrusted = on, on
	case "include", "show-headers":
		c.Include = on
	case "head":
		p.head = on
	case "get":
		p.get = on
	case "netrc", "netrc-optional":
		c.Netrc = on
	case "basic", "digest", "ntlm", "negotiate", "anyauth":
		if on {
			c.AuthScheme = name
		}
	case "next":
		// Later words describe another request; the first one is ours.
		p.unknown("--next")
		p.done = true
	}
}

// header records a -H value. "Name: value" sends a header, "Name:" removes
// one curl would add, "Name;" sends it empty. Anything else (notably
// @file, which curl reads) is kept in Unknown.
func (p *argParser) header(v string) {
	if name, value, ok := strings.Cut(v, ":"); ok && strings.TrimSpace(name) != "" {
		value = strings.TrimSpace(value)
		p.cmd.Headers = append(p.cmd.Headers, Header{Name: strings.TrimSpace(name), Value: value, Remove: value == ""})
		return
	}
	if name, ok := strings.CutSuffix(v, ";"); ok && !strings.ContainsAny(name, ";:") && strings.TrimSpace(name) != "" {
		p.cmd.Headers = append(p.cmd.Headers, Header{Name: strings.TrimSpace(name)})
		return
	}
	p.unknown("--header " + v)
}

// cookie records a -b value; without '=' curl reads it as a file name.
func (p *argParser) cookie(v string) {
	p.cmd.Cookies = append(p.cmd.Cookies, v)
	if !strings.Contains(v, "=") {
		p.cmd.CookieFiles = append(p.cmd.CookieFiles, v)
	}
}
