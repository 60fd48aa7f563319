package storage

import (
	"database/sql"
	"strings"
	"time"

	"bollard/model"
)

const caseColumns = recordColumns + `, ref, title, operation_name, status, priority, corridor, threat_types,
	handling_marking, lead_agency, partner_agencies, lead_officer, summary, opened_on, closed_on, version`

func caseArgs(c *model.Case) []any {
	return append(recordArgs(&c.Record), c.Ref, c.Title, c.OperationName, string(c.Status), string(c.Priority),
		string(c.Corridor), dbJSON(c.ThreatTypes), c.HandlingMarking, c.LeadAgency, dbJSON(c.PartnerAgencies),
		c.LeadOfficer, c.Summary, c.OpenedOn.String(), c.ClosedOn.String(), c.Version)
}

func scanCase(row interface{ Scan(...any) error }) (model.Case, error) {
	var c model.Case
	dest := append(recordDest(&c.Record), &c.Ref, &c.Title, &c.OperationName, &c.Status, &c.Priority,
		&c.Corridor, listCol[model.ThreatType]{&c.ThreatTypes}, &c.HandlingMarking, &c.LeadAgency,
		listCol[string]{&c.PartnerAgencies}, &c.LeadOfficer, &c.Summary, dateCol{&c.OpenedOn}, dateCol{&c.ClosedOn}, &c.Version)
	err := row.Scan(dest...)
	return c, err
}

// InsertCase stores a new case. When c.Ref is empty the next ref of the
// officer's prefix for the year the case was created in is given to it:
// PREFIX-YEAR-NNNN, one more than the highest so far. The write lock is held
// from the start of the transaction, so two writers never get the same
// number, and a rolled-back insert gives its number back, so there are no gaps.
func (tx *Tx) InsertCase(c *model.Case, prefix string) error {
	return tx.auditedRecord(model.RecordCase, model.AuditCreate, c.ID, func() error {
		var refPrefix, refYear, refSeq any
		if c.Ref == "" {
			year := c.CreatedAt.Year()
			// "ref_seq IS NOT NULL" lets SQLite use the partial index
			// cases_ref_number instead of reading every case.
			var last int
			err := tx.queryRow(`SELECT COALESCE(MAX(ref_seq), 0) FROM cases WHERE ref_prefix = ? AND ref_year = ? AND ref_seq IS NOT NULL`, prefix, year).Scan(&last)
			if err != nil {
				return wrap("number the new case", err)
			}
			c.Ref = model.FormatCaseRef(prefix, year, last+1)
		}
		c.Version = 1
		if p, y, n, ok := model.ParseCaseRef(c.Ref); ok {
			refPrefix, refYear, refSeq = p, y, n
		}
		args := append(caseArgs(c), refPrefix, refYear, refSeq)
		_, err := tx.exec(`INSERT INTO cases (`+caseColumns+`, ref_prefix, ref_year, ref_seq) VALUES (`+placeholders(len(args))+`)`, args...)
		return wrap("insert case "+c.Ref, err)
	})
}

// UpdateCase saves an edited case. Its ref and identity never change.
func (tx *Tx) UpdateCase(c *model.Case) error {
	return tx.auditedRecord(model.RecordCase, model.AuditUpdate, c.ID, func() error {
		return tx.updateVersioned("case "+c.Ref, "cases", &c.Record, `updated_at = ?, updated_by_name = ?, updated_by_agency = ?,
			title = ?, operation_name = ?, status = ?, priority = ?, corridor = ?, threat_types = ?, handling_marking = ?,
			lead_agency = ?, partner_agencies = ?, lead_officer = ?, summary = ?, opened_on = ?, closed_on = ?`,
			dbTime(c.UpdatedAt), c.UpdatedBy.Name, c.UpdatedBy.Agency,
			c.Title, c.OperationName, string(c.Status), string(c.Priority), string(c.Corridor), dbJSON(c.ThreatTypes),
			c.HandlingMarking, c.LeadAgency, dbJSON(c.PartnerAgencies), c.LeadOfficer, c.Summary,
			c.OpenedOn.String(), c.ClosedOn.String())
	})
}

