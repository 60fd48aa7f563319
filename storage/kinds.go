package storage

import (
	"fmt"

	"bollard/model"
)

// kindSQL is how one kind of record (model.Kinds) is kept in the
// workspace: its table, how a row is read, and how a record is written.
// The audit trail, verification and merging reach every kind through it.
type kindSQL struct {
	table, columns string
	// scan reads a row of columns as the record.
	scan func(row interface{ Scan(...any) error }) (model.Recorded, error)
	// byID reads one record as the app sees it (an exhibit with its files).
	byID func(tx *Tx, id string) (model.Recorded, error)
	// stored reads one record as its audit entries write it: as byID, but
	// an exhibit without its files, which have entries of their own.
	stored func(tx *Tx, id string) (model.Recorded, error)
	// caseOf is the case a record belongs to, for the case's history: ""
	// for the records cases share (entities, the relations between them).
	caseOf func(tx *Tx, r model.Recorded) string
	// insert and update write a record with its audit entry; update is nil
	// for kinds that are never edited.
	insert, update func(tx *Tx, r model.Recorded) error
	// byRef reads the record with that ref (model.Kind.Ref), in that case
	// for the kinds numbered per case; nil for kinds with no ref.
	byRef func(tx *Tx, caseID, ref string) (model.Recorded, error)
}

// kindsSQL holds every kind of model.Kinds, by name. It is filled in init
// because the writes it names are audited through it (auditedRecord reads
// how to read a kind back from here), and Go refuses a variable whose
// initial value refers back to itself.
var kindsSQL map[string]kindSQL

func init() {
	kindsSQL = map[string]kindSQL{
		model.RecordCase: sqlOf("cases", caseColumns, scanCase, (*Tx).CaseByID, caseOfCase,
			func(tx *Tx, c *model.Case) error {
				if c.Ref == "" {
					return fmt.Errorf("a new case is numbered with its officer's prefix: insert it with InsertCase")
				}
				return tx.InsertCase(c, "")
			}, (*Tx).UpdateCase).
			refsAs(func(tx *Tx, _, ref string) (model.Recorded, error) { c, err := tx.CaseByRef(ref); return &c, err }),
		model.RecordEntity: sqlOf("entities", entityColumns, scanEntity, (*Tx).EntityByID, nil,
			(*Tx).InsertEntity, (*Tx).UpdateEntity),
		model.RecordCaseLink: sqlOf("case_links", linkColumns, scanLink, (*Tx).CaseLinkByID, caseOfLink,
			(*Tx).InsertCaseLink, (*Tx).UpdateCaseLink),
		model.RecordRelation: sqlOf("relations", relationColumns, scanRelation, (*Tx).RelationByID, nil,
			(*Tx).InsertRelation, (*Tx).UpdateRelation),
		model.RecordSeizure: sqlOf("seizures", seizureColumns, scanSeizure, (*Tx).SeizureByID, caseOfSeizure,
			(*Tx).InsertSeizure, (*Tx).UpdateSeizure).
			refsAs(func(tx *Tx, caseID, ref string) (model.Recorded, error) {
				s, err := tx.SeizureByRef(caseID, ref)
				return &s, err
			}),
		model.RecordEvent: sqlOf("timeline_events", eventColumns, scanEvent, (*Tx).TimelineEventByID, caseOfEvent,
			(*Tx).InsertTimelineEvent, (*Tx).UpdateTimelineEvent),
		model.RecordTask: sqlOf("tasks", taskColumns, scanTask, (*Tx).TaskByID, caseOfTask,
			(*Tx).InsertTask, (*Tx).UpdateTask),
		model.RecordNote: sqlOf("notes", noteColumns, scanNote, (*Tx).NoteByID, caseOfNote,
			(*Tx).InsertNote, (*Tx).UpdateNote),
		model.RecordEvidence: sqlOf("evidence_items", evidenceColumns, scanEvidence, (*Tx).EvidenceByID, caseOfEvidence,
			(*Tx).InsertEvidence, (*Tx).UpdateEvidence).storedAs(readAs((*Tx).evidenceOnly)).
			refsAs(func(tx *Tx, _, ref string) (model.Recorded, error) { e, err := tx.EvidenceByRef(ref); return &e, err }),
		model.RecordAttachment: sqlOf("attachments", attachmentColumns, scanAttachment, (*Tx).AttachmentByID,
			caseOfAttachment, (*Tx).InsertAttachment, nil),
		model.RecordCustody: sqlOf("custody_events", custodyColumns, scanCustody, (*Tx).CustodyEventByID,
			caseOfCustody, (*Tx).InsertCustodyEvent, nil),
		model.RecordAttachmentReview: sqlOf("attachment_reviews", reviewColumns, scanReview, (*Tx).AttachmentReviewByID,
			caseOfReview, (*Tx).InsertAttachmentReview, (*Tx).UpdateAttachmentReview),
	}
}

