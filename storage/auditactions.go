package storage

import "bollard/model"

// writtenActions is, for each kind of record, every action Bollard ever
// writes into the audit trail for it. An entry whose action is not listed
// for its kind (an update of a custody event, a removal of a note) was
// written outside Bollard, however well it chains: verify names it. Every
// audited(...) call in this package and the baseline entries of migrations
// 0002 and 0004 are here; a new call must be added here too (a test checks).
var writtenActions = map[string][]string{
	model.RecordCase:       {model.AuditBaseline, model.AuditCreate, model.AuditUpdate, model.AuditArchive, model.AuditRestore},
	model.RecordSeizure:    {model.AuditBaseline, model.AuditCreate, model.AuditUpdate},
	model.RecordEntity:     {model.AuditBaseline, model.AuditCreate, model.AuditUpdate},
	model.RecordCaseLink:   {model.AuditBaseline, model.AuditCreate, model.AuditRemove},
	model.RecordRelation:   {model.AuditBaseline, model.AuditCreate, model.AuditUpdate},
	model.RecordEvent:      {model.AuditBaseline, model.AuditCreate, model.AuditUpdate},
	model.RecordTask:       {model.AuditBaseline, model.AuditCreate, model.AuditUpdate},
	model.RecordEvidence:   {model.AuditBaseline, model.AuditCreate, model.AuditUpdate},
	model.RecordNote:       {model.AuditBaseline, model.AuditCreate}, // append-only
	model.RecordAttachment: {model.AuditBaseline, model.AuditCreate}, // append-only
	model.RecordCustody:    {model.AuditBaseline, model.AuditCreate}, // append-only
	model.RecordPartner:    {model.AuditBaseline, model.AuditCreate, model.AuditUpdate},
	model.RecordKey:        {model.AuditBaseline, model.AuditCreate}, // a key is made once, never replaced
	model.RecordFile:       {model.AuditRemove},                      // a file removed by files prune
}

// BollardWrites reports whether Bollard ever writes an audit entry with
// that action for that kind of record, so that verify can tell an entry
// forged with an SQLite client from one Bollard made.
func BollardWrites(recordType, action string) bool {
	for _, a := range writtenActions[recordType] {
		if a == action {
			return true
		}
	}
	return false
}
