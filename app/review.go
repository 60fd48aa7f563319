package app

import (
	"context"
	"errors"

	"bollard/model"
)

// ReviewAttachment records what an attached file shows and whether it may
// go into a non-nominal dossier, creating the file's review or changing it.
func (w *Workspace) ReviewAttachment(ctx context.Context, r model.AttachmentReview) (model.AttachmentReview, error) {
	return r, errors.New("attachment reviews: not built yet (issue 15 contract)")
}
