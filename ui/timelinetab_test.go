package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

func TestTimelineInterleavesEventsAndSeizures(t *testing.T) {
	m, v := openCaseView(t, "Timeline")
	ws := m.own.ws
	now := time.Now().Truncate(time.Minute)
	for _, at := range []time.Time{now.Add(-72 * time.Hour), now.Add(-2 * time.Hour)} {
		if _, err := ws.AddSeizure(context.Background(), seizureForTest(v.file.Case.ID, at)); err != nil {
			t.Fatal(err)
		}
	}
	v.reload()
	m.bg.wait()
	tab := v.timeline

	test.Tap(tab.add)
	f := tab.form
	between := now.Add(-24 * time.Hour)
	f.when.date.SetText(between.Format("2006-01-02"))
	f.when.clock.SetText(between.Format("15:04"))
	test.Type(f.title, "Controlled delivery")
	test.Type(f.place, "Warehouse of Transportes Ruiz, Algeciras")
	test.Tap(f.guard.save)
	m.bg.wait()

	lines := tab.texts()
	if len(lines) != 3 {
		t.Fatalf("timeline = %q, want 3 lines", lines)
	}
	for i, want := range []string{"SEIZURE SZ-0001", "EVENT Controlled delivery", "SEIZURE SZ-0002"} {
		if !strings.Contains(lines[i], want) {
			t.Errorf("line %d = %q, want %q", i+1, lines[i], want)
		}
	}
	if !strings.HasPrefix(lines[1], between.Format("2006-01-02 15:04")) {
		t.Errorf("the event's line %q does not start with its time", lines[1])
	}
	markup := test.RenderToMarkup(m.win.Canvas())
	for _, want := range []string{"Controlled delivery", "Warehouse of Transportes Ruiz, Algeciras", "EVENT", "SEIZURE", "oldest first"} {
		if !strings.Contains(markup, want) {
			t.Errorf("the Timeline tab does not show %q", want)
		}
	}

	tab.order.SetChecked(true)
	if lines := tab.texts(); !strings.Contains(lines[0], "SZ-0002") || !strings.Contains(tab.count.Text, "newest first") {
		t.Errorf("newest first: %q (%s)", lines, tab.count.Text)
	}
}

func TestEventInTheFutureIsRefused(t *testing.T) {
	_, v := openCaseView(t, "Timeline")
	test.Tap(v.timeline.add)
	f := v.timeline.form
	test.Type(f.title, "Arrest of the driver")
	f.when.date.SetText(time.Now().AddDate(0, 0, 2).Format("2006-01-02"))
	if msg := f.errs.message("when"); !strings.Contains(msg, "cannot be in the future") {
		t.Errorf("when message = %q", msg)
	}
	if !f.guard.save.Disabled() {
		t.Error("Save is enabled for an event in the future")
	}
	f.when.clock.SetText("25:00")
	f.when.date.SetText(time.Now().Format("2006-01-02"))
	if msg := f.errs.message("when"); !strings.Contains(msg, "HH:MM") {
		t.Errorf("when message for 25:00 = %q", msg)
	}
}
