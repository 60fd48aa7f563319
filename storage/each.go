package storage

import (
	"bollard/model"
)

// The Each functions hand every record of a kind to fn, one at a time, so
// that a caller going through a whole workspace (the search index at start)
// holds one record in memory, not a million.

// EachCase calls fn for every case, archived ones included.
func (tx *Tx) EachCase(fn func(model.Case) error) error {
	return eachRow(tx, "read cases", scanCase, fn, `SELECT `+caseColumns+` FROM cases`)
}

// EachSeizure calls fn for every seizure.
func (tx *Tx) EachSeizure(fn func(model.Seizure) error) error {
	return eachRow(tx, "read seizures", scanSeizure, fn, `SELECT `+seizureColumns+` FROM seizures`)
}

// EachEntity calls fn for every entity, without its history (times and
// authors are left empty): the search index needs only what names an
// entity, and reading a million records' times costs more than the rest.
func (tx *Tx) EachEntity(fn func(model.Entity) error) error {
	return eachRow(tx, "read entities", scanEntityWithoutHistory, fn, `SELECT id, `+entityOwnColumns+`, version FROM entities`)
}

func scanEntityWithoutHistory(row interface{ Scan(...any) error }) (model.Entity, error) {
	var e model.Entity
	dest := entityDest(&e)[len(recordDest(&e.Record)):] // the entity's own columns
	err := row.Scan(append([]any{&e.ID}, dest...)...)
	return e, err
}

// EachTask calls fn for every task not removed.
func (tx *Tx) EachTask(fn func(model.Task) error) error {
	return eachRow(tx, "read tasks", scanTask, fn, `SELECT `+taskColumns+` FROM tasks WHERE removed = 0`)
}

// EachNote calls fn for every note not removed.
func (tx *Tx) EachNote(fn func(model.Note) error) error {
	return eachRow(tx, "read notes", scanNote, fn, `SELECT `+noteColumns+` FROM notes WHERE removed = 0`)
}

// eachRow runs a query and hands each scanned row to fn, stopping at the
// first error.
func eachRow[T any](tx *Tx, what string, scan func(interface{ Scan(...any) error }) (T, error), fn func(T) error, q string, args ...any) error {
	rows, err := tx.query(q, args...)
	if err != nil {
		return wrap(what, err)
	}
	defer rows.Close()
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return wrap(what, err)
		}
		if err := fn(v); err != nil {
			return err
		}
	}
	return wrap(what, rows.Err())
}
