package storage

import (
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"bollard/model"
)

// ExchangeBase returns the version of a record that last travelled (was
// exported or imported), as JSON: the common ancestor of a three-way merge.
// ok is false when the record never travelled.
func (tx *Tx) ExchangeBase(recordType, id string) (string, bool, error) {
	var js string
	err := tx.queryRow(`SELECT json FROM exchange_base WHERE record_type = ? AND record_id = ?`, recordType, id).Scan(&js)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return js, err == nil, wrap("read the exchanged version of "+recordType+" "+id, err)
}

// SetExchangeBase remembers the version of a record that travelled now.
func (tx *Tx) SetExchangeBase(recordType, id, js string, at time.Time) error {
	_, err := tx.exec(`INSERT INTO exchange_base (record_type, record_id, json, exchanged_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (record_type, record_id) DO UPDATE SET json = excluded.json, exchanged_at = excluded.exchanged_at`,
		recordType, id, js, dbTime(at))
	return wrap("remember the exchanged version of "+recordType+" "+id, err)
}

const conflictColumns = `id, record_type, record_id, case_id, incoming, base, fields, from_key, received_at, resolved_at, resolution, from_package`

func scanConflict(row interface{ Scan(...any) error }) (model.Conflict, error) {
	var c model.Conflict
	err := row.Scan(&c.ID, &c.RecordType, &c.RecordID, &c.CaseID, &c.Incoming, &c.Base, listCol[string]{&c.Fields},
		&c.FromKey, timeCol{&c.ReceivedAt}, timeCol{&c.ResolvedAt}, &c.Resolution, &c.FromPackage)
	return c, err
}

// PutConflict records an open conflict. An open conflict already waiting
// for the same record is replaced: only the latest incoming version is
// worth choosing from.
func (tx *Tx) PutConflict(c *model.Conflict) error {
	if _, err := tx.exec(`DELETE FROM conflicts WHERE record_type = ? AND record_id = ? AND resolved_at = ''`,
		c.RecordType, c.RecordID); err != nil {
		return wrap("replace the open conflict on "+c.RecordType+" "+c.RecordID, err)
	}
	_, err := tx.exec(`INSERT INTO conflicts (`+conflictColumns+`) VALUES (`+placeholders(12)+`)`,
		c.ID, c.RecordType, c.RecordID, c.CaseID, c.Incoming, c.Base, dbJSON(c.Fields), c.FromKey,
		dbTime(c.ReceivedAt), dbTime(c.ResolvedAt), c.Resolution, c.FromPackage)
	return wrap("record the conflict on "+c.RecordType+" "+c.RecordID, err)
}

// OpenConflict returns the open conflict on a record, if there is one.
func (tx *Tx) OpenConflict(recordType, id string) (model.Conflict, bool, error) {
	c, err := scanConflict(tx.queryRow(`SELECT `+conflictColumns+` FROM conflicts
		WHERE record_type = ? AND record_id = ? AND resolved_at = ''`, recordType, id))
	if errors.Is(err, sql.ErrNoRows) {
		return model.Conflict{}, false, nil
	}
	return c, err == nil, wrap("read the conflict on "+recordType+" "+id, err)
}

// ConflictByID returns the conflict with that ID.
func (tx *Tx) ConflictByID(id string) (model.Conflict, error) {
	c, err := scanConflict(tx.queryRow(`SELECT `+conflictColumns+` FROM conflicts WHERE id = ?`, id))
	return c, wrap("conflict "+id, err)
}

// OpenConflicts lists the conflicts still waiting for a choice, oldest
// first; only those of one case when caseID is not "".
func (tx *Tx) OpenConflicts(caseID string) ([]model.Conflict, error) {
	return queryAll(tx, "list conflicts", scanConflict, `SELECT `+conflictColumns+` FROM conflicts
		WHERE resolved_at = '' AND (? = '' OR case_id = ?) ORDER BY received_at, record_type, record_id`, caseID, caseID)
}

// ResolveConflict marks a conflict settled: "mine" or "theirs".
func (tx *Tx) ResolveConflict(id, resolution string, at time.Time) error {
	res, err := tx.exec(`UPDATE conflicts SET resolved_at = ?, resolution = ? WHERE id = ? AND resolved_at = ''`,
		dbTime(at), resolution, id)
	return wrapUpdate("resolve conflict "+id, res, err)
}

