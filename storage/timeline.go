package storage

import (
	"bollard/model"
)

const eventColumns = recordColumns + `, case_id, at, title, place, description, version`

func scanEvent(row interface{ Scan(...any) error }) (model.TimelineEvent, error) {
	var e model.TimelineEvent
	err := row.Scan(append(recordDest(&e.Record), &e.CaseID, timeCol{&e.At}, &e.Title, &e.Place, &e.Description, &e.Version)...)
	return e, err
}

// InsertTimelineEvent stores a new event in a case's timeline.
func (tx *Tx) InsertTimelineEvent(e *model.TimelineEvent) error {
	return tx.auditedRecord(model.RecordEvent, model.AuditCreate, e.ID, func() error {
		e.Version = 1
		args := append(recordArgs(&e.Record), e.CaseID, dbTime(e.At), e.Title, e.Place, e.Description, e.Version)
		_, err := tx.exec(`INSERT INTO timeline_events (`+eventColumns+`) VALUES (`+placeholders(len(args))+`)`, args...)
		return wrap("insert timeline event", err)
	})
}

// UpdateTimelineEvent saves an edited event.
func (tx *Tx) UpdateTimelineEvent(e *model.TimelineEvent) error {
	return tx.auditedRecord(model.RecordEvent, model.AuditUpdate, e.ID, func() error {
		return tx.updateVersioned("timeline event "+e.Title, "timeline_events", &e.Record, `updated_at = ?, updated_by_name = ?, updated_by_agency = ?,
			at = ?, title = ?, place = ?, description = ?`,
			dbTime(e.UpdatedAt), e.UpdatedBy.Name, e.UpdatedBy.Agency, dbTime(e.At), e.Title, e.Place, e.Description)
	})
}

// TimelineEvents lists a case's events in the order they happened.
func (tx *Tx) TimelineEvents(caseID string) ([]model.TimelineEvent, error) {
	return queryAll(tx, "list timeline", scanEvent,
		`SELECT `+eventColumns+` FROM timeline_events WHERE case_id = ? ORDER BY at, created_at`, caseID)
}

const noteColumns = recordColumns + `, case_id, body, removed, version`

func scanNote(row interface{ Scan(...any) error }) (model.Note, error) {
	var n model.Note
	err := row.Scan(append(recordDest(&n.Record), &n.CaseID, &n.Body, &n.Removed, &n.Version)...)
	return n, err
}

// InsertNote adds a note to a case. Its words are never changed
// afterwards (a trigger refuses it); it can only be removed.
func (tx *Tx) InsertNote(n *model.Note) error {
	return tx.auditedRecord(model.RecordNote, model.AuditCreate, n.ID, func() error {
		n.Version = 1
		args := append(recordArgs(&n.Record), n.CaseID, n.Body, n.Removed, n.Version)
		_, err := tx.exec(`INSERT INTO notes (`+noteColumns+`) VALUES (`+placeholders(len(args))+`)`, args...)
		return wrap("insert note", err)
	})
}

// UpdateNote saves a note removed or put back: all that can change in it.
func (tx *Tx) UpdateNote(n *model.Note) error {
	return tx.auditedRecord(model.RecordNote, model.AuditUpdate, n.ID, func() error {
		return tx.updateVersioned("note", "notes", &n.Record, `updated_at = ?, updated_by_name = ?, updated_by_agency = ?,
			removed = ?`, dbTime(n.UpdatedAt), n.UpdatedBy.Name, n.UpdatedBy.Agency, n.Removed)
	})
}

// Notes lists a case's notes, oldest first; removed ones only when which
// says so.
func (tx *Tx) Notes(caseID string, which Which) ([]model.Note, error) {
	return queryAll(tx, "list notes", scanNote,
		`SELECT `+noteColumns+` FROM notes WHERE case_id = ? AND `+which.of("")+` ORDER BY created_at`, caseID)
}

// TimelineEventByID returns the event with that ID.
func (tx *Tx) TimelineEventByID(id string) (model.TimelineEvent, error) {
	e, err := scanEvent(tx.queryRow(`SELECT `+eventColumns+` FROM timeline_events WHERE id = ?`, id))
	return e, wrap("timeline event "+id, err)
}

// NoteByID returns the note with that ID.
func (tx *Tx) NoteByID(id string) (model.Note, error) {
	n, err := scanNote(tx.queryRow(`SELECT `+noteColumns+` FROM notes WHERE id = ?`, id))
	return n, wrap("note "+id, err)
}
