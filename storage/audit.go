package storage

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"bollard/model"
)

// How an audit entry is stored.
const (
	auditOwnColumns      = `at, by_name, by_agency, workspace_id, record_type, record_id, case_id, action, before, after, prev_hash, hash`
	auditReceivedColumns = `, received_name, received_agency, received_package, received_key`
	auditColumns         = `seq, ` + auditOwnColumns + auditReceivedColumns
)

type auditAuthor struct {
	by        model.Author
	workspace string
	at        time.Time
	received  model.Provenance
}

type auditHead struct {
	seq  int64
	hash string
}

// SetAuthor names who makes this transaction's changes, in which
// workspace, and when, for the audit trail. The app sets it on every write;
// without it, entries are written with no author at the current time.
func (tx *Tx) SetAuthor(by model.Author, workspace string, at time.Time) {
	tx.author = auditAuthor{by: by, workspace: workspace, at: at, received: tx.author.received}
}

// SetReceived says that this transaction's changes were received from a
// partner (an import of their package): every audit entry it writes from
// now on carries p and is credited to p.Officer, never to the officer who
// imported it. The zero Provenance makes the changes the author's own again.
func (tx *Tx) SetReceived(p model.Provenance) {
	tx.author.received = p
}

// audited makes one change to one record and writes its audit entry: the
// record is read back before and after the change, so the entry holds the
// record exactly as stored, which is what verification compares it with.
// A creation has no before, a removal no after.
func audited[T any](tx *Tx, recordType, action, id string, read func(string) (T, error), caseOf func(T) string, change func() error) error {
	var before, after string
	var caseID string
	if action != model.AuditCreate {
		old, err := read(id)
		if err != nil {
			return err
		}
		before, caseID = auditJSON(old), caseOf(old)
	}
	if err := change(); err != nil {
		return err
	}
	if recordType == model.RecordCase {
		tx.caseWrites++
	}
	if action != model.AuditRemove {
		now, err := read(id)
		if err != nil {
			return err
		}
		// The record as stored holds clean text, whichever door it came in
		// by; otherwise the change is undone with the transaction.
		if err := model.CheckRecordText(now); err != nil {
			return fmt.Errorf("%s %s: %w", recordType, id, err)
		}
		after, caseID = auditJSON(now), caseOf(now)
	}
	return tx.appendAudit(recordType, id, caseID, action, before, after)
}

// auditJSON is how a record is written into the trail.
func auditJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // model records are plain data
	}
	return string(b)
}

// appendAudit adds one entry to the end of the chain.
func (tx *Tx) appendAudit(recordType, id, caseID, action, before, after string) error {
	if tx.head == nil {
		// Only the head's number and hash: an older workspace's migrations
		// write entries before the trail has every column (0007).
		tx.head = &auditHead{}
		err := tx.queryRow(`SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`).Scan(&tx.head.seq, &tx.head.hash)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			tx.head = nil
			return wrap("read the audit trail's head", err)
		}
	}
	at := tx.author.at
	if at.IsZero() {
		at = time.Now()
	}
	by := tx.author.by
	if !tx.author.received.IsZero() {
		by = tx.author.received.Officer
	}
	e := model.AuditEntry{Seq: tx.head.seq + 1, At: at.UTC().Truncate(time.Microsecond), By: by,
		Workspace: tx.author.workspace, RecordType: recordType, RecordID: id, CaseID: caseID, Action: action,
		Before: before, After: after, PrevHash: tx.head.hash, Received: tx.author.received}
	e.Hash = e.ComputeHash()
	columns, values := auditOwnColumns, []any{dbTime(e.At), e.By.Name, e.By.Agency, e.Workspace, e.RecordType, e.RecordID,
		e.CaseID, e.Action, e.Before, e.After, e.PrevHash, e.Hash}
	if p := e.Received; !p.IsZero() {
		// Only a received change names the columns of 0007, so that the
		// migrations before it (which start the trail of an older
		// workspace) write entries as they always have.
		columns += auditReceivedColumns
		values = append(values, p.Officer.Name, p.Officer.Agency, p.Package, p.Key)
	}
	_, err := tx.exec(`INSERT INTO audit_log (seq, `+columns+`) VALUES (?, `+placeholders(len(values))+`)`,
		append([]any{e.Seq}, values...)...)
	if err != nil {
		return wrap("write the audit trail", err)
	}
	tx.head.seq, tx.head.hash = e.Seq, e.Hash
	return nil
}

