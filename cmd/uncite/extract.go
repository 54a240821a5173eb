package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/uncite/uncite"
	"github.com/uncite/uncite/loader"
)

// extraction is the JSON Lines record of `uncite extract --json`, the
// format ../tools/score-extraction reads; absent values are null.
type extraction struct {
	File         string           `json:"file"`
	ID           string           `json:"id"`
	Symbol       *string          `json:"symbol"`
	Title        *string          `json:"title"`
	Type         *string          `json:"type"`
	Date         *string          `json:"date"`
	Languages    []string         `json:"languages"`
	Body         *string          `json:"body"`
	Session      *int             `json:"session"`
	SessionStart *string          `json:"sessionStart"`
	SessionEnd   *string          `json:"sessionEnd"`
	AgendaItems  []agendaItemJSON `json:"agendaItems"`
	Author       *string          `json:"author"`
	Mentions     []string         `json:"mentions"`
	Citations    []citationJSON   `json:"citations"`
	Documents    []string         `json:"documents"`
}

type agendaItemJSON struct {
	Number string  `json:"number"`
	Title  *string `json:"title"`
}

type citationJSON struct {
	Symbol    string   `json:"symbol"`
	Body      string   `json:"body"`
	Number    string   `json:"number"`
	Year      *int     `json:"year"`
	Count     int      `json:"count"`
	Contexts  []string `json:"contexts"`
	Verbs     []string `json:"verbs"`
	Operative bool     `json:"operative"`
}

func toExtraction(d *uncite.Document) extraction {
	e := extraction{
		File: d.File, ID: d.ID, Symbol: orNull(d.Symbol), Title: orNull(d.Title), Type: orNull(d.Type),
		Date: orNull(d.Date), Languages: nonNil(d.Languages), Body: orNull(d.Body),
		SessionStart: orNull(d.SessionStart), SessionEnd: orNull(d.SessionEnd), Author: orNull(d.Author),
		AgendaItems: []agendaItemJSON{}, Mentions: []string{}, Citations: []citationJSON{}, Documents: nonNil(d.References),
	}
	if d.Session != 0 {
		e.Session = &d.Session
	}
	for _, a := range d.AgendaItems {
		e.AgendaItems = append(e.AgendaItems, agendaItemJSON{Number: a.Number, Title: orNull(a.Title)})
	}
	for _, m := range d.Mentions {
		e.Mentions = append(e.Mentions, m.State)
	}
	for _, c := range d.Citations {
		cj := citationJSON{Symbol: c.Symbol, Body: c.Body, Number: c.Number, Count: c.Count,
			Contexts: nonNil(c.Contexts), Verbs: nonNil(c.Verbs), Operative: c.Operative}
		if c.Year != 0 {
			cj.Year = &c.Year
		}
		e.Citations = append(e.Citations, cj)
	}
	return e
}

func orNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func extractCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("extract", stderr)
	asJSON := fs.Bool("json", false, "print one JSON object per document (JSON Lines)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("extract needs at least one file or folder")
	}
	files, err := loader.Walk(fs.Args()...)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	failed := 0
	for _, p := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		d, _, ferr := loader.ReadDocument(loader.FileSource(p, loader.DefaultMaxFileSize))
		if ferr != nil {
			fmt.Fprintln(stderr, "failed:", ferr)
			failed++
			continue
		}
		if *asJSON {
			if err := enc.Encode(toExtraction(d)); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(stdout, "%s\tid=%s type=%q date=%s body=%s session=%d author=%s citations=%d mentions=%d\n",
			d.File, d.ID, d.Type, d.Date, d.Body, d.Session, d.Author, len(d.Citations), len(d.Mentions))
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files failed", failed, len(files))
	}
	return nil
}
