package uncite

import (
	"errors"
	"fmt"
)

// Error codes shared by every layer; the GraphQL and HTTP layers map them to
// client-facing messages without leaking internals.
const (
	EINVALID  = "invalid"
	ENOTFOUND = "not_found"
	EINTERNAL = "internal"
	// EUNAVAILABLE: a part the store depends on (the Neo4j server) cannot
	// answer now; the same request may succeed later.
	EUNAVAILABLE = "unavailable"
)

// Error is an application error whose message is safe to show to a user.
type Error struct {
	Code    string
	Message string
	// Err is the underlying cause, for logs only: it may name internal
	// addresses that Message must not.
	Err error
}

func (e *Error) Error() string { return e.Message }
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of an application error, EINTERNAL otherwise.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-facing message of err: the message of an
// application error, a generic one for anything else.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
