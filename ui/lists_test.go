package ui

import (
	"context"
	"testing"

	"bollard/app"
	"bollard/model"
)

// slowEntityList is a workspace whose list of every kind of entity comes
// only when the test releases it: the slow read of a big workspace.
type slowEntityList struct {
	*app.Workspace
	release chan struct{}
}

func (s *slowEntityList) EntityList(ctx context.Context, kind model.EntityKind) ([]model.EntityRow, error) {
	if kind == "" {
		<-s.release
	}
	return s.Workspace.EntityList(ctx, kind)
}

func TestEntitiesScreenShowsTheLatestFilter(t *testing.T) {
	ws := mustOpen(t)
	mustSetOfficer(t, ws)
	mustCreateEntity(t, ws, model.Entity{Kind: model.KindVessel, Name: "MSC AURORA", Identifiers: model.Identifiers{IMO: "9074729"}})
	mustCreateEntity(t, ws, model.Entity{Kind: model.KindOrganisation, Name: "Atlas Freight Ltd", Country: "GB"})
	mustCreateEntity(t, ws, model.Entity{Kind: model.KindPerson, Name: "FERRER, Jordi"})
	slow := &slowEntityList{Workspace: ws, release: make(chan struct{})}
	win := newTestWindow(t)
	bg := newTestBackground(t)
	s, kind := newEntitiesScreen(slow, win, bg, func(string) {})
	win.SetContent(s.content)

	bg.updates.Lock()                                           // the answers' widget updates wait for the officer's choice, as on the UI goroutine
	s.load()                                                    // every kind: waits for the release
	kind.SetSelected(entityKindChoices.label(model.KindVessel)) // answers at once
	bg.updates.Unlock()
	waitFor(t, bg, "the vessels", func() bool { return s.count.Text == "1 entity" })
	close(slow.release) // now the answer for every kind comes, after the one for vessels
	bg.wait()

	if got := s.count.Text; got != "1 entity" {
		t.Errorf("under “Vessel” the count says %q", got)
	}
	if len(s.rows) != 1 || s.rows[0].Entity.Name != "MSC AURORA" {
		t.Errorf("under “Vessel” the screen shows %d rows: %+v", len(s.rows), s.rows)
	}
}

func TestAmountRoundsOnce(t *testing.T) {
	for _, c := range []struct {
		in           float64
		amount, cash string
	}{
		{1.999, "2", "2"},
		{0.996, "1", "1"},
		{999.995, "1,000", "1,000"},
		{1234567.891, "1,234,567.89", "1,234,567.89"},
		{1250.5, "1,250.5", "1,250.50"},
		{0.35, "0.35", "0.35"},
		{1200, "1,200", "1,200"},
		{0.004, "0", "0"},
		{-1.999, "-2", "-2"},
		{-0.5, "-0.5", "-0.50"},
		{-0.001, "0", "0"},
	} {
		t.Run(formatNumber(c.in), func(t *testing.T) {
			if got := amount(c.in); got != c.amount {
				t.Errorf("amount(%v) = %q, want %q", c.in, got, c.amount)
			}
			if got := moneyAmount(c.in); got != c.cash {
				t.Errorf("moneyAmount(%v) = %q, want %q", c.in, got, c.cash)
			}
		})
	}
	if got := valueText(model.Seizure{EstimatedValue: 1250.5, Currency: "EUR"}); got != "1,250.50 EUR" {
		t.Errorf("valueText = %q", got)
	}
}