// sqlOf makes a kind's entry from its typed functions. A nil caseOf is
// for the kinds cases share; a nil update for those never edited.
func sqlOf[T any, P interface {
	*T
	model.Recorded
}](table, columns string, scan func(interface{ Scan(...any) error }) (T, error), byID func(*Tx, string) (T, error),
	caseOf func(*Tx, T) string, insert, update func(*Tx, P) error) kindSQL {
	k := kindSQL{table: table, columns: columns,
		scan: func(row interface{ Scan(...any) error }) (model.Recorded, error) {
			v, err := scan(row)
			return P(&v), err
		},
		byID:   readAs[T, P](byID),
		stored: readAs[T, P](byID),
		caseOf: func(*Tx, model.Recorded) string { return "" },
		insert: func(tx *Tx, r model.Recorded) error { return insert(tx, r.(P)) },
	}
	if caseOf != nil {
		k.caseOf = func(tx *Tx, r model.Recorded) string { return caseOf(tx, *r.(P)) }
	}
	if update != nil {
		k.update = func(tx *Tx, r model.Recorded) error { return update(tx, r.(P)) }
	}
	return k
}

// readAs makes a typed reader of one record read it as a model.Recorded.
func readAs[T any, P interface {
	*T
	model.Recorded
}](read func(*Tx, string) (T, error)) func(*Tx, string) (model.Recorded, error) {
	return func(tx *Tx, id string) (model.Recorded, error) {
		v, err := read(tx, id)
		return P(&v), err
	}
}

// storedAs is the entry with its audit entries' reading of a record, for a
// kind that byID reads with more than its entries hold.
func (k kindSQL) storedAs(read func(*Tx, string) (model.Recorded, error)) kindSQL {
	k.stored = read
	return k
}

// refsAs is the entry with its reading of a record by its ref. Exhibit
// refs hold their case's ref, so they are unique in the workspace, as case
// refs are; seizure refs are unique in their case.
func (k kindSQL) refsAs(read func(tx *Tx, caseID, ref string) (model.Recorded, error)) kindSQL {
	k.byRef = read
	return k
}

// sqlFor returns how a kind of record is kept.
func sqlFor(kind string) (kindSQL, error) {
	k, ok := kindsSQL[kind]
	if !ok {
		return kindSQL{}, fmt.Errorf("storage: no record kind %q", kind)
	}
	return k, nil
}

// RecordByID reads the record of that kind with that ID (model.ErrNotFound
// when there is none). An exhibit is read with its files.
func (tx *Tx) RecordByID(kind, id string) (model.Recorded, error) {
	k, err := sqlFor(kind)
	if err != nil {
		return nil, err
	}
	return k.byID(tx, id)
}

// RecordByRef reads the record of that kind with that ref, in that case for
// the kinds numbered per case (model.ErrNotFound when there is none).
func (tx *Tx) RecordByRef(kind, caseID, ref string) (model.Recorded, error) {
	k, err := sqlFor(kind)
	if err != nil {
		return nil, err
	}
	if k.byRef == nil {
		return nil, fmt.Errorf("storage: a %s has no ref", kind)
	}
	return k.byRef(tx, caseID, ref)
}

// CaseOf is the case a record belongs to, as its audit entries say: a
// case's own ID, the case of the exhibit a custody event or file is of; ""
// for the entities and relations cases share.
func (tx *Tx) CaseOf(r model.Recorded) string {
	k, err := sqlFor(r.RecordKind())
	if err != nil {
		return ""
	}
	return k.caseOf(tx, r)
}

// InsertRecord stores a new record of its kind, with its audit entry.
func (tx *Tx) InsertRecord(r model.Recorded) error {
	k, err := sqlFor(model.KindOf(r).Name)
	if err != nil {
		return err
	}
	return k.insert(tx, r)
}

// UpdateRecord saves an edited record of its kind, with its audit entry.
// Kinds that are never edited are refused.
func (tx *Tx) UpdateRecord(r model.Recorded) error {
	kind := model.KindOf(r).Name
	k, err := sqlFor(kind)
	if err != nil {
		return err
	}
	if k.update == nil {
		return fmt.Errorf("storage: a %s is never edited", kind)
	}
	return k.update(tx, r)
}

// auditedRecord makes one change to a record of one of model.Kinds and
// writes its audit entry (see audited), reading the record back and
// placing it in its case as its kind's entry says.
func (tx *Tx) auditedRecord(kind, action, id string, change func() error) error {
	k, err := sqlFor(kind)
	if err != nil {
		return err
	}
	read := func(id string) (model.Recorded, error) { return k.stored(tx, id) }
	caseOf := func(r model.Recorded) string { return k.caseOf(tx, r) }
	return audited(tx, kind, action, id, read, caseOf, change)
}
