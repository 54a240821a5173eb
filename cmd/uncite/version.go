package main

import (
	"runtime/debug"
	"strings"
)

// version describes the binary from the build information Go embeds: the
// module version (a tag, or a pseudo-version when installed with go
// install), and for a build in a checkout the commit and whether the tree
// had uncommitted changes.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "uncite (no build information)"
	}
	parts := []string{"uncite", info.Main.Version}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = "+modified"
			}
		}
	}
	if rev != "" {
		parts = append(parts, "commit "+rev+modified)
	}
	return strings.Join(append(parts, info.GoVersion), " ")
}
