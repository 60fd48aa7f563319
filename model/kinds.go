package model

import "time"

// The kinds of record a workspace keeps, as the audit trail and case
// packages name them. These names are written into every audit entry and
// every package: they never change.
const (
	RecordCase       = "case"
	RecordSeizure    = "seizure"
	RecordEntity     = "entity"
	RecordCaseLink   = "case link"
	RecordRelation   = "relation"
	RecordEvent      = "timeline event"
	RecordTask       = "task"
	RecordNote       = "note"
	RecordEvidence   = "evidence item"
	RecordAttachment = "attachment"
	RecordCustody    = "custody event"
	// RecordAttachmentReview is an officer's decision on what an attached
	// file shows (AttachmentReview).
	RecordAttachmentReview = "attachment review"
)

// The records a workspace keeps beside those of its cases, as the audit
// trail names them. They are not kinds of case record (not in Kinds): no
// case holds them, no package carries them, no merge touches them.
const (
	// RecordPartner is a partner agency's workspace whose packages are
	// accepted (a Partner): whom the workspace trusts.
	RecordPartner = "partner"
	// RecordKey is one of the workspace's own keys (a WorkspaceKey).
	RecordKey = "workspace key"
	// RecordFile is an attachment file on its own, apart from any exhibit:
	// the entries `files prune` writes for each file it removes.
	RecordFile = "attachment file"
	// RecordPlainPackage is a case package the officer chose to send in
	// the clear (export --plain): one entry for each case it carried, in
	// that case's history. It lives only in the audit trail.
	RecordPlainPackage = "package sent in the clear"
	// RecordPlainWorkspace is the workspace itself made NOT encrypted
	// (init --plain), for training or test data. It lives only in the
	// audit trail.
	RecordPlainWorkspace = "workspace kept in the clear"
	// RecordKeyringUnlock is the second way into an encrypted workspace,
	// through the computer's keyring, turned on (create) and off (remove).
	// Its ID is the keyring entry's account. It lives only in the audit
	// trail.
	RecordKeyringUnlock = "keyring unlock"
)

// Recorded is a record of one of the kinds in Kinds: what every layer can
// do with a record without knowing which kind it is.
type Recorded interface {
	// RecordID is the record's UUID.
	RecordID() string
	// RecordKind is the name of the record's kind (RecordSeizure...).
	RecordKind() string
	// ValidateAt checks the record as its kind's rules say, at that moment
	// (nothing can have happened after it), putting identifiers in their
	// canonical form.
	ValidateAt(now time.Time) error
}

// Kind is everything the layers share about one kind of record. Adding a
// kind of record means adding its type, an entry here, its SQL and its
// entry in storage (kindsSQL), its entry in app (appKinds), and its list in
// the case package's content document; the audit trail, verification,
// history, conflicts and merging follow the tables. docs/architecture.md
// says more.
type Kind struct {
	// Name is the kind as the audit trail names it.
	Name string
	// New returns an empty record of the kind, to read one into.
	New func() Recorded
	// AppendOnly kinds are only ever added, never edited: a merge unions
	// them by UUID.
	AppendOnly bool
	// Fixed are the fields set when a record is made that never change
	// after (besides those every record has, RecordFields): its case, its
	// ref, the records it ties together. A merge neither compares nor
	// takes them; they are kept from the stored record.
	Fixed []string
	// Removable kinds can be taken out of their case by a tombstone
	// (Record.Removed): a link, a relation, a task, a note. Every list,
	// export and dossier leaves removed records out; the merge and the
	// audit trail keep them.
	Removable bool
	// Ref is the field holding the ref officers know the record by
	// ("ref", "exhibit_ref"), unique in its case or workspace; "" when the
	// kind has none.
	Ref string
	// Label names a record of the kind for an officer, in the audit
	// history, verification's findings and conflicts alike; see the
	// package function Label.
	Label func(r Recorded, n Names, withCase bool) string
}

// RecordFields are the fields every record has that say what it is and
// who made and last changed it when: bookkeeping, not content.
var RecordFields = []string{"id", "created_at", "created_by", "updated_at", "updated_by", "workspace"}

