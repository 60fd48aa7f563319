package exchange_test

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"bollard/app"
	"bollard/app/demo"
	"bollard/app/exchange"
	"bollard/model"
)

// exchangeContent exports the cases from one workspace and merges them into
// another, through the content document's JSON as it travels.
func exchangeContent(t *testing.T, from, to *app.Workspace, refs ...string) app.MergeSummary {
	t.Helper()
	return exportContent(t, from, refs...)(to)
}

// exportContent exports the cases now and returns what merges them, later,
// into another workspace.
func exportContent(t *testing.T, from *app.Workspace, refs ...string) func(to *app.Workspace) app.MergeSummary {
	t.Helper()
	x, err := exchange.BuildContent(ctx, from, refs...)
	if err != nil {
		t.Fatalf("build content: %v", err)
	}
	data, err := x.Content.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Remember(ctx, from); err != nil {
		t.Fatal(err)
	}
	paths := map[string]func() (io.ReadCloser, error){}
	for _, f := range x.Files {
		paths[f.SHA256] = f.Open
	}
	return func(to *app.Workspace) app.MergeSummary {
		t.Helper()
		c, err := exchange.ReadContent(data)
		if err != nil {
			t.Fatalf("read content: %v", err)
		}
		sum, err := to.Merge(ctx, c.Bundle(), app.MergeOptions{File: func(sha string) (io.ReadCloser, error) {
			return paths[sha]()
		}})
		if err != nil {
			t.Fatalf("merge: %v", err)
		}
		return sum
	}
}

// demoCase fills a workspace with demo cases and returns the ref of one
// with exhibits, a real file attached to its first (and no other: the
// demo's photographs are left out).
func demoCase(t *testing.T, w *app.Workspace) string {
	t.Helper()
	if _, err := demo.Fill(ctx, w, demo.Options{Cases: 8, Seed: 7, WithoutPhotographs: true}); err != nil {
		t.Fatal(err)
	}
	cases, err := w.Cases(ctx, model.CaseFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		f, err := w.CaseFile(ctx, c.Ref)
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Evidence) == 0 || len(f.Seizures) < 2 || c.Status == model.StatusArchived {
			continue
		}
		photo := filepath.Join(t.TempDir(), "container-scan.jpg")
		if err := os.WriteFile(photo, append([]byte("\xFF\xD8\xFF"), []byte("scanner image of MSKU container, seal intact")...), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := w.AttachFiles(ctx, f.Evidence[0].Item.ID, photo); err != nil {
			t.Fatal(err)
		}
		return c.Ref
	}
	t.Fatal("the demo made no case with exhibits and seizures")
	return ""
}

