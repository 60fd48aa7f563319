package storage

import (
	"context"
	"strings"
	"testing"
	"time"

	"bollard/model"
)

// A review is stored, read back by ID and with its case's, changed as the
// officer's view changes (its version counting), never moved to another
// file and never deleted.
func TestAttachmentReviewRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	c := newCase("Operation Humo")
	insertCase(t, s, c)
	at := time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	item := &model.EvidenceItem{CaseID: c.ID, Kind: model.EvidencePhoto, Description: "Photographs at the quay"}
	item.Stamp(officer, "ws", at)
	files := []model.Attachment{
		{ID: model.NewID(), ItemID: item.ID, SHA256: strings.Repeat("a", 64), Name: "IMG_2041.jpg", MediaType: "image/jpeg", AddedAt: at, AddedBy: officer},
		{ID: model.NewID(), ItemID: item.ID, SHA256: strings.Repeat("b", 64), Name: "IMG_2042.jpg", MediaType: "image/jpeg", AddedAt: at, AddedBy: officer},
	}
	r := &model.AttachmentReview{CaseID: c.ID, ItemID: item.ID, AttachmentID: files[0].ID, Shows: model.ShowsPersons}
	r.ID = model.ReviewID(files[0].ID)
	r.Stamp(officer, "ws", at)
	err := s.Write(ctx, func(tx *Tx) error {
		if err := tx.InsertEvidence(item); err != nil {
			return err
		}
		for i := range files {
			if err := tx.InsertAttachment(&files[i]); err != nil {
				return err
			}
		}
		return tx.InsertRecord(r)
	})
	if err != nil {
		t.Fatal(err)
	}
	read := func() model.AttachmentReview {
		var got model.AttachmentReview
		if err := s.Read(ctx, func(tx *Tx) (err error) { got, err = tx.AttachmentReviewByID(r.ID); return err }); err != nil {
			t.Fatal(err)
		}
		return got
	}
	got := read()
	if got.Shows != model.ShowsPersons || got.Shareable || got.Version != 1 || got.AttachmentID != files[0].ID || !got.CreatedAt.Equal(at) {
		t.Fatalf("read back %+v", got)
	}

	got.Shareable = true
	got.Touch(officer, at.Add(time.Hour))
	if err := s.Write(ctx, func(tx *Tx) error { return tx.UpdateRecord(&got) }); err != nil {
		t.Fatal(err)
	}
	if again := read(); !again.Shareable || again.Version != 2 {
		t.Fatalf("after an edit %+v", again)
	}
	err = s.Read(ctx, func(tx *Tx) error {
		list, err := tx.AttachmentReviews(c.ID)
		if err != nil || len(list) != 1 || list[0].ID != r.ID {
			t.Errorf("the case's reviews: %+v, %v", list, err)
		}
		if rec, err := tx.RecordByID(model.RecordAttachmentReview, r.ID); err != nil || tx.CaseOf(rec) != c.ID {
			t.Errorf("read by kind: %+v, %v", rec, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	for name, stmt := range map[string]string{
		"moved to another file": `UPDATE attachment_reviews SET attachment_id = '` + files[1].ID + `'`,
		"deleted":               `DELETE FROM attachment_reviews`,
		"a second review of one file": `INSERT INTO attachment_reviews SELECT '` + model.NewID() + `', created_at, created_by_name, created_by_agency,
			updated_at, updated_by_name, updated_by_agency, workspace_id, case_id, item_id, attachment_id, shows, shareable, version FROM attachment_reviews`,
		"showing something else": `UPDATE attachment_reviews SET shows = 'faces'`,
	} {
		err := s.Write(ctx, func(tx *Tx) error { _, err := tx.exec(stmt); return err })
		if err == nil {
			t.Errorf("%s: the store took it", name)
		}
	}
}
