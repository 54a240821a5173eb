package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/uncite/uncite/extract"
	"github.com/uncite/uncite/internal/neo4jtest"
	"github.com/uncite/uncite/neo4jstore"
)

const seed = "../../sample/docs/000_1a7a508cbf762381.txt"

func TestExtractSeedJSON(t *testing.T) {
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"extract", "--json", seed}, &out, &errOut); err != nil {
		t.Fatalf("%v: %s", err, errOut.String())
	}
	var got extract.Record
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out.String())
	}
	check := func(field string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %v, want %v", field, got, want)
		}
	}
	deref := func(s *string) any {
		if s == nil {
			return nil
		}
		return *s
	}
	check("file", got.File, "000_1a7a508cbf762381.txt")
	check("id", got.ID, "000_1a7a508cbf762381")
	check("symbol", deref(got.Symbol), nil)
	check("languages", got.Languages, []string{"fr", "en"})
	check("body", deref(got.Body), "HRC")
	check("session", got.Session != nil && *got.Session == 43, true)
	check("sessionStart", deref(got.SessionStart), "2020-02-24")
	check("sessionEnd", deref(got.SessionEnd), "2020-03-20")
	check("agenda items", len(got.AgendaItems), 1)
	if len(got.AgendaItems) == 1 {
		check("agenda item number", got.AgendaItems[0].Number, "4")
		check("agenda item title", deref(got.AgendaItems[0].Title), "Situations relatives aux droits de l'homme qui requièrent l'attention du Conseil")
	}
	check("type", deref(got.Type), "note verbale")
	check("date", deref(got.Date), "2020-08-24")
	check("author", deref(got.Author), "AZE")
	check("mentions", got.Mentions, []string{"ARM", "AZE"})
	var symbols []string
	for _, c := range got.Citations {
		symbols = append(symbols, c.Symbol)
		check(c.Symbol+" count", c.Count, 1)
		check(c.Symbol+" body", c.Body, "SC")
		check(c.Symbol+" year", c.Year != nil && *c.Year == 1993, true)
		if len(c.Contexts) != 1 || !strings.Contains(c.Contexts[0], "In 1993, the United Nations Security Council adopted resolutions 822 (1993), 853 (1993), 874 (1993) and 884 (1993)") {
			t.Errorf("%s contexts = %q, want the one sentence it stands in", c.Symbol, c.Contexts)
		}
	}
	check("citations", symbols, []string{"S/RES/822 (1993)", "S/RES/853 (1993)", "S/RES/874 (1993)", "S/RES/884 (1993)"})
}

func TestExtractReportsBadFiles(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"extract", "--json", seed, dir}, &out, &errOut)
	if err == nil || !strings.Contains(errOut.String(), "empty.txt: empty file") {
		t.Errorf("err %v, stderr %q: want a failure naming empty.txt", err, errOut.String())
	}
	if strings.Count(out.String(), "\n") != 1 {
		t.Errorf("the good file should still be printed: %q", out.String())
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"frobnicate"}, {"serve", "--nope"}} {
		if err := run(context.Background(), args, &bytes.Buffer{}, &bytes.Buffer{}); err != errUsage {
			t.Errorf("%v: err = %v, want usage error", args, err)
		}
	}
	t.Setenv("NEO4J_URI", "")
	err := run(context.Background(), []string{"load", seed}, &bytes.Buffer{}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "NEO4J_URI") {
		t.Errorf("load without Neo4j: %v", err)
	}
}

// TestLoadIntoNeo4j needs the server that scripts/test.sh starts; without
// one it fails in CI (UNCITE_REQUIRE_NEO4J=1) and is skipped elsewhere.
func TestLoadIntoNeo4j(t *testing.T) {
	uri := neo4jtest.URI()
	t.Setenv("NEO4J_URI", uri)
	ctx := context.Background()
	store := emptyNeo4j(t, uri)

	dir := t.TempDir()
	b, _ := os.ReadFile(seed)
	os.WriteFile(filepath.Join(dir, filepath.Base(seed)), b, 0o644)
	os.WriteFile(filepath.Join(dir, "binary.txt"), []byte{0, 1, 2, 3, 0xff}, 0o644)
	var out, errOut bytes.Buffer
	err := run(ctx, []string{"load", dir}, &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "1 of 2 files failed") || !strings.Contains(errOut.String(), "binary.txt: binary file") {
		t.Errorf("load: err %v, stderr %q; want a failure naming binary.txt", err, errOut.String())
	}
	r, err := store.Resolution(ctx, "S/RES/822 (1993)")
	if err != nil || r.CitationCount != 1 {
		t.Errorf("the good file was not loaded: %+v, %v", r, err)
	}
	if _, err := store.Document(ctx, "000_1a7a508cbf762381"); err != nil {
		t.Errorf("seed document: %v", err)
	}
	if !strings.HasPrefix(out.String(), "2 files, 1 documents written, 0 unchanged, 1 failed") {
		t.Errorf("first load reports %q", out.String())
	}
	// A reload says that nothing changed.
	out.Reset()
	run(ctx, []string{"load", dir}, &out, &errOut)
	if !strings.HasPrefix(out.String(), "2 files, 0 documents written, 1 unchanged, 1 failed") {
		t.Errorf("reload reports %q", out.String())
	}
}

// Secrets given by the environment are never shown as a flag's default.
func TestHelpHidesSecrets(t *testing.T) {
	t.Setenv("NEO4J_PASSWORD", "pw-do-not-print")
	t.Setenv("UNCITE_WRITE_TOKEN", "token-do-not-print")
	for _, cmd := range []string{"serve", "load", "export"} {
		var out, errOut bytes.Buffer
		run(context.Background(), []string{cmd, "-h"}, &out, &errOut)
		help := out.String() + errOut.String()
		if !strings.Contains(help, "-neo4j-password") || strings.Contains(help, "do-not-print") {
			t.Errorf("uncite %s -h shows a secret, or no password flag:\n%s", cmd, help)
		}
	}
}

func TestVersion(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), []string{"version"}, &out, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	// Test binaries carry the module's build information too.
	if !strings.HasPrefix(out.String(), "uncite ") || !strings.Contains(out.String(), "go1.") {
		t.Errorf("version: %q", out.String())
	}
}

// TestLoadBulkCSV writes the import files of the sample corpus without any
// Neo4j, and prints the import command naming them.
func TestLoadBulkCSV(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	dir := filepath.Join(t.TempDir(), "csv")
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"load", "--bulk-csv", dir, "../../sample/docs"}, &out, &errOut); err != nil {
		t.Fatalf("%v\n%s", err, errOut.String())
	}
	for _, want := range []string{"neo4j-admin database import full neo4j", "--nodes=" + filepath.Join(dir, "documents.csv"),
		"--relationships=" + filepath.Join(dir, "cites.csv")} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	f, err := os.Open(filepath.Join(dir, "documents.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// A header and a row per document of the sample.
	files, _ := filepath.Glob("../../sample/docs/*.*")
	if len(rows) != len(files)+1 || rows[0][0] != ":ID" {
		t.Errorf("documents.csv has %d rows, want a header and %d documents", len(rows), len(files))
	}
}

// emptyNeo4j opens the test Neo4j at uri, cleared, closed when t ends.
func emptyNeo4j(t *testing.T, uri string) *neo4jstore.Store {
	t.Helper()
	ctx := context.Background()
	store, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: uri})
	if err != nil {
		neo4jtest.Unavailable(t, err)
	}
	t.Cleanup(func() { store.Close(ctx) })
	if err := store.Reset(ctx); err != nil {
		t.Fatal(err)
	}
	return store
}
