package exchange

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"bollard/app"
	"bollard/model"
)

// The content document of a case package (content.json): what the cases
// carry, record by record. docs/case-package-content.md describes it.
const (
	ContentFormat = "bollard-case-package-content"
	// ContentVersion 2 added tombstones ("removed") and the provenance of
	// audit entries ("received"); version 3 the reviews of attached files
	// ("attachment_reviews"). Older documents read as before.
	ContentVersion = 3
)

// Content is the content document of a case package: the cases with every
// record that belongs to them, flat lists by kind, each record with its
// UUID and history; the exporting workspace's last-exchanged version of
// each (the ancestor a three-way merge compares with); and the audit
// entries about them.
type Content struct {
	Format     string       `json:"format"`
	Version    int          `json:"version"`
	Workspace  string       `json:"workspace"` // the exporting workspace's ID
	ExportedAt time.Time    `json:"exported_at"`
	ExportedBy model.Author `json:"exported_by"`

	Cases     []model.Case          `json:"cases"`
	Entities  []model.Entity        `json:"entities"`
	Links     []model.CaseLink      `json:"links"`
	Relations []model.Relation      `json:"relations"`
	Seizures  []model.Seizure       `json:"seizures"`
	Timeline  []model.TimelineEvent `json:"timeline"`
	Tasks     []model.Task          `json:"tasks"`
	Notes     []model.Note          `json:"notes"`
	Evidence  []model.EvidenceItem  `json:"evidence"` // with their attachments
	Custody   []model.CustodyEvent  `json:"custody"`
	// Reviews are the officers' decisions on what the exhibits' files
	// show (version 3).
	Reviews []model.AttachmentReview `json:"attachment_reviews"`

	// Bases are the exporting workspace's last-exchanged versions of the
	// records above, for those that had travelled before.
	Bases []Base `json:"bases"`
	// Settled are the versions of other workspaces the exporting workspace
	// settled a conflict on one of the records above against: versions it
	// has seen and decided on (version 2).
	Settled []Base `json:"settled"`
	// Audit are the audit entries about these records: the exporting
	// workspace's own and those it kept from other workspaces.
	Audit []model.AuditEntry `json:"audit"`
}

// Base is the version of one record that last travelled, as the exporting
// workspace remembers it.
type Base struct {
	Type   string          `json:"type"`
	ID     string          `json:"id"`
	Record json.RawMessage `json:"record"`
}

// ExportedContent is a content document ready to travel, with the files it
// names and what to remember once it has been written.
type ExportedContent struct {
	Content Content
	// Files are the attachment files by SHA-256, with their size and
	// where the workspace keeps them.
	Files []app.OutgoingFile
	// outgoing is what the workspace gathered, which it remembers as
	// exchanged once the package is written.
	outgoing app.Outgoing
}

// BuildContent writes the cases with those refs, with everything that
// belongs to them (Workspace.Outgoing gathers it), as a content document.
func BuildContent(ctx context.Context, w *app.Workspace, refs ...string) (ExportedContent, error) {
	out, err := w.Outgoing(ctx, refs...)
	if err != nil {
		return ExportedContent{}, err
	}
	return ExportedContent{Content: ContentOf(out), Files: out.Files, outgoing: out}, nil
}

// ContentOf writes an outgoing bundle as a content document: each kind's
// records in its list, in the order they came, and the last-exchanged
// versions sorted by kind, then ID.
func ContentOf(out app.Outgoing) Content {
	c := Content{Format: ContentFormat, Version: ContentVersion, Workspace: out.Workspace, ExportedAt: out.At,
		ExportedBy: out.By, Audit: out.Audit}
	lists := c.lists()
	for _, r := range out.Records {
		if l, ok := lists[r.RecordKind()]; ok {
			l.add(r)
		}
		if js, ok := out.Bases[r.RecordID()]; ok {
			c.Bases = append(c.Bases, Base{Type: r.RecordKind(), ID: r.RecordID(), Record: json.RawMessage(js)})
		}
		for _, js := range out.Settled[r.RecordID()] {
			c.Settled = append(c.Settled, Base{Type: r.RecordKind(), ID: r.RecordID(), Record: json.RawMessage(js)})
		}
	}
	byRecord := func(a, b Base) int {
		return cmp.Or(strings.Compare(a.Type, b.Type), strings.Compare(a.ID, b.ID))
	}
	slices.SortFunc(c.Bases, byRecord)
	slices.SortStableFunc(c.Settled, byRecord)
	c.fillEmpty()
	return c
}

// Remember records the exported versions as the last-exchanged ones: the
// ancestor the next merge with the partner compares with. Call it once the
// package is written.
func (x ExportedContent) Remember(ctx context.Context, w *app.Workspace) error {
	return w.RememberExported(ctx, x.outgoing)
}

