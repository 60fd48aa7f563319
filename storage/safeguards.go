package storage

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// SafeguardProblem is a trigger of the workspace that is not as Bollard
// made it: removed, replaced by another of the same name (one that does
// nothing, say), or added by someone else.
type SafeguardProblem struct {
	Name string
	Text string // what is wrong, in a sentence
}

// expectedTriggers are the triggers, by name, and their SQL text, that this
// build's migrations make: read once from a database made from nothing in
// memory, so the migrations stay the one place a trigger is written.
var expectedTriggers = sync.OnceValues(func() (map[string]string, error) {
	db, err := sql.Open("sqlite3", "file:bollard-expected-schema?mode=memory&cache=private")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // one connection: the in-memory database lives in it
	ctx := context.Background()
	if err := migrate(ctx, db, len(migrations), nil); err != nil {
		return nil, err
	}
	return triggersOf(func(q string) (*sql.Rows, error) { return db.QueryContext(ctx, q) })
})

// triggersOf reads every trigger's name and SQL text.
func triggersOf(query func(string) (*sql.Rows, error)) (map[string]string, error) {
	rows, err := query(`SELECT name, COALESCE(sql, '') FROM sqlite_master WHERE type = 'trigger'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	got := map[string]string{}
	for rows.Next() {
		var name, text string
		if err := rows.Scan(&name, &text); err != nil {
			return nil, err
		}
		got[name] = text
	}
	return got, rows.Err()
}

// CheckSafeguards compares every trigger of the workspace with the one
// Bollard's migrations make, by its SQL text and not only its name: a
// trigger replaced by one of the same name that does nothing is found.
func (tx *Tx) CheckSafeguards() ([]SafeguardProblem, error) {
	want, err := expectedTriggers()
	if err != nil {
		return nil, fmt.Errorf("storage: make the expected schema: %w", err)
	}
	got, err := triggersOf(func(q string) (*sql.Rows, error) { return tx.query(q) })
	if err != nil {
		return nil, wrap("read the triggers", err)
	}
	var problems []SafeguardProblem
	for name, text := range want {
		now, ok := got[name]
		switch {
		case !ok:
			problems = append(problems, SafeguardProblem{Name: name, Text: fmt.Sprintf(
				"the safeguard %s was removed from the workspace: what it protects could have been changed or deleted", name)})
		case now != text:
			problems = append(problems, SafeguardProblem{Name: name, Text: fmt.Sprintf(
				"the safeguard %s was replaced by another of the same name that reads %q: what it protects could have been changed or deleted",
				name, oneLineSQL(now))})
		}
	}
	for name, text := range got {
		if _, ok := want[name]; !ok {
			problems = append(problems, SafeguardProblem{Name: name, Text: fmt.Sprintf(
				"the trigger %s was added outside Bollard: it reads %q", name, oneLineSQL(text))})
		}
	}
	sort.Slice(problems, func(i, j int) bool { return problems[i].Name < problems[j].Name })
	return problems, nil
}

// oneLineSQL shortens a statement to one line of reasonable length.
func oneLineSQL(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 160 {
		s = string(r[:160]) + "…"
	}
	return s
}
