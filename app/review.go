package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"bollard/model"
	"bollard/storage"
)

// ReviewAttachment records what an attached file shows and whether it may
// go into a non-nominal dossier, creating the file's review or changing it.
// The review names its case, exhibit and attachment; a file that is not
// attached to that exhibit of that case is refused, naming what is wrong.
// A review read before (r.Version set) is refused when somebody changed it
// since, as any edit is; one made afresh (Version 0) is the officer's
// decision now, whatever was decided before.
func (w *Workspace) ReviewAttachment(ctx context.Context, r model.AttachmentReview) (model.AttachmentReview, error) {
	return change(ctx, w, r, (*Batch).ReviewAttachment)
}

// ReviewAttachment creates or changes the review of an attached file; see
// Workspace.ReviewAttachment.
func (b *Batch) ReviewAttachment(r *model.AttachmentReview) error {
	if r.AttachmentID == "" {
		return model.Invalid("attachment", "", "is required")
	}
	r.ID = model.ReviewID(r.AttachmentID)
	stored, err := b.tx.AttachmentReviewByID(r.ID)
	switch {
	case errors.Is(err, model.ErrNotFound):
		return b.add(r)
	case err != nil:
		return err
	}
	if r.Version == 0 {
		r.Version = stored.Version
	}
	if r.CaseID != stored.CaseID || r.ItemID != stored.ItemID {
		// The file's review is of the exhibit it was made on; say so
		// rather than keep the stored one silently.
		if err := b.reviewedFile(r, nil); err != nil {
			return err
		}
	}
	return b.update(r)
}

// locateReview finds the case a review is in, refusing an archived one,
// and the exhibit its file is attached to, which must be of that case.
func locateReview(b *Batch, rec model.Recorded) (where, error) {
	r := rec.(*model.AttachmentReview)
	if err := r.Validate(); err != nil {
		return where{}, err
	}
	c, err := b.activeCase(r.CaseID)
	if err != nil {
		return where{}, err
	}
	at := where{c: c}
	return at, b.reviewedFile(r, &at)
}

// reviewedFile refuses a review whose exhibit is not of its case, or
// whose file is not attached to that exhibit.
func (b *Batch) reviewedFile(r *model.AttachmentReview, at *where) error {
	item, err := b.tx.EvidenceByID(r.ItemID)
	if errors.Is(err, model.ErrNotFound) {
		return model.Invalid("exhibit", r.ItemID, "is not an exhibit of this workspace")
	}
	if err != nil {
		return err
	}
	c, err := b.tx.CaseByID(r.CaseID)
	if err != nil {
		return err
	}
	if item.CaseID != r.CaseID {
		return model.Invalid("exhibit", item.ExhibitRef, "is not an exhibit of case %s", c.Ref)
	}
	found := false
	for _, a := range item.Attachments {
		found = found || a.ID == r.AttachmentID
	}
	if !found {
		return model.Invalid("attachment", r.AttachmentID, "is not a file attached to exhibit %s", item.ExhibitRef)
	}
	if at != nil {
		at.exhibit = Exhibit{Item: item}
	}
	return nil
}

// prepareReview gives a new review the ID every workspace gives the review
// of that file.
func prepareReview(_ *Batch, r *model.AttachmentReview, _ *where) error {
	if r.ID == "" && r.AttachmentID != "" {
		r.ID = model.ReviewID(r.AttachmentID)
	}
	return nil
}

// prepareIncomingReview ties a partner's review to the file here. The
// same file attached on both sides under two attachment IDs is one file
// here (exhibitMerged keeps ours), so their review of it is a version of
// the review of ours. Two agencies that reviewed one file apart made one
// record (model.ReviewID) at two moments: ours stays its creation, and
// theirs was saved no earlier than that here.
func prepareIncomingReview(m *merger, r *model.AttachmentReview) error {
	if ours, ok := m.attachments[r.AttachmentID]; ok && ours != r.AttachmentID {
		theirID := r.ID
		r.AttachmentID, r.ID = ours, model.ReviewID(ours)
		m.sameRecord(theirID, r.ID)
	}
	here, err := m.b.tx.AttachmentReviewByID(r.ID)
	if errors.Is(err, model.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if r.UpdatedAt.Before(here.CreatedAt) {
		r.UpdatedAt = here.CreatedAt
	}
	return nil
}

// exhibitReviews reads the reviews of an exhibit's files, by attachment.
func exhibitReviews(tx *storage.Tx, itemID string) (map[string]model.AttachmentReview, error) {
	list, err := tx.ExhibitReviews(itemID)
	if err != nil {
		return nil, err
	}
	return reviewsByAttachment(list), nil
}

func reviewsByAttachment(list []model.AttachmentReview) map[string]model.AttachmentReview {
	out := make(map[string]model.AttachmentReview, len(list))
	for _, r := range list {
		out[r.AttachmentID] = r
	}
	return out
}

// File finds the exhibit's attached file an officer names: by its name,
// or by its SHA-256 or the first characters of it (at least four). What
// fits several files is refused, listing them, as is what fits none.
func (x Exhibit) File(name string) (model.Attachment, error) {
	name = strings.TrimSpace(name)
	files := x.Item.Attachments
	var fits []model.Attachment
	for _, a := range files {
		if a.Name == name {
			fits = append(fits, a)
		}
	}
	if hex := strings.ToLower(name); len(fits) == 0 && len(hex) >= 4 {
		for _, a := range files {
			if strings.HasPrefix(a.SHA256, hex) {
				fits = append(fits, a)
			}
		}
	}
	switch len(fits) {
	case 1:
		return fits[0], nil
	case 0:
		return model.Attachment{}, fmt.Errorf("exhibit %s has no file %q: name one of its files, or give its SHA-256 or the first characters of it%s",
			x.Item.ExhibitRef, name, fileList(files))
	}
	return model.Attachment{}, fmt.Errorf("%q fits %d files of exhibit %s: give more of the SHA-256%s",
		name, len(fits), x.Item.ExhibitRef, fileList(fits))
}

// fileList lists files for an error, on one line, each by its SHA-256 and
// its name.
func fileList(files []model.Attachment) string {
	if len(files) == 0 {
		return " (it has no files)"
	}
	list := make([]string, len(files))
	for i, a := range files {
		list[i] = a.SHA256 + " " + a.Name
	}
	return ": " + strings.Join(list, "; ")
}
