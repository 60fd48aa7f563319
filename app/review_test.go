package app_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bollard/app"
	"bollard/model"
	"bollard/storage/storagetest"
)

// exhibitWithFiles records an exhibit of the case with two files attached.
func exhibitWithFiles(t *testing.T, w *app.Workspace, c model.Case) model.EvidenceItem {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for i, name := range []string{"IMG_2041.jpg", "passport_Munoz-Rojas.jpg"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("\xFF\xD8\xFF\xE0 picture "+string(rune('a'+i))), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	x, err := w.AddEvidence(ctx, model.EvidenceItem{CaseID: c.ID, Kind: model.EvidencePhoto, Description: "Photographs at the quay"}, paths...)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func TestReviewAttachment(t *testing.T) {
	w := mustOpen(t)
	c := mustCreateCase(t, w, "Cocaine in bananas")
	x := exhibitWithFiles(t, w, c)
	passport := x.Attachments[1]

	r, err := w.ReviewAttachment(ctx, model.AttachmentReview{CaseID: c.ID, ItemID: x.ID, AttachmentID: passport.ID, Shows: model.ShowsIdentityDocument})
	if err != nil {
		t.Fatal(err)
	}
	if r.ID != model.ReviewID(passport.ID) || r.Version != 1 || r.CreatedBy.Name != "M. Torres" {
		t.Fatalf("review %+v", r)
	}

	t.Run("a second review changes the first", func(t *testing.T) {
		w.Now = func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC) }
		again, err := w.ReviewAttachment(ctx, model.AttachmentReview{CaseID: c.ID, ItemID: x.ID, AttachmentID: passport.ID,
			Shows: model.ShowsIdentityDocument, Shareable: true})
		if err != nil {
			t.Fatal(err)
		}
		if again.ID != r.ID || again.Version != 2 || !again.Shareable || !again.CreatedAt.Equal(r.CreatedAt) {
			t.Fatalf("the changed review %+v", again)
		}
		if _, err := w.ReviewAttachment(ctx, r); err == nil {
			t.Error("a review saved over a newer one was taken")
		}
	})

	t.Run("the case file and the exhibit carry the reviews", func(t *testing.T) {
		f, err := w.CaseFile(ctx, c.Ref)
		if err != nil {
			t.Fatal(err)
		}
		got := f.Evidence[0].Reviews
		if len(got) != 1 || !got[passport.ID].Shareable {
			t.Fatalf("case file reviews %+v", got)
		}
		ex, err := w.Exhibit(ctx, x.ExhibitRef)
		if err != nil || len(ex.Reviews) != 1 || ex.Reviews[passport.ID].Shows != model.ShowsIdentityDocument {
			t.Fatalf("exhibit reviews %+v, %v", ex.Reviews, err)
		}
	})

	t.Run("a file of another exhibit or case is refused", func(t *testing.T) {
		other := mustCreateCase(t, w, "Cigarettes at Dover")
		y := exhibitWithFiles(t, w, other)
		for _, tc := range []struct {
			name string
			bad  model.AttachmentReview
			want string
		}{
			{"file of another exhibit", model.AttachmentReview{CaseID: c.ID, ItemID: x.ID, AttachmentID: y.Attachments[0].ID, Shows: model.ShowsPersons},
				"is not a file attached to exhibit " + x.ExhibitRef},
			{"exhibit of another case", model.AttachmentReview{CaseID: c.ID, ItemID: y.ID, AttachmentID: y.Attachments[0].ID, Shows: model.ShowsPersons},
				`exhibit "` + y.ExhibitRef + `": is not an exhibit of case ` + c.Ref},
			{"no such exhibit", model.AttachmentReview{CaseID: c.ID, ItemID: model.NewID(), AttachmentID: x.Attachments[0].ID, Shows: model.ShowsPersons},
				"is not an exhibit of this workspace"},
			{"what it shows missing", model.AttachmentReview{CaseID: c.ID, ItemID: x.ID, AttachmentID: x.Attachments[0].ID}, "shows"},
		} {
			if _, err := w.ReviewAttachment(ctx, tc.bad); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s: %v, want an error saying %q", tc.name, err, tc.want)
			}
		}
	})

	t.Run("audited and verified", func(t *testing.T) {
		entries, err := w.CaseHistory(ctx, c.Ref)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, e := range entries {
			if strings.Contains(e.Text, "review of attachment "+passport.ID) {
				n++
			}
		}
		if n != 2 {
			t.Errorf("the case's history has %d entries about the review, want 2", n)
		}
		if v := mustVerify(t, w, nil); !v.OK() {
			t.Fatalf("verify: %q", v.Problems)
		}
	})

	t.Run("an archived case is not reviewed", func(t *testing.T) {
		if _, err := w.ArchiveCase(ctx, c.Ref); err != nil {
			t.Fatalf("archive: %v", err)
		}
		if _, err := w.ReviewAttachment(ctx, model.AttachmentReview{CaseID: c.ID, ItemID: x.ID, AttachmentID: x.Attachments[0].ID,
			Shows: model.ShowsNothingPersonal}); err == nil || !strings.Contains(err.Error(), "archived") {
			t.Errorf("a file of an archived case was reviewed: %v", err)
		}
	})
}

// A workspace from before reviews (0009) opens with the table added, its
// files unreviewed, and reviews from then on verify clean.
func TestReviewsOnAWorkspaceFromBefore0009(t *testing.T) {
	path := filepath.Join(t.TempDir(), "before.db")
	w, err := app.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.SetOfficer(ctx, model.Officer{Name: "M. Torres", Agency: "SVA", Country: "ES", RefPrefix: "esa"}); err != nil {
		t.Fatal(err)
	}
	c := mustCreateCase(t, w, "Cocaine in bananas")
	x := exhibitWithFiles(t, w, c)
	w.Close()
	storagetest.Downgrade(t, path, 8)

	w, err = app.Open(ctx, path)
	if err != nil {
		t.Fatalf("open a workspace from before reviews: %v", err)
	}
	t.Cleanup(func() { w.Close() })
	if v := mustVerify(t, w, nil); !v.OK() {
		t.Fatalf("verify after the migration: %q", v.Problems)
	}
	ex, err := w.Exhibit(ctx, x.ExhibitRef)
	if err != nil || len(ex.Reviews) != 0 {
		t.Fatalf("an old exhibit's reviews: %+v, %v", ex.Reviews, err)
	}
	if _, err := w.ReviewAttachment(ctx, model.AttachmentReview{CaseID: c.ID, ItemID: x.ID, AttachmentID: x.Attachments[0].ID,
		Shows: model.ShowsNothingPersonal}); err != nil {
		t.Fatal(err)
	}
	if v := mustVerify(t, w, nil); !v.OK() {
		t.Fatalf("verify after a review: %q", v.Problems)
	}
}
