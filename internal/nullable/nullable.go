// Package nullable maps the domain's zero values to the null and empty
// values of the output formats (GraphQL, the `extract --json` record),
// where "unknown" is null and a list is never null.
package nullable

// String is nil for the domain's "" (unknown) and a pointer to s otherwise.
func String(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// List is s, or an empty list when s is nil, so that it encodes as [].
func List[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