// AddForeignAudit keeps another workspace's audit entry as it came; an
// entry already kept (the same workspace and number) is left as it is.
// It reports whether the entry was new.
func (tx *Tx) AddForeignAudit(e model.AuditEntry) (bool, error) {
	res, err := tx.exec(`INSERT OR IGNORE INTO foreign_audit (workspace_id, seq, at, by_name, by_agency, record_type,
		record_id, case_id, action, before, after, prev_hash, hash) VALUES (`+placeholders(13)+`)`,
		e.Workspace, e.Seq, dbTime(e.At), e.By.Name, e.By.Agency, e.RecordType, e.RecordID, e.CaseID, e.Action,
		e.Before, e.After, e.PrevHash, e.Hash)
	if err != nil {
		return false, wrap("keep the other workspace's audit entry", err)
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

// ForeignAudit returns the other workspaces' audit entries about the
// records of a case (the case itself, what is in it, its entities and
// their relations), oldest first by workspace and number.
func (tx *Tx) ForeignAudit(caseID string) ([]model.AuditEntry, error) {
	return queryAll(tx, "read the other workspaces' audit entries", func(row interface{ Scan(...any) error }) (model.AuditEntry, error) {
		var e model.AuditEntry
		err := row.Scan(&e.Workspace, &e.Seq, timeCol{&e.At}, &e.By.Name, &e.By.Agency, &e.RecordType, &e.RecordID,
			&e.CaseID, &e.Action, &e.Before, &e.After, &e.PrevHash, &e.Hash)
		return e, err
	}, `SELECT workspace_id, seq, at, by_name, by_agency, record_type, record_id, case_id, action, before, after, prev_hash, hash
		FROM foreign_audit
		WHERE case_id = ?
		   OR (record_type = 'entity' AND record_id IN (SELECT entity_id FROM case_links WHERE case_id = ?))
		   OR (record_type = 'relation' AND record_id IN (
		       SELECT r.id FROM relations r JOIN case_links l ON l.entity_id IN (r.from_id, r.to_id) WHERE l.case_id = ?))
		ORDER BY workspace_id, seq`, caseID, caseID, caseID)
}

// RecordVersions returns every version the record has had here, newest
// first: what the workspace's own audit trail says it became (the
// versions taken from partners included, written as they came), and the
// partners' versions an officer settled a conflict against, or a merge
// closed one on. Those are the versions this workspace's record descends
// from. The other workspaces' entries it keeps are not: holding a
// partner's entry says the partner's record had that version, not that
// this one took it. A merge finds the last version both sides knew among
// them.
func (tx *Tx) RecordVersions(recordType, id string) ([]string, error) {
	scan := func(row interface{ Scan(...any) error }) (string, error) {
		var after string
		return after, row.Scan(&after)
	}
	own, err := queryAll(tx, "read the versions of "+recordType+" "+id, scan,
		`SELECT after FROM audit_log WHERE record_id = ? AND record_type = ? AND after != '' ORDER BY seq DESC`, id, recordType)
	if err != nil {
		return nil, err
	}
	settled, err := tx.SettledAgainst(recordType, id)
	return append(own, settled...), err
}

// auditJSONOf is how a record is written into the exchange tables: the
// same form as the audit trail's.
func auditJSONOf(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// RecordJSON is a record in the form the audit trail and the exchange
// tables write it.
func RecordJSON(v any) string { return auditJSONOf(v) }

// SettledAgainst returns the partners' versions of a record that conflicts
// on it were settled against, here, newest first: versions this
// workspace has seen and decided on, which its packages carry so that the
// partner knows its version was seen.
func (tx *Tx) SettledAgainst(recordType, id string) ([]string, error) {
	return queryAll(tx, "read the settled conflicts on "+recordType+" "+id,
		func(row interface{ Scan(...any) error }) (string, error) {
			var incoming string
			return incoming, row.Scan(&incoming)
		},
		`SELECT incoming FROM conflicts WHERE record_id = ? AND record_type = ? AND resolved_at != ''
		ORDER BY resolved_at DESC`, id, recordType)
}
