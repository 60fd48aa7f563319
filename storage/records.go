package storage

// StoredRecord is one record as the workspace holds it now, written the way
// its audit entries write it, so that the two can be compared.
type StoredRecord struct {
	Type string
	ID   string
	JSON string
}

// EachStoredRecord calls fn for every record of every kind the audit trail
// covers, read with the same queries the trail's entries were read with.
func (tx *Tx) EachStoredRecord(fn func(StoredRecord) error) error {
	tables := []func() error{
		func() error { return eachStored(tx, RecordCase, scanCase, caseColumns, "cases", fn) },
		func() error { return eachStored(tx, RecordSeizure, scanSeizure, seizureColumns, "seizures", fn) },
		func() error { return eachStored(tx, RecordEntity, scanEntity, entityColumns, "entities", fn) },
		func() error { return eachStored(tx, RecordCaseLink, scanLink, linkColumns, "case_links", fn) },
		func() error { return eachStored(tx, RecordRelation, scanRelation, relationColumns, "relations", fn) },
		func() error { return eachStored(tx, RecordEvent, scanEvent, eventColumns, "timeline_events", fn) },
		func() error { return eachStored(tx, RecordTask, scanTask, taskColumns, "tasks", fn) },
		func() error { return eachStored(tx, RecordNote, scanNote, noteColumns, "notes", fn) },
		func() error {
			return eachStored(tx, RecordEvidence, scanEvidence, evidenceColumns, "evidence_items", fn)
		},
		func() error {
			return eachStored(tx, RecordAttachment, scanAttachment, attachmentColumns, "attachments", fn)
		},
		func() error { return eachStored(tx, RecordCustody, scanCustody, custodyColumns, "custody_events", fn) },
	}
	for _, each := range tables {
		if err := each(); err != nil {
			return err
		}
	}
	return nil
}

func eachStored[T interface{ RecordID() string }](tx *Tx, recordType string, scan func(interface{ Scan(...any) error }) (T, error), columns, table string, fn func(StoredRecord) error) error {
	return eachRow(tx, "read "+table, scan, func(v T) error {
		return fn(StoredRecord{Type: recordType, ID: v.RecordID(), JSON: auditJSON(v)})
	}, `SELECT `+columns+` FROM `+table)
}
