package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/model"
)

// reviewControls are an attached file's review, under the file in the
// exhibit's detail: what it shows, and whether a non-nominal dossier may
// print it all the same. A change is saved at once, in the background; a
// file never reviewed is withheld from non-nominal dossiers, as one of a
// person is, until the officer says otherwise.
type reviewControls struct {
	tab    *evidenceTab
	x      app.Exhibit
	a      model.Attachment
	review model.AttachmentReview // as last saved; ID "" when never reviewed

	shows     *widget.Select
	shareable *widget.Check
	status    *widget.Label
	box       fyne.CanvasObject
}

// The choices of what a file shows, as the select offers them.
var showsChoices = []model.FileShows{model.ShowsNothingPersonal, model.ShowsPersons, model.ShowsIdentityDocument}

func newReviewControls(tab *evidenceTab, x app.Exhibit, a model.Attachment) *reviewControls {
	c := &reviewControls{tab: tab, x: x, a: a, review: x.Reviews[a.ID]}
	options := make([]string, len(showsChoices))
	for i, s := range showsChoices {
		options[i] = capitalize(s.Label())
	}
	c.shows = &widget.Select{Options: options, PlaceHolder: "Not reviewed"}
	c.shareable = &widget.Check{Text: "Shareable in non-nominal dossiers"}
	c.status = &widget.Label{Importance: widget.LowImportance}
	c.set()
	c.shows.OnChanged = func(string) { c.onChange() }
	c.shareable.OnChanged = func(bool) { c.onChange() }
	// The select as wide as its longest choice, so that none is cut.
	wide := container.NewGridWrap(fyne.NewSize(210, c.shows.MinSize().Height), c.shows)
	c.box = container.NewVBox(
		container.NewHBox(&widget.Label{Text: "Shows", TextStyle: fyne.TextStyle{Bold: true}}, wide, c.shareable),
		c.status)
	return c
}

// set shows the review as last saved, without saving it again.
func (c *reviewControls) set() {
	onShows, onShare := c.shows.OnChanged, c.shareable.OnChanged
	c.shows.OnChanged, c.shareable.OnChanged = nil, nil
	defer func() { c.shows.OnChanged, c.shareable.OnChanged = onShows, onShare }()
	c.shows.ClearSelected()
	for i, s := range showsChoices {
		if c.review.ID != "" && c.review.Shows == s {
			c.shows.SetSelectedIndex(i)
		}
	}
	c.shareable.SetChecked(c.review.Shareable)
	// Shareable clears a file that shows persons or a document; a file
	// showing nothing personal is printed anyway.
	if c.review.ID == "" || c.review.Shows == model.ShowsNothingPersonal {
		c.shareable.Disable()
	} else {
		c.shareable.Enable()
	}
	switch {
	case c.review.ID == "":
		c.status.SetText("withheld from non-nominal dossiers until reviewed")
	case c.review.Cleared():
		c.status.SetText("printed in non-nominal dossiers")
	default:
		c.status.SetText("withheld from non-nominal dossiers")
	}
}

// onChange saves what the officer chose. The controls wait while it is
// saved, so that a second change is made over the first, not beside it.
func (c *reviewControls) onChange() {
	i := c.shows.SelectedIndex()
	if i < 0 {
		return
	}
	r := c.review
	r.CaseID, r.ItemID, r.AttachmentID = c.x.Item.CaseID, c.x.Item.ID, c.a.ID
	r.Shows, r.Shareable = showsChoices[i], c.shareable.Checked && showsChoices[i] != model.ShowsNothingPersonal
	c.shows.Disable()
	c.shareable.Disable()
	c.status.SetText("Saving…")
	inBackground(c.tab.bg, func(ctx context.Context) (model.AttachmentReview, error) {
		return c.tab.store.ReviewAttachment(ctx, r)
	}, func(saved model.AttachmentReview, err error) {
		c.shows.Enable()
		if err != nil {
			c.set()
			showError(c.tab.win, "save the review of "+c.a.Name, err)
			return
		}
		c.review = saved
		if c.x.Reviews != nil {
			c.x.Reviews[c.a.ID] = saved // the case file's copy, which the tab shows again
		}
		c.set()
	})
}
