package weburl

import (
	"errors"
	"strconv"
)

// ErrInvalidURL is wrapped by every error Parse returns; test with errors.Is.
var ErrInvalidURL = errors.New("invalid URL")

// Reasons a parse fails, named after the URL Standard's validation errors.
// They are wrapped in *Error and reach the user through its message.
var (
	errMissingScheme          = errors.New("missing scheme (relative URL without a base)")
	errInvalidScheme          = errors.New("invalid scheme")
	errHostMissing            = errors.New("missing host")
	errInvalidPort            = errors.New("invalid port")
	errPortOutOfRange         = errors.New("port out of range (0 to 65535)")
	errIPv6Unclosed           = errors.New("IPv6 address is missing its closing ]")
	errIPv6Invalid            = errors.New("invalid IPv6 address")
	errIPv4Invalid            = errors.New("invalid IPv4 address")
	errIDNA                   = errors.New("invalid international domain name")
	errEmptyHost              = errors.New("empty host")
	errForbiddenHostCodePoint = errors.New("forbidden code point in host")
	errStateOverride          = errors.New("value not accepted by the setter")
)

// Error is a failed parse: the input and why it is not a URL.
type Error struct {
	Input  string
	Reason error
}

func (e *Error) Error() string {
	return "invalid URL " + strconv.Quote(e.Input) + ": " + e.Reason.Error()
}

// Unwrap lets errors.Is match both ErrInvalidURL and the reason.
func (e *Error) Unwrap() []error { return []error{ErrInvalidURL, e.Reason} }
