package app

import (
	"context"
	"fmt"
	"time"

	"bollard/model"
)

// AddCustodyEvent adds an event to an exhibit's chain of custody (ev.ItemID).
//
// What an officer leaves out is filled in as the chain says it must be: the
// exhibit passes from whoever held it after the last event, the officer
// recording a seizure, seal or receipt is the one who now holds it, and an
// event with no time happened now. An exhibit that was returned or destroyed
// takes no further event, and a correction must name an earlier event of
// the same exhibit: nothing already recorded is ever edited.
func (b *Batch) AddCustodyEvent(ev *model.CustodyEvent) error { return b.add(ev) }

// continueChain readies an officer's new event as the next of its
// exhibit's chain; see AddCustodyEvent.
func continueChain(b *Batch, ev *model.CustodyEvent, at *where) error {
	item := at.exhibit.Item
	history, err := b.tx.CustodyEvents(item.ID)
	if err != nil {
		return err
	}
	at.exhibit.Custody = history
	x := at.exhibit
	if ev.Corrects != "" && !hasEvent(history, ev.Corrects) {
		return model.Invalid("corrects", ev.Corrects, "should be an earlier custody event of exhibit %s", item.ExhibitRef)
	}
	// A correction puts the record right, whatever the chain's state; any
	// other event moves the exhibit, which a closed chain no longer allows.
	if end, ok := x.Closed(); ok && ev.Corrects == "" {
		return fmt.Errorf("exhibit %s was %s on %s: its chain of custody is closed and takes no further event (a mistake in it is put right with a correction)",
			item.ExhibitRef, end.Action.Label(), end.At.Format("2006-01-02 15:04"))
	}
	if ev.At.IsZero() {
		ev.At = b.now
	}
	if ev.From == (model.Author{}) {
		ev.From = x.Holder()
	}
	if ev.To.Name == "" && takesHold(ev.Action) {
		ev.To = b.officer.Author()
	}
	return nil
}

// inOrder checks a validated event against the chain continueChain read.
func inOrder(_ *Batch, ev *model.CustodyEvent, at *where) error { return checkOrder(at.exhibit, *ev) }

// correctsRecorded checks that an event recorded elsewhere corrects an
// event this workspace holds, if it corrects one.
func correctsRecorded(b *Batch, ev *model.CustodyEvent, at *where) error {
	if ev.Corrects == "" {
		return nil
	}
	if _, err := b.tx.CustodyEventByID(ev.Corrects); err != nil {
		return model.Invalid("corrects", ev.Corrects, "should be an earlier custody event of exhibit %s", at.exhibit.Item.ExhibitRef)
	}
	return nil
}

// checkOrder keeps the chain in the order things happened: nothing before
// the exhibit was acquired, and no new event before the chain's latest. An
// event recorded late, or wrongly, is put right with a correction, which
// may be dated earlier.
func checkOrder(x Exhibit, ev model.CustodyEvent) error {
	when := func(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 UTC") }
	if acquired := x.Item.AcquiredAt; !acquired.IsZero() && model.WhenBefore(ev.At, acquired) {
		return model.Invalid("when", when(ev.At), "is before exhibit %s was acquired (%s)", x.Item.ExhibitRef, when(acquired))
	}
	if last, ok := x.last(); ok && ev.Corrects == "" && model.WhenBefore(ev.At, last.At) {
		return model.Invalid("when", when(ev.At), "is before the chain's latest event (%s, %s): custody is recorded in the order it happened; put an earlier event right with a correction",
			last.Action.Label(), when(last.At))
	}
	return nil
}

// takesHold reports whether the officer recording the action is, unless
// named otherwise, the one holding the exhibit after it.
func takesHold(a model.CustodyAction) bool {
	return a == model.CustodySeized || a == model.CustodySealed || a == model.CustodyReceived
}

func hasEvent(events []model.CustodyEvent, id string) bool {
	for _, ev := range events {
		if ev.ID == id {
			return true
		}
	}
	return false
}

// AddCustodyEvent adds a custody event on its own; see Batch.AddCustodyEvent.
func (w *Workspace) AddCustodyEvent(ctx context.Context, ev model.CustodyEvent) (model.CustodyEvent, error) {
	return change(ctx, w, ev, (*Batch).AddCustodyEvent)
}
