package storage

import "bollard/model"

// KeyringUnlock is what the audit trail records when the officer lets the
// workspace be opened from the computer's keyring, and when that is turned
// off: a second way in is a decision someone answers for.
type KeyringUnlock struct {
	Account string `json:"account"` // the keyring entry's account (random; names no folder)
	Host    string `json:"host"`    // the computer whose keyring holds it
}

// RecordKeyringUnlock writes the audit entry of the keyring unlock turned
// on (on) or off, in this transaction. There is no row besides the entry.
func (tx *Tx) RecordKeyringUnlock(k KeyringUnlock, on bool) error {
	read := func(string) (KeyringUnlock, error) { return k, nil }
	if on {
		return audited(tx, model.RecordKeyringUnlock, model.AuditCreate, k.Account, read, noCase[KeyringUnlock], func() error { return nil })
	}
	return audited(tx, model.RecordKeyringUnlock, model.AuditRemove, k.Account, read, noCase[KeyringUnlock], func() error { return nil })
}