// Records lists the document's records, kinds in model.Kinds order (an
// exhibit with its files), each a copy of its own.
func (c *Content) Records() []model.Recorded {
	lists := c.lists()
	var out []model.Recorded
	for _, k := range model.Kinds {
		if l, ok := lists[k.Name]; ok {
			out = append(out, l.records()...)
		}
	}
	return out
}

// lists are the document's list of each kind of record that travels on
// its own, by kind name: the one place the format says which list holds
// which kind. An exhibit's files travel inside it.
func (c *Content) lists() map[string]recordList {
	return map[string]recordList{
		model.RecordCase:             listOf(&c.Cases),
		model.RecordEntity:           listOf(&c.Entities),
		model.RecordCaseLink:         listOf(&c.Links),
		model.RecordRelation:         listOf(&c.Relations),
		model.RecordSeizure:          listOf(&c.Seizures),
		model.RecordEvent:            listOf(&c.Timeline),
		model.RecordTask:             listOf(&c.Tasks),
		model.RecordNote:             listOf(&c.Notes),
		model.RecordEvidence:         listOf(&c.Evidence),
		model.RecordCustody:          listOf(&c.Custody),
		model.RecordAttachmentReview: listOf(&c.Reviews),
	}
}

// recordList is one kind's list in the document, read and added to as
// records of any kind.
type recordList struct {
	records func() []model.Recorded
	add     func(model.Recorded)
}

// listOf makes a recordList of one kind's list.
func listOf[T any, P interface {
	*T
	model.Recorded
}](list *[]T) recordList {
	return recordList{
		records: func() []model.Recorded {
			out := make([]model.Recorded, len(*list))
			for i := range *list {
				v := (*list)[i]
				out[i] = P(&v)
			}
			return out
		},
		add: func(r model.Recorded) { *list = append(*list, *r.(P)) },
	}
}

// Bundle hands the document's records to the workspace to merge
// (Workspace.Merge): the records, the versions the exporting workspace
// last exchanged, and its audit entries.
func (c *Content) Bundle() app.Bundle {
	b := app.Bundle{Records: c.Records(), Bases: map[string]string{}, Audit: c.Audit, Workspace: c.Workspace}
	for _, base := range c.Bases {
		b.Bases[base.ID] = string(base.Record)
	}
	if len(c.Settled) > 0 {
		b.Settled = map[string][]string{}
		for _, s := range c.Settled {
			b.Settled[s.ID] = append(b.Settled[s.ID], string(s.Record))
		}
	}
	return b
}

// fillEmpty writes absent lists as [] rather than null.
func (c *Content) fillEmpty() {
	c.Cases, c.Entities, c.Links, c.Relations = orEmpty(c.Cases), orEmpty(c.Entities), orEmpty(c.Links), orEmpty(c.Relations)
	c.Seizures, c.Timeline, c.Tasks, c.Notes = orEmpty(c.Seizures), orEmpty(c.Timeline), orEmpty(c.Tasks), orEmpty(c.Notes)
	c.Evidence, c.Custody, c.Bases, c.Audit = orEmpty(c.Evidence), orEmpty(c.Custody), orEmpty(c.Bases), orEmpty(c.Audit)
	c.Settled, c.Reviews = orEmpty(c.Settled), orEmpty(c.Reviews)
}

// Marshal writes the content document as content.json.
func (c Content) Marshal() ([]byte, error) {
	c.fillEmpty()
	return json.Marshal(c)
}

// ReadContent reads content.json, refusing anything that is not a content
// document this Bollard reads: another format, a newer version, a field it
// does not know, a record without a valid UUID, a record listed twice, or
// one that names a case, exhibit or entity the document does not carry.
// The model's validation of each record's values is the merge's.
func ReadContent(data []byte) (Content, error) {
	if len(data) > maxCaseFile {
		return Content{}, fmt.Errorf("the content is larger than %d MB", maxCaseFile>>20)
	}
	var head struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return Content{}, jsonError(data, err)
	}
	switch {
	case head.Format != ContentFormat:
		return Content{}, fmt.Errorf("not the content of a Bollard case package: \"format\" should be %q", ContentFormat)
	case head.Version > ContentVersion:
		return Content{}, fmt.Errorf("the package's content is version %d; this Bollard reads up to version %d: update Bollard", head.Version, ContentVersion)
	case head.Version < 1:
		return Content{}, errors.New("the package's content has no \"version\"")
	}
	var c Content
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return Content{}, valueError(data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return Content{}, errors.New("the content holds more than one JSON document")
	}
	if err := checkJSONText(data); err != nil {
		return Content{}, err
	}
	if err := c.check(); err != nil {
		return Content{}, err
	}
	return c, nil
}

