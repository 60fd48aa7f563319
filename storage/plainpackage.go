package storage

import "bollard/model"

// PlainPackage is what the audit trail records of a case package the
// officer sent in the clear (export --plain), for each case it carried:
// packages are encrypted by default, so sending one readable by whoever
// holds the file is a decision someone answers for.
type PlainPackage struct {
	SHA256  string `json:"sha256"` // of the package file as written
	File    string `json:"file"`   // where it was written
	Size    int64  `json:"size"`
	CaseID  string `json:"case_id"`
	CaseRef string `json:"case_ref"`
}

// RecordPlainPackage writes the audit entry of a case sent in the clear, in
// this transaction. There is no row besides the entry: the event is the
// record.
func (tx *Tx) RecordPlainPackage(p PlainPackage) error {
	read := func(string) (PlainPackage, error) { return p, nil }
	caseOf := func(p PlainPackage) string { return p.CaseID }
	return audited(tx, model.RecordPlainPackage, model.AuditCreate, p.SHA256+"/"+p.CaseID, read, caseOf, func() error { return nil })
}

// PlainWorkspace is what the audit trail records of a workspace made
// unencrypted on purpose (init --plain): where it was made.
type PlainWorkspace struct {
	Path string `json:"path"`
}

// RecordPlainWorkspace writes the audit entry of the workspace made in the
// clear, in this transaction; its ID is the workspace's.
func (tx *Tx) RecordPlainWorkspace(workspaceID string, p PlainWorkspace) error {
	read := func(string) (PlainWorkspace, error) { return p, nil }
	return audited(tx, model.RecordPlainWorkspace, model.AuditCreate, workspaceID, read, noCase[PlainWorkspace], func() error { return nil })
}

// TrailOnly reports whether records of that kind live only in the audit
// trail (events, not rows), so that verify does not look for their rows.
func TrailOnly(recordType string) bool {
	return recordType == model.RecordPlainPackage || recordType == model.RecordPlainWorkspace || recordType == model.RecordKeyringUnlock
}
