package storage

import (
	"bollard/model"
)

const taskColumns = recordColumns + `, case_id, kind, title, description, assigned_to, partner_agency,
	legal_basis, status, sent_on, due_on, answered_on, removed, version`

func scanTask(row interface{ Scan(...any) error }) (model.Task, error) {
	var t model.Task
	err := row.Scan(append(recordDest(&t.Record), &t.CaseID, &t.Kind, &t.Title, &t.Description, &t.AssignedTo,
		&t.Partner, &t.LegalBasis, &t.Status, dateCol{&t.SentOn}, dateCol{&t.DueOn}, dateCol{&t.AnsweredOn}, &t.Removed, &t.Version)...)
	return t, err
}

// InsertTask stores a new task or assistance request.
func (tx *Tx) InsertTask(t *model.Task) error {
	return tx.auditedRecord(model.RecordTask, model.AuditCreate, t.ID, func() error {
		t.Version = 1
		args := append(recordArgs(&t.Record), t.CaseID, string(t.Kind), t.Title, t.Description, t.AssignedTo,
			t.Partner, t.LegalBasis, string(t.Status), t.SentOn.String(), t.DueOn.String(), t.AnsweredOn.String(), t.Removed, t.Version)
		_, err := tx.exec(`INSERT INTO tasks (`+taskColumns+`) VALUES (`+placeholders(len(args))+`)`, args...)
		return wrap("insert task", err)
	})
}

// UpdateTask saves an edited task.
func (tx *Tx) UpdateTask(t *model.Task) error {
	return tx.auditedRecord(model.RecordTask, model.AuditUpdate, t.ID, func() error {
		return tx.updateVersioned("task "+t.Title, "tasks", &t.Record, `updated_at = ?, updated_by_name = ?, updated_by_agency = ?,
			kind = ?, title = ?, description = ?, assigned_to = ?, partner_agency = ?, legal_basis = ?, status = ?,
			sent_on = ?, due_on = ?, answered_on = ?, removed = ?`,
			dbTime(t.UpdatedAt), t.UpdatedBy.Name, t.UpdatedBy.Agency, string(t.Kind), t.Title, t.Description,
			t.AssignedTo, t.Partner, t.LegalBasis, string(t.Status), t.SentOn.String(), t.DueOn.String(),
			t.AnsweredOn.String(), t.Removed)
	})
}

// TaskByID returns the task with that ID.
func (tx *Tx) TaskByID(id string) (model.Task, error) {
	t, err := scanTask(tx.queryRow(`SELECT `+taskColumns+` FROM tasks WHERE id = ?`, id))
	return t, wrap("task "+id, err)
}

// Tasks lists a case's tasks, the ones due soonest first; removed ones
// only when which says so.
func (tx *Tx) Tasks(caseID string, which Which) ([]model.Task, error) {
	return queryAll(tx, "list tasks", scanTask,
		`SELECT `+taskColumns+` FROM tasks WHERE case_id = ? AND `+which.of("")+`
		ORDER BY due_on = '', due_on, created_at`, caseID)
}
