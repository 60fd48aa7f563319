package storage

import (
	"slices"

	"bollard/model"
)

// writtenActions is every action Bollard ever writes into the audit trail
// for a kind of record. An entry whose action is not listed for its kind
// (an update of a custody event, a removal of a note) was written outside
// Bollard, however well it chains: verify names it. Every kind of
// model.Kinds has its baseline entries (migration 0002) and its creation,
// and its update when kindsSQL can update it; the rest are listed below.
// A new audited call must be covered here too (a test checks).
func writtenActions(kind string) []string {
	if acts, ok := workspaceActions[kind]; ok {
		return acts
	}
	k, ok := kindsSQL[kind]
	if !ok {
		return nil
	}
	acts := []string{model.AuditBaseline, model.AuditCreate}
	if k.update != nil {
		acts = append(acts, model.AuditUpdate)
	}
	return append(acts, moreActions[kind]...)
}

// moreActions are the actions a kind of record takes besides being made
// and edited.
var moreActions = map[string][]string{
	model.RecordCase: {model.AuditArchive, model.AuditRestore},
	// an entity taken off a case by deleting its link, before removals
	// became tombstones (an update) in migration 0006
	model.RecordCaseLink: {model.AuditRemove},
}

// workspaceActions are those of the workspace's own records, which are not
// case records (migration 0004 wrote the baseline of partners and keys).
var workspaceActions = map[string][]string{
	model.RecordPartner: {model.AuditBaseline, model.AuditCreate, model.AuditUpdate},
	model.RecordKey:     {model.AuditBaseline, model.AuditCreate}, // a key is made once, never replaced
	model.RecordFile:    {model.AuditRemove},                      // a file removed by files prune
	// a case package sent unencrypted (export --plain)
	model.RecordPlainPackage: {model.AuditCreate},
	// a workspace made unencrypted on purpose (init --plain)
	model.RecordPlainWorkspace: {model.AuditCreate},
	// the keyring unlock turned on and off (bollard keyring on|off)
	model.RecordKeyringUnlock: {model.AuditCreate, model.AuditRemove},
}

// BollardWrites reports whether Bollard ever writes an audit entry with
// that action for that kind of record, so that verify can tell an entry
// forged with an SQLite client from one Bollard made.
func BollardWrites(recordType, action string) bool {
	return slices.Contains(writtenActions(recordType), action)
}
