package curl

import "strings"

// argOptions lists curl's long options that take an argument (curl 8.x).
// Knowing every one matters more than modelling them: an argument-taking
// option we did not know would push its value into the URL slot.
var argOptions = words(`
abstract-unix-socket alt-svc aws-sigv4 cacert capath cert cert-type ciphers
config connect-timeout connect-to continue-at cookie cookie-jar
create-file-mode crlfile curves data data-ascii data-binary data-raw
data-urlencode delegation dns-interface dns-ipv4-addr dns-ipv6-addr
dns-servers doh-url dump-header ech egd-file engine etag-compare etag-save
expect100-timeout form form-string ftp-account ftp-alternative-to-user
ftp-method ftp-port ftp-ssl-ccc-mode happy-eyeballs-timeout-ms
haproxy-clientip header hostpubmd5 hostpubsha256 hsts interface ip-tos
ipfs-gateway json keepalive-cnt keepalive-time key key-type krb libcurl
limit-rate local-port login-options mail-auth mail-from mail-rcpt
max-filesize max-redirs max-time netrc-file noproxy oauth2-bearer output
output-dir parallel-max pass pinnedpubkey preproxy proto proto-default
proto-redir proxy proxy-cacert proxy-capath proxy-cert proxy-cert-type
proxy-ciphers proxy-crlfile proxy-header proxy-key proxy-key-type
proxy-pass proxy-pinnedpubkey proxy-service-name proxy-tls13-ciphers
proxy-tlsauthtype proxy-tlspassword proxy-tlsuser proxy-user proxy1.0
pubkey quote random-file range rate referer request request-target
resolve retry retry-delay retry-max-time sasl-authzid service-name
sigalgs socks4 socks4a socks5 socks5-gssapi-service socks5-hostname
speed-limit speed-time ssl-sessions stderr telnet-option tftp-blksize
time-cond tls-max tls13-ciphers tlsauthtype tlspassword tlsuser trace
trace-ascii trace-config unix-socket upload-file url url-query user
user-agent variable vlan-priority write-out`)

// flagOptions lists the argument-less long options why401 reads, plus
// common ones it ignores, so that they are not reported as unknown. curl
// also accepts --no-NAME for these.
var flagOptions = words(`
anyauth append basic ca-native cert-status compressed compressed-ssh
create-dirs crlf digest disable disable-eprt disable-epsv
disallow-username-in-url doh-cert-status doh-insecure fail fail-early
fail-with-body false-start form-escape ftp-create-dirs ftp-pasv ftp-pret
ftp-skip-pasv-ip ftp-ssl-ccc ftp-ssl-control get globoff head help http0.9
http1.0 http1.1 http2 http2-prior-knowledge http3 http3-only ignore-content-length
include insecure ipv4 ipv6 junk-session-cookies keepalive list-only
location location-trusted manual mptcp negotiate netrc netrc-optional next
no-alpn no-buffer no-keepalive no-npn no-progress-meter no-sessionid ntlm
ntlm-wb out-null parallel parallel-immediate path-as-is post301 post302
post303 progress-bar proxy-anyauth proxy-basic proxy-ca-native proxy-digest
proxy-http2 proxy-insecure proxy-negotiate proxy-ntlm proxy-ssl-allow-beast
proxy-ssl-auto-client-cert proxytunnel raw remote-header-name remote-name
remote-name-all remote-time remove-on-error retry-all-errors
retry-connrefused sasl-ir show-error show-headers silent skip-existing
socks5-basic socks5-gssapi socks5-gssapi-nec ssl ssl-allow-beast
ssl-auto-client-cert ssl-no-revoke ssl-reqd ssl-revoke-best-effort sslv2
sslv3 styled-output suppress-connect-headers tcp-fastopen tcp-nodelay
tftp-no-options tlsv1 tlsv1.0 tlsv1.1 tlsv1.2 tlsv1.3 tr-encoding trace-ids
trace-time use-ascii verbose version xattr`)

// shortOptions maps curl's one-letter options to their long names.
var shortOptions = map[byte]string{
	'0': "http1.0", '1': "tlsv1", '2': "sslv2", '3': "sslv3", '4': "ipv4",
	'6': "ipv6", '#': "progress-bar", ':': "next",
	'a': "append", 'A': "user-agent", 'b': "cookie", 'B': "use-ascii",
	'c': "cookie-jar", 'C': "continue-at", 'd': "data", 'D': "dump-header",
	'e': "referer", 'E': "cert", 'f': "fail", 'F': "form", 'g': "globoff",
	'G': "get", 'h': "help", 'H': "header", 'i': "include", 'I': "head",
	'j': "junk-session-cookies", 'J': "remote-header-name", 'k': "insecure",
	'K': "config", 'l': "list-only", 'L': "location", 'm': "max-time",
	'M': "manual", 'n': "netrc", 'N': "no-buffer", 'o': "output",
	'O': "remote-name", 'p': "proxytunnel", 'P': "ftp-port", 'q': "disable",
	'Q': "quote", 'r': "range", 'R': "remote-time", 's': "silent",
	'S': "show-error", 't': "telnet-option", 'T': "upload-file", 'u': "user",
	'U': "proxy-user", 'v': "verbose", 'V': "version", 'w': "write-out",
	'x': "proxy", 'X': "request", 'y': "speed-time", 'Y': "speed-limit",
	'z': "time-cond", 'Z': "parallel",
}

func words(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// lookupLong resolves a long option name. It strips curl 8.3's expand-
// prefix (--expand-header is --header with {{variables}}), and reports a
// --no-NAME form of a flag with on == false.
func lookupLong(name string) (canon string, takesArg, on, ok bool) {
	name = strings.TrimPrefix(name, "expand-")
	switch {
	case argOptions[name]:
		return name, true, true, true
	case flagOptions[name]:
		return name, false, true, true
	}
	if base, found := strings.CutPrefix(name, "no-"); found && flagOptions[base] {
		return base, false, false, true
	}
	return "", false, false, false
}
