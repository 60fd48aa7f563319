package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"bollard/model"
)

// An officer says what an attached photo shows and clears it for
// non-nominal dossiers from the exhibit's detail; each change is saved at
// once, as a change of the one review.
func TestReviewAFileFromTheExhibit(t *testing.T) {
	m, v := openCaseView(t, "Evidence")
	ws := m.own.ws
	photo, _ := writePhoto(t)
	x, err := ws.AddEvidence(context.Background(), model.EvidenceItem{CaseID: v.file.Case.ID, Kind: model.EvidencePhoto,
		Description: "Dockers at the quay"}, photo)
	if err != nil {
		t.Fatal(err)
	}
	v.reload()
	m.bg.wait()
	tab := v.evidence
	// Each of the officer's actions is run as a background update is, one
	// at a time with them: the test driver runs the updates on their own
	// goroutines, where the window runs both on its one.
	m.bg.do(func() { tab.list.Select(0) })
	m.bg.wait()
	c := tab.detail.reviews[x.Attachments[0].ID]
	if c == nil {
		t.Fatal("the file has no review controls")
	}
	if c.shows.Selected != "" || !c.shareable.Disabled() || c.status.Text != "withheld from non-nominal dossiers until reviewed" {
		t.Fatalf("a file never reviewed shows %q, shareable enabled %v, %q", c.shows.Selected, !c.shareable.Disabled(), c.status.Text)
	}

	m.bg.do(func() { c.shows.SetSelected("Persons") })
	m.bg.wait()
	saved, err := ws.Exhibit(context.Background(), x.ExhibitRef)
	if err != nil {
		t.Fatal(err)
	}
	r := saved.Reviews[x.Attachments[0].ID]
	if r.Shows != model.ShowsPersons || r.Shareable || r.Version != 1 {
		t.Fatalf("saved %+v", r)
	}
	if c.shareable.Disabled() || c.status.Text != "withheld from non-nominal dossiers" {
		t.Fatalf("after persons: shareable disabled %v, %q", c.shareable.Disabled(), c.status.Text)
	}

	m.bg.do(func() { test.Tap(c.shareable) })
	m.bg.wait()
	saved, _ = ws.Exhibit(context.Background(), x.ExhibitRef)
	if r := saved.Reviews[x.Attachments[0].ID]; !r.Shareable || r.Version != 2 {
		t.Fatalf("after shareable: %+v", r)
	}
	if c.status.Text != "printed in non-nominal dossiers" {
		t.Errorf("status %q", c.status.Text)
	}
}