// check refuses a document whose records do not hang together.
func (c *Content) check() error {
	if len(c.Cases) == 0 {
		return errors.New("the package holds no cases")
	}
	if !model.ValidID(c.Workspace) {
		return model.Invalid("workspace", c.Workspace, "should be the UUID of the exporting workspace")
	}
	seen := map[string]string{}
	for _, r := range c.Records() {
		typ, id := r.RecordKind(), r.RecordID()
		if !model.ValidID(id) {
			return model.Invalid(typ+" id", id, "should be a UUID such as 7c9e6679-7425-40de-944b-e07fc1f90ae7")
		}
		if other, dup := seen[id]; dup {
			return fmt.Errorf("%s %s is listed twice (also as a %s)", typ, id, other)
		}
		seen[id] = typ
	}
	is := func(id, typ string) bool { return seen[id] == typ }
	for _, v := range c.Links {
		if !is(v.CaseID, model.RecordCase) || !is(v.EntityID, model.RecordEntity) {
			return fmt.Errorf("case link %s names a case or entity the package does not carry", v.ID)
		}
	}
	for _, v := range c.Relations {
		if !is(v.FromID, model.RecordEntity) || !is(v.ToID, model.RecordEntity) {
			return fmt.Errorf("relation %s names an entity the package does not carry", v.ID)
		}
	}
	caseOf := func(typ, id, caseID string) error {
		if !is(caseID, model.RecordCase) {
			return fmt.Errorf("%s %s belongs to case %q, which the package does not carry", typ, id, caseID)
		}
		return nil
	}
	for _, v := range c.Seizures {
		if err := caseOf(model.RecordSeizure, v.ID, v.CaseID); err != nil {
			return err
		}
	}
	for _, v := range c.Timeline {
		if err := caseOf(model.RecordEvent, v.ID, v.CaseID); err != nil {
			return err
		}
	}
	for _, v := range c.Tasks {
		if err := caseOf(model.RecordTask, v.ID, v.CaseID); err != nil {
			return err
		}
	}
	for _, v := range c.Notes {
		if err := caseOf(model.RecordNote, v.ID, v.CaseID); err != nil {
			return err
		}
	}
	for _, v := range c.Evidence {
		if err := caseOf(model.RecordEvidence, v.ID, v.CaseID); err != nil {
			return err
		}
		if v.SeizureID != "" && !is(v.SeizureID, model.RecordSeizure) {
			return fmt.Errorf("exhibit %s names seizure %q, which the package does not carry", v.ExhibitRef, v.SeizureID)
		}
		for _, a := range v.Attachments {
			if a.ItemID != v.ID || !isSHA256(a.SHA256) {
				return fmt.Errorf("exhibit %s: attachment %s should name the exhibit and a SHA-256 in lowercase hex", v.ExhibitRef, a.Name)
			}
		}
	}
	for _, v := range c.Custody {
		if !is(v.ItemID, model.RecordEvidence) {
			return fmt.Errorf("custody event %s names exhibit %q, which the package does not carry", v.ID, v.ItemID)
		}
	}
	if err := c.checkReviews(); err != nil {
		return err
	}
	for _, b := range c.Bases {
		if seen[b.ID] != b.Type || !json.Valid(b.Record) {
			return fmt.Errorf("the exchanged version of %s %s is not one of the package's records", b.Type, b.ID)
		}
	}
	for _, b := range c.Settled {
		if seen[b.ID] != b.Type || !json.Valid(b.Record) {
			return fmt.Errorf("the settled version of %s %s is not one of the package's records", b.Type, b.ID)
		}
	}
	return nil
}

// checkReviews refuses a review of a file the package does not carry on
// the exhibit the review names, or of an exhibit of another case than the
// review's.
func (c *Content) checkReviews() error {
	exhibits := map[string]model.EvidenceItem{}
	for _, e := range c.Evidence {
		exhibits[e.ID] = e
	}
	for _, v := range c.Reviews {
		e, ok := exhibits[v.ItemID]
		switch {
		case !ok:
			return fmt.Errorf("attachment review %s names exhibit %q, which the package does not carry", v.ID, v.ItemID)
		case e.CaseID != v.CaseID:
			return fmt.Errorf("attachment review %s names exhibit %s of case %q as of case %q", v.ID, e.ExhibitRef, e.CaseID, v.CaseID)
		case !slices.ContainsFunc(e.Attachments, func(a model.Attachment) bool { return a.ID == v.AttachmentID }):
			return fmt.Errorf("attachment review %s names file %q, which exhibit %s does not carry", v.ID, v.AttachmentID, e.ExhibitRef)
		}
	}
	return nil
}