// AuditHead returns the audit trail's last entry: the zero entry when the
// trail is empty.
func (tx *Tx) AuditHead() (model.AuditEntry, error) {
	e, err := scanAudit(tx.queryRow(`SELECT ` + auditColumns + ` FROM audit_log ORDER BY seq DESC LIMIT 1`))
	if errors.Is(err, sql.ErrNoRows) {
		return model.AuditEntry{}, nil
	}
	return e, wrap("read the audit trail's head", err)
}

// AuditEntry returns the entry with that number.
func (tx *Tx) AuditEntry(seq int64) (model.AuditEntry, error) {
	e, err := scanAudit(tx.queryRow(`SELECT `+auditColumns+` FROM audit_log WHERE seq = ?`, seq))
	return e, wrap(fmt.Sprintf("audit entry %d", seq), err)
}

// UnreadableEntry is an audit entry with a value Bollard never writes (a
// time that does not parse): it was changed outside Bollard. Entry holds
// everything else it says, so that verify can name it and walk on.
type UnreadableEntry struct {
	Entry model.AuditEntry
	Err   error
}

func (u *UnreadableEntry) Error() string {
	return fmt.Sprintf("audit entry %d holds a value Bollard never writes (%v)", u.Entry.Seq, u.Err)
}

func (u *UnreadableEntry) Unwrap() error { return u.Err }

// scanAudit reads one entry. Its time is read as text first, so that a time
// that does not parse still leaves the rest of the entry read, returned
// with an *UnreadableEntry.
func scanAudit(row interface{ Scan(...any) error }) (model.AuditEntry, error) {
	var e model.AuditEntry
	var at any
	p := &e.Received
	err := row.Scan(&e.Seq, &at, &e.By.Name, &e.By.Agency, &e.Workspace, &e.RecordType, &e.RecordID,
		&e.CaseID, &e.Action, &e.Before, &e.After, &e.PrevHash, &e.Hash,
		&p.Officer.Name, &p.Officer.Agency, &p.Package, &p.Key)
	if err != nil {
		return e, err
	}
	if err := (timeCol{&e.At}).Scan(at); err != nil {
		return e, &UnreadableEntry{Entry: e, Err: err}
	}
	return e, nil
}

// EachAuditEntry calls fn with every entry of the trail, oldest first,
// without holding them all in memory.
func (tx *Tx) EachAuditEntry(fn func(model.AuditEntry) error) error {
	return eachRow(tx, "read the audit trail", scanAudit, fn, `SELECT `+auditColumns+` FROM audit_log ORDER BY seq`)
}

// EachAuditEntryAsStored is EachAuditEntry for verify: an entry with a value
// Bollard never writes is handed on with an *UnreadableEntry instead of
// stopping the walk, so that it is reported with everything else found.
func (tx *Tx) EachAuditEntryAsStored(fn func(model.AuditEntry, error) error) error {
	rows, err := tx.query(`SELECT ` + auditColumns + ` FROM audit_log ORDER BY seq`)
	if err != nil {
		return wrap("read the audit trail", err)
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanAudit(rows)
		var bad *UnreadableEntry
		if err != nil && !errors.As(err, &bad) {
			return wrap("read the audit trail", err)
		}
		if err := fn(e, err); err != nil {
			return err
		}
	}
	return wrap("read the audit trail", rows.Err())
}

// AuditLength is the number of the trail's last entry, 0 when it is empty,
// read without reading the entry itself.
func (tx *Tx) AuditLength() (int64, error) {
	var n int64
	err := tx.queryRow(`SELECT COALESCE(MAX(seq), 0) FROM audit_log`).Scan(&n)
	return n, wrap("read the audit trail's length", err)
}

// CaseAudit returns a case's audit entries, newest first: the changes to
// the case and everything in it, and to the entities linked to it and the
// relations between them, which are shared with other cases.
func (tx *Tx) CaseAudit(caseID string) ([]model.AuditEntry, error) {
	return queryAll(tx, "read the case's history", scanAudit, `SELECT `+auditColumns+` FROM audit_log
		WHERE case_id = ?
		   OR (record_type = 'entity' AND record_id IN (SELECT entity_id FROM case_links WHERE case_id = ?))
		   OR (record_type = 'relation' AND record_id IN (
		       SELECT r.id FROM relations r JOIN case_links l ON l.entity_id IN (r.from_id, r.to_id) WHERE l.case_id = ?))
		ORDER BY seq DESC`, caseID, caseID, caseID)
}

