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
// covers, read with the same queries the trail's entries were read with.
func (tx *Tx) EachStoredRecord(fn func(StoredRecord) error) error {
	tables := []func() error{
		func() error { return eachStored(tx, model.RecordCase, scanCase, caseColumns, "cases", fn) },
		func() error { return eachStored(tx, model.RecordSeizure, scanSeizure, seizureColumns, "seizures", fn) },
		func() error { return eachStored(tx, model.RecordEntity, scanEntity, entityColumns, "entities", fn) },
		func() error { return eachStored(tx, model.RecordCaseLink, scanLink, linkColumns, "case_links", fn) },
		func() error {
			return eachStored(tx, model.RecordRelation, scanRelation, relationColumns, "relations", fn)
		},
		func() error { return eachStored(tx, model.RecordEvent, scanEvent, eventColumns, "timeline_events", fn) },
		func() error { return eachStored(tx, model.RecordTask, scanTask, taskColumns, "tasks", fn) },
		func() error { return eachStored(tx, model.RecordNote, scanNote, noteColumns, "notes", fn) },
		func() error {
			return eachStored(tx, model.RecordEvidence, scanEvidence, evidenceColumns, "evidence_items", fn)
		},
		func() error {
			return eachStored(tx, model.RecordAttachment, scanAttachment, attachmentColumns, "attachments", fn)
		},
		func() error {
			return eachStored(tx, model.RecordCustody, scanCustody, custodyColumns, "custody_events", fn)
		},
	}
	for _, each := range tables {
		if err := each(); err != nil {
			return err
		}
	}
	return nil
}

// eachStored reads one table. A row that does not scan as its kind is
// handed on with Unreadable set and its ID read plainly, so that one bad
// value is reported against its record instead of stopping the reading.
func eachStored[T interface{ RecordID() string }](tx *Tx, recordType string, scan func(interface{ Scan(...any) error }) (T, error), columns, table string, fn func(StoredRecord) error) error {
	rows, err := tx.query(`SELECT ` + withoutVersion(columns) + ` FROM ` + table)
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
