package auth

import (
	"github.com/skip2/go-qrcode"
)

// DrawQR draws text as a QR code in half-block characters (two modules per
// character cell, so it stays square in a terminal), with the standard
// 4-module quiet zone. Light modules are drawn and dark ones left blank,
// which suits the usual dark terminal background. Low error correction
// keeps it small: a terminal reproduces every module exactly.
func DrawQR(text string) (string, error) {
	q, err := qrcode.New(text, qrcode.Low)
	if err != nil {
		return "", err
	}
	return q.ToSmallString(false), nil
}