// AuditEntries returns the whole trail, newest first.
func (tx *Tx) AuditEntries() ([]model.AuditEntry, error) {
	return queryAll(tx, "read the audit trail", scanAudit, `SELECT `+auditColumns+` FROM audit_log ORDER BY seq DESC`)
}

// LatestAudit calls fn with the last entry written about each record: what
// the record should look like now.
func (tx *Tx) LatestAudit(fn func(model.AuditEntry) error) error {
	return eachRow(tx, "read the audit trail", scanAudit, fn, `SELECT `+auditColumns+` FROM audit_log
		WHERE seq IN (SELECT MAX(seq) FROM audit_log GROUP BY record_type, record_id)`)
}

// What case each kind of record belongs to, for the case's history: the
// entries of kindsSQL. An exhibit's files and custody events belong to the
// exhibit's case.
func caseOfCase(_ *Tx, c model.Case) string              { return c.ID }
func caseOfSeizure(_ *Tx, s model.Seizure) string        { return s.CaseID }
func caseOfLink(_ *Tx, l model.CaseLink) string          { return l.CaseID }
func caseOfTask(_ *Tx, t model.Task) string              { return t.CaseID }
func caseOfEvent(_ *Tx, e model.TimelineEvent) string    { return e.CaseID }
func caseOfNote(_ *Tx, n model.Note) string              { return n.CaseID }
func caseOfEvidence(_ *Tx, e model.EvidenceItem) string  { return e.CaseID }
func caseOfAttachment(tx *Tx, a model.Attachment) string { return tx.caseOfExhibit(a.ItemID) }
func caseOfCustody(tx *Tx, c model.CustodyEvent) string  { return tx.caseOfExhibit(c.ItemID) }

// caseOfExhibit is the case of the exhibit with that ID.
func (tx *Tx) caseOfExhibit(itemID string) string {
	var caseID string
	_ = tx.queryRow(`SELECT case_id FROM evidence_items WHERE id = ?`, itemID).Scan(&caseID)
	return caseID
}

// noCase is the case of a record no case holds: a partner, a key, a file.
func noCase[T any](T) string { return "" }

// startAuditTrail gives a workspace made before the audit trail existed one
// entry per record it already holds, each the record as it stood, so that
// verification has something to compare every record with. It runs once,
// inside the migration that creates the trail: running it again later
// would hide entries removed since.
func startAuditTrail(tx *Tx) error {
	return baselineEach(tx, tx.EachStoredRecord, caseOfJSON)
}

// baselineEach writes one baseline entry, credited to model.AuditBaselineAuthor,
// for every record each lists, as it stands: the start of the trail of
// records that were kept before they were audited.
func baselineEach(tx *Tx, each func(func(StoredRecord) error) error, caseOf func(StoredRecord) string) error {
	var workspace string
	err := tx.queryRow(`SELECT id FROM workspace`).Scan(&workspace)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // a new file: nothing recorded yet
	}
	if err != nil {
		return wrap("read workspace", err)
	}
	tx.SetAuthor(model.AuditBaselineAuthor, workspace, time.Now())
	var records []StoredRecord
	if err := each(func(r StoredRecord) error {
		records = append(records, r)
		return nil
	}); err != nil {
		return err
	}
	for _, r := range records {
		if r.Unreadable != nil {
			return fmt.Errorf("%s %s cannot be read: %w", r.Type, r.ID, r.Unreadable)
		}
		if err := tx.appendAudit(r.Type, r.ID, caseOf(r), model.AuditBaseline, "", r.JSON); err != nil {
			return err
		}
	}
	return nil
}

// caseOfJSON is the case a stored record belongs to, read from its JSON.
func caseOfJSON(r StoredRecord) string {
	if r.Type == model.RecordCase {
		return r.ID
	}
	var of struct {
		CaseID string `json:"case_id"`
	}
	_ = json.Unmarshal([]byte(r.JSON), &of)
	return of.CaseID
}
