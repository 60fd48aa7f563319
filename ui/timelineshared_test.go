package ui

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"bollard/app"
	"bollard/app/demo"
	"bollard/model"
)

// TestTimelineIsTheCaseTimeline: the Timeline tab lists exactly the
// entries of app.CaseTimeline, in its order, the same list the dossier
// prints: events, seizures and custody events alike.
func TestTimelineIsTheCaseTimeline(t *testing.T) {
	test.NewTempApp(t)
	ctx := context.Background()
	w, err := app.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := demo.Fill(ctx, w, demo.Options{Cases: 8, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	cases, err := w.Cases(ctx, model.CaseFilter{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	tab := newTimelineTab(nil, nil, nil, func() {})
	custody := 0
	for _, c := range cases {
		f, err := w.CaseFile(ctx, c.Ref)
		if err != nil {
			t.Fatal(err)
		}
		entries := app.CaseTimeline(f)
		tab.show(f)
		lines := tab.texts()
		if len(lines) != len(entries) {
			t.Fatalf("%s: the tab shows %d lines, the case's timeline has %d entries", c.Ref, len(lines), len(entries))
		}
		for i, e := range entries {
			if tab.lines[i].kind != e.Kind || !tab.lines[i].at.Equal(e.At) {
				t.Errorf("%s line %d: %q is not entry %d of the case's timeline", c.Ref, i+1, lines[i], i+1)
			}
			if e.Kind == app.TimelineCustody {
				custody++
			}
		}
	}
	if custody == 0 {
		t.Fatal("no demo case has custody events in its timeline")
	}
}
