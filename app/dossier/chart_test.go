package dossier_test

import (
	"fmt"
	"math/rand"
	"testing"

	"bollard/app"
	"bollard/app/demo"
	"bollard/app/dossier"
	"bollard/model"
)

// TestChartLabelsNeverHide: on the relationship chart no label lies
// under a node or another label, and every one is inside the frame, on
// the demo's charts and on a crowded one.
func TestChartLabelsNeverHide(t *testing.T) {
	w, err := app.Open(ctx, t.TempDir()+"/demo.db")
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := demo.Fill(ctx, w, demo.Options{Cases: 12, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	cases, err := w.Cases(ctx, model.CaseFilter{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	charts := 0
	for _, c := range cases {
		f, err := w.CaseFile(ctx, c.Ref)
		if err != nil {
			t.Fatal(err)
		}
		for _, lang := range []model.Language{model.English, model.French} {
			l := dossier.LayOutChart(f, lang)
			if l.NodeCount == 0 {
				continue
			}
			charts++
			t.Run(c.Ref+" "+string(lang), func(t *testing.T) {
				checkChart(t, l)
				if l.Names != l.NodeCount || l.Words != l.EdgeCount {
					t.Errorf("%d of %d names and %d of %d relation words placed on a demo chart", l.Names, l.NodeCount, l.Words, l.EdgeCount)
				}
			})
		}
	}
	if charts == 0 {
		t.Fatal("no demo case has a chart")
	}

	t.Run("crowded", func(t *testing.T) {
		f := crowdedCase(t, 60, 140)
		for _, lang := range model.Languages {
			l := dossier.LayOutChart(f, lang)
			checkChart(t, l)
			t.Logf("%s: %d of %d names, %d of %d relation words placed", lang, l.Names, l.NodeCount, l.Words, l.EdgeCount)
			if l.Names < l.NodeCount*9/10 {
				t.Errorf("%s: only %d of %d names placed", lang, l.Names, l.NodeCount)
			}
		}
	})
}

// checkChart fails the test for any label under a node or another label,
// or outside the frame.
func checkChart(t *testing.T, l dossier.ChartLayout) {
	t.Helper()
	overlap := func(a, b [4]float64) bool {
		return a[0] < b[0]+b[2] && b[0] < a[0]+a[2] && a[1] < b[1]+b[3] && b[1] < a[1]+a[3]
	}
	for i, a := range l.Labels {
		if a[0] < 0 || a[1] < 0 || a[0]+a[2] > l.Width || a[1]+a[3] > l.Height {
			t.Errorf("label %d %v is outside the frame %.0f×%.0f", i, a, l.Width, l.Height)
		}
		for j, n := range l.Nodes {
			if overlap(a, n) {
				t.Errorf("label %d %v lies over node %d %v", i, a, j, n)
			}
		}
		for j, b := range l.Labels[i+1:] {
			if overlap(a, b) {
				t.Errorf("labels %d %v and %d %v overlap", i, a, i+1+j, b)
			}
		}
	}
}

// crowdedCase is a case of n entities with long names tied by m
// relations, half of them to a few hubs, in a fixed random pattern.
func crowdedCase(t *testing.T, n, m int) app.CaseFile {
	t.Helper()
	w := mustOpen(t)
	f := mustCaseFile(t, w, 1)
	kinds := model.EntityKinds
	for i := range n {
		e := model.Entity{Record: model.Record{ID: fmt.Sprintf("crowd-%03d", i)}, Kind: kinds[i%len(kinds)],
			Name: fmt.Sprintf("Transportes y Logística Hermanos %03d del Sur, S.L.", i)}
		f.Entities = append(f.Entities, model.CaseEntity{Entity: e, Link: model.CaseLink{EntityID: e.ID, Role: model.RoleSuspect}})
	}
	rng := rand.New(rand.NewSource(15))
	rels := []model.RelationType{model.RelDirects, model.RelAssociate}
	for i := range m {
		from := rng.Intn(n)
		to := rng.Intn(n)
		if i%2 == 0 {
			to = rng.Intn(4)
		}
		if from == to {
			continue
		}
		f.Relations = append(f.Relations, model.Relation{Record: model.Record{ID: fmt.Sprintf("rel-%03d", i)},
			FromID: fmt.Sprintf("crowd-%03d", from), ToID: fmt.Sprintf("crowd-%03d", to), Type: rels[i%2]})
	}
	return f
}
