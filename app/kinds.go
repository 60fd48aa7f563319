package app

import (
	"slices"

	"bollard/app/search"
	"bollard/model"
)

// kindRules is the app's entry for one kind of record: what the write path
// (write.go) and the merge (merge.go) do for it beyond what they do for
// every kind. Where a record of the kind sits, what a new one is given and
// checked against, how the search finds it, and how one from another
// workspace is merged. Every hook is optional.
type kindRules struct {
	// label names the kind in the errors about a new record's identity and
	// authorship; the kind's name when "".
	label string
	// locate finds where a record sits: the case it is in, refused when
	// archived, and for custody events and attachments their exhibit.
	// Without it a record sits in no case (entities, relations) or is the
	// case itself.
	locate func(b *Batch, r model.Recorded) (where, error)
	// added are the rules for a new record as officers, imports and merges
	// make it.
	added newRules
	// recorded, for the append-only kinds a merge unions whose officers'
	// rules compare a new record with this workspace's own (custody
	// events, attachments), are the rules for one added as another
	// workspace recorded it; added when nil.
	recorded *newRules
	// insert writes a new record where the kind needs more than
	// storage's InsertRecord.
	insert func(b *Batch, r model.Recorded) error
	// edit checks an edited or merged version against the stored record
	// before it is stamped.
	edit func(b *Batch, r, stored model.Recorded, at where, merged bool) error
	// lastChange is who last changed a record, and when, for a kind whose
	// records carry no model.Record of their own (attachments).
	lastChange func(r model.Recorded) model.Record
	// doc is the record's search document, for the kinds the search finds.
	doc func(r model.Recorded, at where) search.Doc
	// merge is how a record of the kind from another workspace is merged
	// (mergekinds.go); nil for a kind that travels only inside another
	// record (an exhibit's files).
	merge *mergeRule
}

// newRules ready and check a new record of a kind.
type newRules struct {
	// prepare readies a new record before it is validated: what the
	// officer left empty, its number, what it points at.
	prepare func(b *Batch, r model.Recorded, at *where) error
	// check checks a validated new record against what the workspace
	// holds, or completes it from there (a seizure's number, given once
	// the ref typed is tidied).
	check func(b *Batch, r model.Recorded, at *where) error
}

// where is what a record being written sits in.
type where struct {
	// c is its case: zero for entities, relations and a new case.
	c model.Case
	// exhibit is, for a custody event or an attachment, its exhibit, with
	// the chain of custody when the write read it.
	exhibit Exhibit
}

// appKinds holds the app's rules for every kind of model.Kinds, by name.
var appKinds map[string]kindRules

