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
	columns, err := tx.columnsThere(table, withoutVersion(columns))
	if err != nil || columns == "" {
		return err
	}
	rows, err := tx.query(`SELECT ` + columns + ` FROM ` + table)
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
func withoutVersion(columns string) string {
	if rest, ok := strings.CutSuffix(columns, ", version"); ok {
		return rest + ", 0"
	}
	return columns
}

// columnsThere reads as 0 each of the columns that the table does not have
// yet: the baseline of migration 0002 reads the records with these queries
// before later migrations added their columns (0006's tombstone, 0008's
// tobacco factors, whose 0 is what they hold until set). It is "" for a
// table a later migration makes (0009's attachment reviews).
func (tx *Tx) columnsThere(table, columns string) (string, error) {
	rows, err := tx.query(`SELECT name FROM pragma_table_info(?)`, table)
	if err != nil {
		return "", wrap("read the columns of "+table, err)
	}
	defer rows.Close()
	there := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return "", wrap("read the columns of "+table, err)
		}
		there[name] = true
	}
	if err := rows.Err(); err != nil {
		return "", wrap("read the columns of "+table, err)
	}
	if len(there) == 0 {
		return "", nil // a table a later migration makes: no records yet
	}
	list := strings.Split(columns, ",")
	for i, c := range list {
		name := strings.TrimSpace(c)
		if isColumnName(name) && !there[name] {
			list[i] = " 0"
		}
	}
	return strings.Join(list, ","), nil
}

// isColumnName tells a plain column name from an expression ("0").
func isColumnName(s string) bool {
	if s == "" || s[0] >= '0' && s[0] <= '9' {
		return false
	}
	for _, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
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