// TouchCase moves a case's last change up to at, when a record in it was
// added or changed then; a later last change is left as it is. It writes no
// audit entry of its own: the change that moved it has one, and
// verification leaves a case's last change aside when it compares the case
// with its trail.
func (tx *Tx) TouchCase(caseID string, at time.Time, by model.Author) error {
	_, err := tx.exec(`UPDATE cases SET updated_at = ?, updated_by_name = ?, updated_by_agency = ?
		WHERE id = ? AND updated_at < ?`, dbTime(at), by.Name, by.Agency, caseID, dbTime(at))
	return wrap("note the change in case "+caseID, err)
}

// ArchiveCase takes a case out of the working lists, remembering its status
// so that RestoreCase can put it back. Nothing in the case is removed. Like
// an edit it counts as a save: a form opened before it is refused.
func (tx *Tx) ArchiveCase(c *model.Case) error {
	return tx.auditedRecord(model.RecordCase, model.AuditArchive, c.ID, func() error {
		res, err := tx.exec(`UPDATE cases SET status_before_archive = status, status = 'archived', version = version + 1,
			updated_at = ?, updated_by_name = ?, updated_by_agency = ? WHERE id = ? AND status <> 'archived'`,
			dbTime(c.UpdatedAt), c.UpdatedBy.Name, c.UpdatedBy.Agency, c.ID)
		return wrapUpdate("archive case "+c.Ref, res, err)
	})
}

// RestoreCase brings an archived case back with the status it had.
func (tx *Tx) RestoreCase(c *model.Case) error {
	return tx.auditedRecord(model.RecordCase, model.AuditRestore, c.ID, func() error {
		res, err := tx.exec(`UPDATE cases SET status = CASE status_before_archive WHEN '' THEN 'open' ELSE status_before_archive END,
			status_before_archive = '', version = version + 1, updated_at = ?, updated_by_name = ?, updated_by_agency = ? WHERE id = ? AND status = 'archived'`,
			dbTime(c.UpdatedAt), c.UpdatedBy.Name, c.UpdatedBy.Agency, c.ID)
		return wrapUpdate("restore case "+c.Ref, res, err)
	})
}

// CaseByID returns the case with that ID.
func (tx *Tx) CaseByID(id string) (model.Case, error) {
	c, err := scanCase(tx.queryRow(`SELECT `+caseColumns+` FROM cases WHERE id = ?`, id))
	return c, wrap("case "+id, err)
}

// CaseByRef returns the case with that ref, ignoring the case of letters.
func (tx *Tx) CaseByRef(ref string) (model.Case, error) {
	c, err := scanCase(tx.queryRow(`SELECT `+caseColumns+` FROM cases WHERE ref = ? COLLATE NOCASE`, strings.TrimSpace(ref)))
	return c, wrap("case "+ref, err)
}

// Cases lists the cases that pass the filter, most recently changed first.
func (tx *Tx) Cases(f model.CaseFilter) ([]model.Case, error) {
	var where []string
	var args []any
	if f.Status != "" {
		where, args = append(where, `status = ?`), append(args, string(f.Status))
	} else if !f.IncludeArchived {
		where = append(where, `status <> 'archived'`)
	}
	if f.Corridor != "" {
		where, args = append(where, `corridor = ?`), append(args, string(f.Corridor))
	}
	if f.Threat != "" {
		where, args = append(where, `EXISTS (SELECT 1 FROM json_each(cases.threat_types) WHERE value = ?)`), append(args, string(f.Threat))
	}
	q := `SELECT ` + caseColumns + ` FROM cases`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	q += ` ORDER BY updated_at DESC, ref`
	return queryAll(tx, "list cases", scanCase, q, args...)
}

// CountCases returns how many cases the workspace holds, archived ones included.
func (tx *Tx) CountCases() (int, error) {
	var n int
	err := tx.queryRow(`SELECT COUNT(*) FROM cases`).Scan(&n)
	return n, wrap("count cases", err)
}

// queryAll runs a query and scans every row with scan.
func queryAll[T any](tx *Tx, what string, scan func(interface{ Scan(...any) error }) (T, error), q string, args ...any) ([]T, error) {
	rows, err := tx.query(q, args...)
	if err != nil {
		return nil, wrap(what, err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, wrap(what, err)
		}
		out = append(out, v)
	}
	return out, wrap(what, rows.Err())
}

// wrapUpdate reports an update that matched no row as model.ErrNotFound.
func wrapUpdate(what string, res sql.Result, err error) error {
	if err != nil {
		return wrap(what, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return wrap(what, sql.ErrNoRows)
	}
	return nil
}
