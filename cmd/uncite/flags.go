package main

import (
	"flag"
	"io"
	"os"
	"strings"
)

// listFlag collects a repeatable flag; commas also separate values.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*l = append(*l, s)
		}
	}
	return nil
}

// secretVar binds a flag whose value must never be printed: its default
// comes from the environment variable env, and -h shows neither.
func secretVar(fs *flag.FlagSet, p *string, name, env, usage string) {
	*p = os.Getenv(env)
	fs.Var(secret{p}, name, usage+" (env "+env+"; never printed)")
}

// secret is a string flag whose String is always empty, which is what the
// flag package prints as the default.
type secret struct{ p *string }

func (s secret) String() string { return "" }
func (s secret) Set(v string) error {
	*s.p = v
	return nil
}

func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("uncite "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parse maps flag errors, which the flag package has already printed, to
// errUsage; -h comes back as flag.ErrHelp, a successful exit.
func parse(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	if err != nil && err != flag.ErrHelp {
		return errUsage
	}
	return err
}
