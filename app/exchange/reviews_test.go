package exchange_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bollard/app"
	"bollard/app/demo"
	"bollard/app/exchange"
	"bollard/model"
)

// photographedCase fills a workspace with demo cases and returns the case
// file of one whose photographs exhibit has a file not reviewed yet.
func photographedCase(t *testing.T, w *app.Workspace) (app.CaseFile, app.Exhibit, model.Attachment) {
	t.Helper()
	if _, err := demo.Fill(ctx, w, demo.Options{Cases: 30, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	cases, err := w.Cases(ctx, model.CaseFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		f := caseFile(t, w, c.Ref)
		for _, x := range f.Evidence {
			for _, a := range x.Item.Attachments {
				if _, ok := x.Reviews[a.ID]; !ok && len(x.Reviews) > 0 {
					return f, x, a
				}
			}
		}
	}
	t.Fatal("the demo made no photographs exhibit with a file not reviewed")
	return app.CaseFile{}, app.Exhibit{}, model.Attachment{}
}

// Reviews travel with their case, are merged field by field like any
// editable record, and two agencies reviewing one file make one review.
func TestReviewsTravelAndMerge(t *testing.T) {
	a, b := mustOpen(t, "ESA"), mustOpen(t, "GBH")
	f, x, unreviewed := photographedCase(t, a)
	ref := f.Case.Ref
	sum := exchangeContent(t, a, b, ref)
	if sum.Conflicts != 0 || sum.Files == 0 {
		t.Fatalf("A → B: %+v", sum)
	}
	if want, got := asJSON(caseFile(t, a, ref).Evidence), asJSON(caseFile(t, b, ref).Evidence); want != got {
		t.Fatalf("the exhibits differ after the exchange:\nwant %s\ngot  %s", want, got)
	}
	verified(t, b)

	// B finds a person in a file A reviewed, and clears it all the same;
	// A hears of it.
	var reviewed model.AttachmentReview
	for _, r := range x.Reviews {
		reviewed = r
	}
	cleared := reviewed
	cleared.Version, cleared.Shows, cleared.Shareable = 0, model.ShowsPersons, true
	if _, err := b.ReviewAttachment(ctx, cleared); err != nil {
		t.Fatal(err)
	}
	if sum := exchangeContent(t, b, a, ref); sum.Updated != 1 || sum.Conflicts != 0 {
		t.Fatalf("B → A: %+v", sum)
	}
	here, err := a.Exhibit(ctx, x.Item.ExhibitRef)
	if got := here.Reviews[reviewed.AttachmentID]; err != nil || !got.Shareable || got.Shows != model.ShowsPersons {
		t.Fatalf("A's review after B cleared the file: %+v, %v", here.Reviews[reviewed.AttachmentID], err)
	}
	verified(t, a)

	// Both review the file nobody had: the same decision is one record and
	// no conflict; two decisions are a conflict on what it shows.
	first := model.AttachmentReview{CaseID: f.Case.ID, ItemID: x.Item.ID, AttachmentID: unreviewed.ID, Shows: model.ShowsNothingPersonal}
	if _, err := a.ReviewAttachment(ctx, first); err != nil {
		t.Fatal(err)
	}
	if _, err := b.ReviewAttachment(ctx, first); err != nil {
		t.Fatal(err)
	}
	if sum := exchangeContent(t, a, b, ref); sum.Conflicts != 0 {
		t.Fatalf("the same review on both sides: %+v", sum)
	}
	mine, theirs := first, first
	mine.Shows, theirs.Shows = model.ShowsPersons, model.ShowsIdentityDocument
	if _, err := a.ReviewAttachment(ctx, mine); err != nil {
		t.Fatal(err)
	}
	if _, err := b.ReviewAttachment(ctx, theirs); err != nil {
		t.Fatal(err)
	}
	if sum := exchangeContent(t, a, b, ref); sum.Conflicts != 1 {
		t.Fatalf("two decisions on one file: %+v", sum)
	}
	conflicts, err := b.Conflicts(ctx, ref)
	if err != nil || len(conflicts) != 1 || len(conflicts[0].Fields) != 1 || conflicts[0].Fields[0].Name != "shows" {
		t.Fatalf("conflicts %+v, %v", conflicts, err)
	}
	verified(t, a)
	verified(t, b)
}

// A review that names a file its exhibit does not carry, or an exhibit of
// another case, refuses the package, as any record of another case does.
func TestReviewOfAnotherCaseIsRefused(t *testing.T) {
	a := mustOpen(t, "ESA")
	f, _, _ := photographedCase(t, a)
	x, err := exchange.BuildContent(ctx, a, f.Case.Ref)
	if err != nil {
		t.Fatal(err)
	}
	if len(x.Content.Reviews) == 0 {
		t.Fatal("the package carries no reviews")
	}
	for name, spoil := range map[string]func(*model.AttachmentReview){
		"a file of no exhibit":      func(r *model.AttachmentReview) { r.AttachmentID = model.NewID() },
		"an exhibit not carried":    func(r *model.AttachmentReview) { r.ItemID = model.NewID() },
		"another case than its own": func(r *model.AttachmentReview) { r.CaseID = model.NewID() },
	} {
		c := x.Content
		c.Reviews = append([]model.AttachmentReview(nil), c.Reviews...)
		spoil(&c.Reviews[0])
		data, err := c.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := exchange.ReadContent(data); err == nil || !strings.Contains(err.Error(), "attachment review") {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// One file attached on both sides apart (two attachment IDs, one SHA-256)
// is one file after the merge, and the partner's review of it is a version
// of the review of ours: the same decision merges without a conflict.
func TestReviewOfAFileAttachedOnBothSides(t *testing.T) {
	a, b := mustOpen(t, "ESA"), mustOpen(t, "GBH")
	ref := demoCase(t, a)
	exchangeContent(t, a, b, ref)
	f := caseFile(t, a, ref)
	x := f.Evidence[len(f.Evidence)-1]
	photo := filepath.Join(t.TempDir(), "IMG_7781.jpg")
	if err := os.WriteFile(photo, []byte("\xFF\xD8\xFF\xE0 the same photograph, sent by e-mail to both"), 0o644); err != nil {
		t.Fatal(err)
	}
	review := func(w *app.Workspace, shareable bool) model.Attachment {
		item, err := w.AttachFiles(ctx, x.Item.ID, photo)
		if err != nil {
			t.Fatal(err)
		}
		att := item.Attachments[len(item.Attachments)-1]
		if _, err := w.ReviewAttachment(ctx, model.AttachmentReview{CaseID: f.Case.ID, ItemID: x.Item.ID, AttachmentID: att.ID,
			Shows: model.ShowsPersons, Shareable: shareable}); err != nil {
			t.Fatal(err)
		}
		return att
	}
	ours, theirs := review(b, true), review(a, true)
	if ours.ID == theirs.ID || ours.SHA256 != theirs.SHA256 {
		t.Fatalf("the two attachments: %s and %s", ours.ID, theirs.ID)
	}
	if sum := exchangeContent(t, a, b, ref); sum.Conflicts != 0 {
		t.Fatalf("A → B: %+v", sum)
	}
	here, err := b.Exhibit(ctx, x.Item.ExhibitRef)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, att := range here.Item.Attachments {
		if att.SHA256 == ours.SHA256 {
			n++
		}
	}
	if r := here.Reviews[ours.ID]; n != 1 || !r.Shareable || len(here.Reviews) != 1 {
		t.Fatalf("B holds the file %d times, its reviews %+v", n, here.Reviews)
	}
	verified(t, b)
}
