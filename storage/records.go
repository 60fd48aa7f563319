package storage

import (
	"database/sql"
	"fmt"
	"strings"

	"bollard/model"
)

// StoredRecord is one record as the workspace holds it now, written the way
// its audit entries write it, so that the two can be compared.
type StoredRecord struct {
	Type string
	ID   string
	JSON string
	// Unreadable is why the record could not be read as its kind, when a
	// value in it is not one Bollard writes (changed outside Bollard).
	Unreadable error
}

// EachStoredRecord calls fn for every record of every kind the audit trail
// covers, kind by kind in model.Kinds' order, read with the same queries
// the trail's entries were read with.
func (tx *Tx) EachStoredRecord(fn func(StoredRecord) error) error {
	for _, kind := range model.Kinds {
		k, err := sqlFor(kind.Name)
		if err != nil {
			return err
		}
		if err := eachStored(tx, kind.Name, k.scan, k.columns, k.table, fn); err != nil {
			return err
		}
	}
	return nil
}

// eachStored reads one table. A row that does not scan as its kind is
// handed on with Unreadable set and its ID read plainly, so that one bad
// value is reported against its record instead of stopping the reading.
func eachStored[T interface{ RecordID() string }](tx *Tx, recordType string, scan func(interface{ Scan(...any) error }) (T, error), columns, table string, fn func(StoredRecord) error) error {
	rows, err := tx.query(`SELECT ` + withoutVersion(columns, tx.hasColumn(table, "removed")) + ` FROM ` + table)
	if err != nil {
		return wrap("read "+table, err)
	}
	defer rows.Close()
	for rows.Next() {
		r := StoredRecord{Type: recordType}
		if v, err := scan(rows); err == nil {
			r.ID, r.JSON = v.RecordID(), auditJSON(v)
		} else {
			r.ID, r.Unreadable = firstColumn(rows), err
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return wrap("read "+table, rows.Err())
}

// withoutVersion reads a record's version as 0: the version is local
// bookkeeping, not part of what the audit trail records, and the baseline
// of migration 0002 reads the records with these queries before 0005 gave
// them a version column.
//
// The tombstone (removed) came with 0006, later than that baseline too: it
// is read as 0 where the table has no such column yet.
func withoutVersion(columns string, removed bool) string {
	if rest, ok := strings.CutSuffix(columns, ", removed, version"); ok && !removed {
		return rest + ", 0, 0"
	}
	if rest, ok := strings.CutSuffix(columns, ", version"); ok {
		return rest + ", 0"
	}
	return columns
}

// firstColumn reads the current row's first column as text: every record
// table's is its ID.
func firstColumn(rows *sql.Rows) string {
	cols, err := rows.Columns()
	if err != nil {
		return "?"
	}
	values := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range values {
		ptrs[i] = &values[i]
	}
	if rows.Scan(ptrs...) != nil {
		return "?"
	}
	if b, ok := values[0].([]byte); ok {
		return string(b)
	}
	return fmt.Sprint(values[0])
}

// hasColumn reports whether the table has the column.
func (tx *Tx) hasColumn(table, column string) bool {
	var n int
	err := tx.queryRow(`SELECT COUNT(*) FROM pragma_table_info(?) WHERE name = ?`, table, column).Scan(&n)
	return err == nil && n > 0
}
