package server

import (
	"context"
	"errors"
	"log/slog"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/uncite/uncite"
)

// The codes a client finds in an error's extensions.code: one style,
// upper snake case, the first two as gqlgen names them.
const (
	CodeParseFailed          = errcode.ParseFailed      // GRAPHQL_PARSE_FAILED
	CodeValidationFailed     = errcode.ValidationFailed // GRAPHQL_VALIDATION_FAILED
	CodeComplexityLimit      = "COMPLEXITY_LIMIT"
	CodeDepthLimit           = "DEPTH_LIMIT"
	CodeFieldLimit           = "FIELD_LIMIT"
	CodeIntrospectionOff     = "INTROSPECTION_DISABLED"
	CodeBadRequest           = "BAD_REQUEST" // the HTTP request itself: body, method, parameters
	CodePayloadTooLarge      = "PAYLOAD_TOO_LARGE"
	CodeResponseTooLarge     = "RESPONSE_TOO_LARGE"
	CodeUnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE"
	CodeNotAcceptable        = "NOT_ACCEPTABLE"
	CodeMethodNotAllowed     = "METHOD_NOT_ALLOWED"
	CodeOverloaded           = "OVERLOADED"
	CodeTimeout              = "TIMEOUT"
	CodeUnavailable          = "UNAVAILABLE" // the database cannot answer now; retry later
	CodeUnauthenticated      = "UNAUTHENTICATED"
	CodeForbidden            = "FORBIDDEN"
	CodeBadUserInput         = "BAD_USER_INPUT"
	CodeNotFound             = "NOT_FOUND"
	CodeInternal             = "INTERNAL"
)

// gqlgen's own name for its complexity error.
const gqlgenComplexityCode = "COMPLEXITY_LIMIT_EXCEEDED"

// appCodes maps the domain's error codes to the client's.
var appCodes = map[string]string{
	uncite.EINVALID:     CodeBadUserInput,
	uncite.ENOTFOUND:    CodeNotFound,
	uncite.EINTERNAL:    CodeInternal,
	uncite.EUNAVAILABLE: CodeUnavailable,
}

func withCode(msg, code string) *gqlerror.Error {
	return &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": code}}
}

// presentError shows application errors as they are, gives every error one
// code, and hides internal ones behind a generic message, logging the
// real cause. Errors that may mean the store is down go to avail, which
// logs an outage once rather than once per field.
func presentError(log *slog.Logger, avail *availability) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gerr := graphql.DefaultErrorPresenter(ctx, err)
		avail.failed(err)
		var appErr *uncite.Error
		switch {
		case errors.As(err, &appErr):
			gerr.Message = appErr.Message
			gerr.Extensions = map[string]any{"code": appCodes[appErr.Code]}
			if gerr.Extensions["code"] == "" {
				gerr.Extensions["code"] = CodeInternal
			}
			return gerr
		case errors.Is(err, context.DeadlineExceeded):
			gerr.Message = "the request ran out of time"
			gerr.Extensions = map[string]any{"code": CodeTimeout}
			return gerr
		case errors.Is(err, context.Canceled):
			gerr.Message = "the request was cancelled"
			gerr.Extensions = map[string]any{"code": CodeTimeout}
			return gerr
		}
		var ge *gqlerror.Error
		if errors.As(err, &ge) && ge.Err == nil {
			// Parse, validation and limit errors are user-facing already.
			switch code, _ := gerr.Extensions["code"].(string); code {
			case "":
				errcode.Set(gerr, CodeBadUserInput)
			case gqlgenComplexityCode:
				errcode.Set(gerr, CodeComplexityLimit)
			}
			return gerr
		}
		log.Error("query failed", "path", gerr.Path.String(), "err", err)
		gerr.Message = "internal error"
		gerr.Extensions = map[string]any{"code": CodeInternal}
		return gerr
	}
}
