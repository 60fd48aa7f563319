package storage

import (
	"bollard/model"
)

// The workspace-wide lists: every entity, seizure, exhibit and task across
// the cases, each with the ref of its case, for the screens that show them
// all at once. Records of archived cases are left out, as they are left out
// of the case list and the search.

// EntitiesInCases lists every entity of a kind ("" for every kind) by kind
// and name, each with the number of cases it is linked to.
func (tx *Tx) EntitiesInCases(kind model.EntityKind) ([]model.EntityRow, error) {
	q := `SELECT ` + prefixed("e.", entityColumns) + `,
		(SELECT COUNT(DISTINCT l.case_id) FROM case_links l JOIN cases c ON c.id = l.case_id
			WHERE l.entity_id = e.id AND l.removed = 0 AND c.status <> 'archived')
		FROM entities e`
	var args []any
	if kind != "" {
		q += ` WHERE e.kind = ?`
		args = append(args, string(kind))
	}
	q += ` ORDER BY e.kind, e.name COLLATE NOCASE, e.id`
	return queryAll(tx, "list entities", func(row interface{ Scan(...any) error }) (model.EntityRow, error) {
		var r model.EntityRow
		err := row.Scan(append(entityDest(&r.Entity), &r.Cases)...)
		return r, err
	}, q, args...)
}

// AllSeizures lists every seizure of the unarchived cases, latest first.
func (tx *Tx) AllSeizures() ([]model.SeizureRow, error) {
	return queryAll(tx, "list seizures", func(row interface{ Scan(...any) error }) (model.SeizureRow, error) {
		var r model.SeizureRow
		var err error
		r.Seizure, err = scanSeizure(withFirst(row, &r.CaseRef))
		return r, err
	}, `SELECT c.ref, `+prefixed("s.", seizureColumns)+` FROM seizures s JOIN cases c ON c.id = s.case_id
		WHERE c.status <> 'archived' ORDER BY julianday(s.seized_at) DESC, c.ref, s.ref`)
}

// AllTasks lists every task and assistance request of the unarchived
// cases: the ones still waiting (open or sent) first, soonest due first
// and those without a due date after them, then the rest, latest due first.
func (tx *Tx) AllTasks() ([]model.TaskRow, error) {
	return queryAll(tx, "list tasks", func(row interface{ Scan(...any) error }) (model.TaskRow, error) {
		var r model.TaskRow
		var err error
		r.Task, err = scanTask(withFirst(row, &r.CaseRef))
		return r, err
	}, `SELECT c.ref, `+prefixed("t.", taskColumns)+` FROM tasks t JOIN cases c ON c.id = t.case_id
		WHERE c.status <> 'archived' AND t.removed = 0
		ORDER BY t.status NOT IN ('open', 'sent'),
			CASE WHEN t.status IN ('open', 'sent') THEN t.due_on = '' END,
			CASE WHEN t.status IN ('open', 'sent') THEN t.due_on END,
			t.due_on DESC, c.ref, t.title`)
}

// ExhibitInCase is an evidence item (without its attachments) and the ref
// of its case.
type ExhibitInCase struct {
	CaseRef string
	Item    model.EvidenceItem
}

// AllEvidence lists every evidence item of the unarchived cases, by case
// ref and exhibit number.
func (tx *Tx) AllEvidence() ([]ExhibitInCase, error) {
	return queryAll(tx, "list exhibits", func(row interface{ Scan(...any) error }) (ExhibitInCase, error) {
		var r ExhibitInCase
		var err error
		r.Item, err = scanEvidence(withFirst(row, &r.CaseRef))
		return r, err
	}, `SELECT c.ref, `+prefixed("x.", evidenceColumns)+` FROM evidence_items x JOIN cases c ON c.id = x.case_id
		WHERE c.status <> 'archived' ORDER BY c.ref, x.seq, x.exhibit_ref`)
}

// EachCaseCustodyEvent calls fn for every custody event of the exhibits of
// unarchived cases, each exhibit's events together and oldest first.
func (tx *Tx) EachCaseCustodyEvent(fn func(model.CustodyEvent) error) error {
	return eachRow(tx, "read custody events", scanCustody, fn, `SELECT `+prefixed("e.", custodyColumns)+`
		FROM custody_events e JOIN evidence_items x ON x.id = e.item_id JOIN cases c ON c.id = x.case_id
		WHERE c.status <> 'archived' ORDER BY e.item_id, e.at, e.created_at`)
}

// firstScanner scans one leading column into its own destination, then
// the rest as the record's own scan function expects them.
type firstScanner struct {
	row   interface{ Scan(...any) error }
	first any
}

func withFirst(row interface{ Scan(...any) error }, first any) firstScanner {
	return firstScanner{row: row, first: first}
}

func (s firstScanner) Scan(dest ...any) error {
	return s.row.Scan(append([]any{s.first}, dest...)...)
}