// The table is filled at start-up rather than where it is declared: its
// hooks reach the write path, which reads the table.
func init() {
	appKinds = map[string]kindRules{
		model.RecordCase: {
			added:  newRules{prepare: rule(fillCase)},
			insert: func(b *Batch, r model.Recorded) error { return b.insertCase(r.(*model.Case)) },
			edit:   editCase,
			doc:    searchDoc(func(c *model.Case, _ where) search.Doc { return search.CaseDoc(*c) }),
			merge:  mergeCase,
		},
		model.RecordEntity: {
			doc:   searchDoc(func(e *model.Entity, _ where) search.Doc { return search.EntityDoc(*e) }),
			merge: mergeEntity,
		},
		model.RecordCaseLink: {
			locate: locateLink,
			added:  newRules{check: rule(entityLinked)},
			edit:   editLink,
			merge:  mergeLink,
		},
		model.RecordRelation: {
			added: newRules{check: rule(entitiesRelated)},
			merge: mergeRelation,
		},
		model.RecordSeizure: {
			locate: inCase(func(s *model.Seizure) string { return s.CaseID }),
			added:  newRules{check: rule(numberSeizure)},
			insert: func(b *Batch, r model.Recorded) error { return b.insertSeizure(r.(*model.Seizure)) },
			doc:    searchDoc(func(s *model.Seizure, at where) search.Doc { return search.SeizureDoc(*s, at.c.Ref) }),
			merge:  mergeSeizure,
		},
		model.RecordEvent: {
			locate: inCase(func(e *model.TimelineEvent) string { return e.CaseID }),
			merge:  mergeAdded,
		},
		model.RecordTask: {
			locate: inCase(func(t *model.Task) string { return t.CaseID }),
			added:  newRules{prepare: rule(fillTask)},
			doc:    searchDoc(func(t *model.Task, at where) search.Doc { return search.TaskDoc(*t, at.c.Ref) }),
			merge:  mergeAdded,
		},
		model.RecordNote: {
			locate: inCase(func(n *model.Note) string { return n.CaseID }),
			doc:    searchDoc(func(n *model.Note, at where) search.Doc { return search.NoteDoc(*n, at.c.Ref) }),
			merge:  mergeAdded,
		},
		model.RecordEvidence: {
			label:  "exhibit",
			locate: inCase(func(e *model.EvidenceItem) string { return e.CaseID }),
			added:  newRules{prepare: rule(prepareExhibit)},
			edit:   editExhibit,
			doc:    searchDoc(func(e *model.EvidenceItem, at where) search.Doc { return search.EvidenceDoc(*e, at.c.Ref) }),
			merge:  mergeExhibit,
		},
		model.RecordAttachment: {
			locate:   onExhibit(func(a *model.Attachment) string { return a.ItemID }),
			added:    newRules{check: rule(copyKept)},
			recorded: &newRules{check: rule(fileReceived)},
			lastChange: func(r model.Recorded) model.Record {
				a := r.(*model.Attachment)
				return model.Record{UpdatedAt: a.AddedAt, UpdatedBy: a.AddedBy}
			},
			doc: searchDoc(func(a *model.Attachment, at where) search.Doc {
				item := at.exhibit.Item
				item.Attachments = append(slices.Clip(item.Attachments), *a)
				return search.EvidenceDoc(item, at.c.Ref)
			}),
		},
		model.RecordCustody: {
			locate:   onExhibit(func(ev *model.CustodyEvent) string { return ev.ItemID }),
			added:    newRules{prepare: rule(continueChain), check: rule(inOrder)},
			recorded: &newRules{prepare: rule(correctsRecorded)},
			merge:    mergeCustody,
		},
		model.RecordAttachmentReview: {
			label:  "attachment review",
			locate: locateReview,
			added:  newRules{prepare: rule(prepareReview)},
			merge:  mergeReview,
		},
	}
}

// rulesFor returns the app's rules for a record's kind.
func rulesFor(r model.Recorded) kindRules {
	k, ok := appKinds[r.RecordKind()]
	if !ok {
		panic("app: no write rules for " + r.RecordKind())
	}
	return k
}

// labelOf names a kind in the errors about a new record's identity.
func (k kindRules) labelOf(r model.Recorded) string {
	if k.label != "" {
		return k.label
	}
	return r.RecordKind()
}

// lastChangeOf is who last changed a record, and when.
func (k kindRules) lastChangeOf(r model.Recorded) model.Record {
	if k.lastChange != nil {
		return k.lastChange(r)
	}
	return *recordOf(r)
}

// inCase locates a record by the case it names, refusing an archived case.
func inCase[T model.Recorded](caseID func(T) string) func(*Batch, model.Recorded) (where, error) {
	return func(b *Batch, r model.Recorded) (where, error) {
		c, err := b.activeCase(caseID(r.(T)))
		return where{c: c}, err
	}
}

// onExhibit locates a record by the exhibit it names, and the exhibit by
// its case, refusing an archived case.
func onExhibit[T model.Recorded](itemID func(T) string) func(*Batch, model.Recorded) (where, error) {
	return func(b *Batch, r model.Recorded) (where, error) {
		item, err := b.tx.EvidenceByID(itemID(r.(T)))
		if err != nil {
			return where{}, err
		}
		c, err := b.activeCase(item.CaseID)
		return where{c: c, exhibit: Exhibit{Item: item}}, err
	}
}

// rule adapts a rule written for one kind's type to the table.
func rule[T model.Recorded](fn func(*Batch, T, *where) error) func(*Batch, model.Recorded, *where) error {
	return func(b *Batch, r model.Recorded, at *where) error { return fn(b, r.(T), at) }
}

// searchDoc adapts a kind's search document to the table.
func searchDoc[T model.Recorded](fn func(T, where) search.Doc) func(model.Recorded, where) search.Doc {
	return func(r model.Recorded, at where) search.Doc { return fn(r.(T), at) }
}