// Kinds lists every kind of record, in the order a case is built: a record
// comes after the records it points at.
var Kinds = []Kind{
	{Name: RecordCase, New: func() Recorded { return new(Case) }, Label: labelCase, Fixed: []string{"ref"}, Ref: "ref"},
	{Name: RecordEntity, New: func() Recorded { return new(Entity) }, Label: labelEntity},
	{Name: RecordCaseLink, New: func() Recorded { return new(CaseLink) }, Label: labelCaseLink, Removable: true,
		Fixed: []string{"case_id", "entity_id"}},
	{Name: RecordRelation, New: func() Recorded { return new(Relation) }, Label: labelRelation, Removable: true,
		Fixed: []string{"from_id", "to_id"}},
	{Name: RecordSeizure, New: func() Recorded { return new(Seizure) }, Label: labelSeizure,
		Fixed: []string{"case_id", "ref"}, Ref: "ref"},
	{Name: RecordEvent, New: func() Recorded { return new(TimelineEvent) }, Label: labelEvent, Fixed: []string{"case_id"}},
	{Name: RecordTask, New: func() Recorded { return new(Task) }, Label: labelTask, Removable: true,
		Fixed: []string{"case_id"}},
	{Name: RecordNote, New: func() Recorded { return new(Note) }, Label: labelNote, Removable: true,
		Fixed: []string{"case_id"}},
	{Name: RecordEvidence, New: func() Recorded { return new(EvidenceItem) }, Label: labelEvidence,
		Fixed: []string{"case_id", "exhibit_ref", "attachments"}, Ref: "exhibit_ref"},
	{Name: RecordAttachment, New: func() Recorded { return new(Attachment) }, Label: labelAttachment,
		AppendOnly: true, Fixed: []string{"item_id"}},
	{Name: RecordCustody, New: func() Recorded { return new(CustodyEvent) }, Label: labelCustody,
		AppendOnly: true, Fixed: []string{"item_id"}},
	{Name: RecordAttachmentReview, New: func() Recorded { return new(AttachmentReview) }, Label: labelReview,
		Fixed: []string{"case_id", "item_id", "attachment_id"}},
}

// KindNamed returns the kind with that name; ok is false for a name that
// is not a kind of record (a partner, a workspace key).
func KindNamed(name string) (Kind, bool) {
	for _, k := range Kinds {
		if k.Name == name {
			return k, true
		}
	}
	return Kind{}, false
}

// KindOf returns the kind of a record.
func KindOf(r Recorded) Kind {
	k, ok := KindNamed(r.RecordKind())
	if !ok {
		panic("model: " + r.RecordKind() + " is not in Kinds")
	}
	return k
}

// FixedField reports whether a field of a record of this kind never
// changes once the record is made, or is bookkeeping: a merge leaves it
// alone.
func (k Kind) FixedField(field string) bool {
	for _, f := range RecordFields {
		if f == field {
			return true
		}
	}
	for _, f := range k.Fixed {
		if f == field {
			return true
		}
	}
	return false
}

// ValidateAt checks the case; see Case.Validate.
func (c *Case) ValidateAt(now time.Time) error { return c.Validate(now) }

// ValidateAt checks the entity; see Entity.Validate.
func (e *Entity) ValidateAt(now time.Time) error { return e.Validate(now) }

// ValidateAt checks the link; a link has no time of its own to check.
func (l *CaseLink) ValidateAt(time.Time) error { return l.Validate() }

// ValidateAt checks the relation; see Relation.Validate.
func (r *Relation) ValidateAt(now time.Time) error { return r.Validate(now) }

// ValidateAt checks the seizure; see Seizure.Validate.
func (s *Seizure) ValidateAt(now time.Time) error { return s.Validate(now) }

// ValidateAt checks the event; see TimelineEvent.Validate.
func (e *TimelineEvent) ValidateAt(now time.Time) error { return e.Validate(now) }

// ValidateAt checks the task; see Task.Validate.
func (t *Task) ValidateAt(now time.Time) error { return t.Validate(now) }

// ValidateAt checks the note; a note has no time of its own to check.
func (n *Note) ValidateAt(time.Time) error { return n.Validate() }

// ValidateAt checks the exhibit; see EvidenceItem.Validate.
func (e *EvidenceItem) ValidateAt(now time.Time) error { return e.Validate(now) }

// ValidateAt checks the custody event; see CustodyEvent.Validate.
func (c *CustodyEvent) ValidateAt(now time.Time) error { return c.Validate(now) }

// ValidateAt checks the attachment; see Attachment.Validate.
func (a *Attachment) ValidateAt(now time.Time) error { return a.Validate(now) }

// ValidateAt checks the review; a review has no time of its own to check.
func (r *AttachmentReview) ValidateAt(time.Time) error { return r.Validate() }

// RecordKind is RecordCase.
func (*Case) RecordKind() string { return RecordCase }

// RecordKind is RecordEntity.
func (*Entity) RecordKind() string { return RecordEntity }

// RecordKind is RecordCaseLink.
func (*CaseLink) RecordKind() string { return RecordCaseLink }

// RecordKind is RecordRelation.
func (*Relation) RecordKind() string { return RecordRelation }

// RecordKind is RecordSeizure.
func (*Seizure) RecordKind() string { return RecordSeizure }

// RecordKind is RecordEvent.
func (*TimelineEvent) RecordKind() string { return RecordEvent }

// RecordKind is RecordTask.
func (*Task) RecordKind() string { return RecordTask }

// RecordKind is RecordNote.
func (*Note) RecordKind() string { return RecordNote }

// RecordKind is RecordEvidence.
func (*EvidenceItem) RecordKind() string { return RecordEvidence }

// RecordKind is RecordAttachment.
func (*Attachment) RecordKind() string { return RecordAttachment }

// RecordKind is RecordCustody.
func (*CustodyEvent) RecordKind() string { return RecordCustody }

// RecordKind is RecordAttachmentReview.
func (*AttachmentReview) RecordKind() string { return RecordAttachmentReview }
