package dpop

import "testing"

func TestTargetNormalisation(t *testing.T) {
	same := map[string]string{
		"https://api.example.com":                "https://api.example.com/",
		"HTTPS://API.EXAMPLE.COM:443/a":          "https://api.example.com/a",
		"http://api.example.com:80/a":            "http://api.example.com/a",
		"https://api.example.com/a/./b/../c":     "https://api.example.com/a/c",
		"https://api.example.com/%7euser":        "https://api.example.com/~user",
		"https://api.example.com/a%2fb":          "https://api.example.com/a%2Fb",
		"https://api.example.com/a?q=1#f":        "https://api.example.com/a",
		"https://[::1]:443/a":                    "https://[::1]/a",
		"https://api.example.com/a/b/..":         "https://api.example.com/a/",
		"https://api.example.com/../../a":        "https://api.example.com/a",
		"https://user@api.example.com/a":         "https://api.example.com/a",
		"https://api.example.com/%2E%2E/orders/": "https://api.example.com/orders/",
	}
	for a, b := range same {
		ta, err1 := parseTarget(a)
		tb, err2 := parseTarget(b)
		if err1 != nil || err2 != nil {
			t.Errorf("%s / %s: %v %v", a, b, err1, err2)
			continue
		}
		if d := ta.differs(tb); d != "" {
			t.Errorf("%s and %s should be equal: %s", a, b, d)
		}
	}
	for _, bad := range []string{"", "/orders", "mailto:a@b", "https//x", "://x", "https://x/%zz"} {
		if _, err := parseTarget(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}