func caseFile(t *testing.T, w *app.Workspace, ref string) app.CaseFile {
	t.Helper()
	f, err := w.CaseFile(ctx, ref)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func verified(t *testing.T, w *app.Workspace) {
	t.Helper()
	v, err := w.Verify(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !v.OK() {
		t.Fatalf("the workspace does not verify: %v", v.Problems)
	}
}

func asJSON(v any) string {
	b, _ := json.MarshalIndent(v, "", " ")
	return string(b)
}

func TestContentRoundTrip(t *testing.T) {
	a, b := mustOpen(t, "BEC"), mustOpen(t, "ESA")
	ref := demoCase(t, a)
	sum := exchangeContent(t, a, b, ref)
	if sum.Added == 0 || sum.Updated != 0 || sum.Conflicts != 0 || sum.Files != 1 {
		t.Fatalf("summary %+v: want everything added and the file", sum)
	}
	want, got := caseFile(t, a, ref), caseFile(t, b, ref)
	if asJSON(want) != asJSON(got) {
		t.Fatalf("the case differs after the round trip:\nwant %s\ngot  %s", asJSON(want), asJSON(got))
	}
	for _, x := range got.Evidence {
		for _, at := range x.Item.Attachments {
			if _, err := os.Stat(b.AttachmentPath(at.SHA256)); err != nil {
				t.Fatalf("file %s not in the new workspace: %v", at.Name, err)
			}
		}
	}
	verified(t, b)
	foreign, err := b.ForeignAudit(ctx, got.Case.ID)
	if err != nil || len(foreign) == 0 {
		t.Fatalf("the other side's audit entries were not kept: %d, %v", len(foreign), err)
	}

	t.Run("twice is a no-op", func(t *testing.T) {
		head, _ := b.AuditHead(ctx)
		again := exchangeContent(t, a, b, ref)
		if again.Added+again.Updated+again.Conflicts+again.Files+again.AuditEntries != 0 || again.Unchanged != sum.Added {
			t.Fatalf("second import: %+v, want all %d unchanged", again, sum.Added)
		}
		if after, _ := b.AuditHead(ctx); after.Seq != head.Seq {
			t.Fatalf("the second import changed records: audit %d → %d", head.Seq, after.Seq)
		}
	})
	t.Run("back again is a no-op", func(t *testing.T) {
		head, _ := a.AuditHead(ctx)
		back := exchangeContent(t, b, a, ref)
		if back.Added+back.Updated+back.Conflicts != 0 {
			t.Fatalf("import back: %+v, want all unchanged", back)
		}
		if after, _ := a.AuditHead(ctx); after.Seq != head.Seq {
			t.Fatalf("importing the case back changed records: audit %d → %d", head.Seq, after.Seq)
		}
	})
}

func TestMergeEditsOnBothSides(t *testing.T) {
	a, b := mustOpen(t, "BEC"), mustOpen(t, "ESA")
	ref := demoCase(t, a)
	exchangeContent(t, a, b, ref)
	s := caseFile(t, a, ref).Seizures[0]
	other := caseFile(t, a, ref).Seizures[1]

	// A changes the quantity and the notes; B the place and the notes.
	sa := s
	sa.Quantity, sa.Notes = s.Quantity+10, "A: weighed again at the lab"
	if _, err := a.UpdateSeizure(ctx, sa); err != nil {
		t.Fatal(err)
	}
	sb, _ := b.Seizure(ctx, s.ID)
	sb.PlaceName, sb.Notes = "Terminal TCB, Algeciras", "B: second sample sent"
	if _, err := b.UpdateSeizure(ctx, sb); err != nil {
		t.Fatal(err)
	}
	// B alone changes another seizure.
	ob, _ := b.Seizure(ctx, other.ID)
	ob.Concealment = "rip-on/rip-off in the reefer unit"
	if _, err := b.UpdateSeizure(ctx, ob); err != nil {
		t.Fatal(err)
	}

	// Each side sends its package before receiving the other's.
	fromA, fromB := exportContent(t, a, ref), exportContent(t, b, ref)
	sum := fromB(a)
	if sum.Conflicts != 1 || sum.Updated != 1 {
		t.Fatalf("B → A: %+v, want one conflict and one update", sum)
	}
	conflicts, err := a.Conflicts(ctx, ref)
	if err != nil {
		t.Fatal(err)
	}
	if len(conflicts) != 1 || conflicts[0].RecordID != s.ID || !slices.Equal(conflictFields(conflicts[0]), []string{"notes"}) {
		t.Fatalf("conflicts %s, want seizure %s notes only", asJSON(conflicts), s.Ref)
	}
	merged, _ := a.Seizure(ctx, s.ID)
	if merged.Quantity != sa.Quantity || merged.PlaceName != sb.PlaceName || merged.Notes != sa.Notes {
		t.Fatalf("merged seizure: quantity %v place %q notes %q; want A's quantity, B's place, A's notes kept",
			merged.Quantity, merged.PlaceName, merged.Notes)
	}
	if got, _ := a.Seizure(ctx, other.ID); got.Concealment != ob.Concealment {
		t.Fatalf("B's change of the other seizure was not taken: %q", got.Concealment)
	}
	verified(t, a)

	t.Run("the same package again raises nothing new", func(t *testing.T) {
		again := exchangeContent(t, b, a, ref)
		if again.Added+again.Updated+again.Conflicts != 0 {
			t.Fatalf("again: %+v", again)
		}
	})

	t.Run("A's package at B: the same field conflicts there", func(t *testing.T) {
		sum := fromA(b)
		if sum.Conflicts != 1 {
			t.Fatalf("A → B: %+v, want one conflict", sum)
		}
		cs, _ := b.Conflicts(ctx, "")
		if len(cs) != 1 || !slices.Equal(conflictFields(cs[0]), []string{"notes"}) {
			t.Fatalf("B's conflicts %s", asJSON(cs))
		}
		got, _ := b.Seizure(ctx, s.ID)
		if got.Quantity != sa.Quantity || got.PlaceName != sb.PlaceName || got.Notes != sb.Notes {
			t.Fatalf("B's seizure after merge: %v %q %q", got.Quantity, got.PlaceName, got.Notes)
		}
	})

	t.Run("take theirs", func(t *testing.T) {
		cs, _ := a.Conflicts(ctx, ref)
		v, err := a.ResolveConflict(ctx, cs[0].ID, app.TakeTheirs)
		if err != nil {
			t.Fatal(err)
		}
		if v.Resolution != app.TakeTheirs {
			t.Fatalf("resolution %q", v.Resolution)
		}
		got, _ := a.Seizure(ctx, s.ID)
		if got.Notes != sb.Notes {
			t.Fatalf("notes %q after taking theirs, want %q", got.Notes, sb.Notes)
		}
		if left, _ := a.Conflicts(ctx, ""); len(left) != 0 {
			t.Fatalf("conflicts left: %s", asJSON(left))
		}
		if _, err := a.ResolveConflict(ctx, cs[0].ID, app.KeepMine); err == nil {
			t.Fatal("a settled conflict was settled again")
		}
		verified(t, a)
	})
	t.Run("keep mine", func(t *testing.T) {
		cs, _ := b.Conflicts(ctx, "")
		if _, err := b.ResolveConflict(ctx, cs[0].ID, app.KeepMine); err != nil {
			t.Fatal(err)
		}
		if got, _ := b.Seizure(ctx, s.ID); got.Notes != sb.Notes {
			t.Fatalf("notes %q after keeping mine", got.Notes)
		}
		// Both sides now agree; another exchange raises nothing.
		if sum := exchangeContent(t, a, b, ref); sum.Conflicts != 0 {
			t.Fatalf("after settling: %+v", sum)
		}
		if sum := exchangeContent(t, b, a, ref); sum.Conflicts != 0 {
			t.Fatalf("after settling, back: %+v", sum)
		}
		if x, y := caseFile(t, a, ref).Seizures, caseFile(t, b, ref).Seizures; !reflect.DeepEqual(contentOf(x), contentOf(y)) {
			t.Fatalf("the two sides differ after settling")
		}
	})
}

func conflictFields(c app.ConflictView) []string {
	var out []string
	for _, f := range c.Fields {
		out = append(out, f.Name)
	}
	return out
}

// contentOf drops the last change of each seizure: who settled last differs.
func contentOf(list []model.Seizure) []model.Seizure {
	out := slices.Clone(list)
	for i := range out {
		out[i].UpdatedAt, out[i].UpdatedBy = out[i].CreatedAt, out[i].CreatedBy
		out[i].Version = 0 // each workspace counts its own saves
	}
	return out
}

func TestMergeOrderIndependent(t *testing.T) {
	origin, b, c := mustOpen(t, "BEC"), mustOpen(t, "ESA"), mustOpen(t, "PTA")
	ref := demoCase(t, origin)
	exchangeContent(t, origin, b, ref)
	exchangeContent(t, origin, c, ref)
	f := caseFile(t, origin, ref)
	s := f.Seizures[0]

	// B and C change different fields of one seizure, and add a note each.
	sb, _ := b.Seizure(ctx, s.ID)
	sb.HSCode = "120799"
	if _, err := b.UpdateSeizure(ctx, sb); err != nil {
		t.Fatal(err)
	}
	if _, err := b.AddNote(ctx, model.Note{CaseID: f.Case.ID, Body: "B: the consignee answered the summons"}); err != nil {
		t.Fatal(err)
	}
	sc, _ := c.Seizure(ctx, s.ID)
	sc.Concealment = "false floor of the container"
	if _, err := c.UpdateSeizure(ctx, sc); err != nil {
		t.Fatal(err)
	}
	if _, err := c.AddNote(ctx, model.Note{CaseID: f.Case.ID, Body: "C: lab result positive"}); err != nil {
		t.Fatal(err)
	}

	// Two copies of the origin's case receive both, in either order.
	one, two := mustOpen(t, "NLA"), mustOpen(t, "FRA")
	exchangeContent(t, origin, one, ref)
	exchangeContent(t, origin, two, ref)
	for _, s := range []app.MergeSummary{exchangeContent(t, b, one, ref), exchangeContent(t, c, one, ref),
		exchangeContent(t, c, two, ref), exchangeContent(t, b, two, ref)} {
		if s.Conflicts != 0 {
			t.Fatalf("independent changes conflicted: %+v", s)
		}
	}
	x, y := caseFile(t, one, ref), caseFile(t, two, ref)
	if asJSON(x) != asJSON(y) {
		t.Fatalf("the order of imports changed the result:\n%s\n%s", asJSON(x), asJSON(y))
	}
	got, _ := one.Seizure(ctx, s.ID)
	if got.HSCode != "120799" || got.Concealment != "false floor of the container" {
		t.Fatalf("merged seizure: %q %q", got.HSCode, got.Concealment)
	}
	if len(x.Notes) != len(f.Notes)+2 {
		t.Fatalf("%d notes, want the origin's %d and one from each side", len(x.Notes), len(f.Notes))
	}
}

func TestMergeRefusesInvalidWhole(t *testing.T) {
	a, b := mustOpen(t, "BEC"), mustOpen(t, "ESA")
	ref := demoCase(t, a)
	x, err := exchange.BuildContent(ctx, a, ref)
	if err != nil {
		t.Fatal(err)
	}
	x.Content.Seizures[len(x.Content.Seizures)-1].Currency = "XYZ"
	head, _ := b.AuditHead(ctx)
	if _, err := b.Merge(ctx, x.Content.Bundle(), app.MergeOptions{}); err == nil {
		t.Fatal("a seizure with currency XYZ was merged")
	}
	if after, _ := b.AuditHead(ctx); after.Seq != head.Seq {
		t.Fatal("a refused merge changed the workspace")
	}
	if n, _ := b.CountCases(ctx); n != 0 {
		t.Fatalf("%d cases after a refused merge", n)
	}
}
