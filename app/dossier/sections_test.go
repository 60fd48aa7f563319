package dossier_test

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"bollard/app"
	"bollard/app/demo"
	"bollard/app/dossier"
	"bollard/model"
)

// layoutPages is each page's text as pdftotext -layout reads it: the
// columns of a row on one line.
func layoutPages(t *testing.T, path string) []string {
	t.Helper()
	ps := strings.Split(tool(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-"), "\f")
	if len(ps) > 0 && strings.TrimSpace(ps[len(ps)-1]) == "" {
		ps = ps[:len(ps)-1]
	}
	return ps
}

var contentsLine = regexp.MustCompile(`^(\S.*?)\s{2,}(\d+)$`)

// listed is the contents page's sections and the pages they start on, in order.
func listed(contents string) (titles []string, starts []int) {
	for _, line := range strings.Split(contents, "\n") {
		if m := contentsLine.FindStringSubmatch(strings.TrimSpace(line)); m != nil {
			n, _ := strconv.Atoi(m[2])
			titles, starts = append(titles, m[1]), append(starts, n)
		}
	}
	return titles, starts
}

// summaryCount is the figure the counts table of the summary page gives
// for the row labelled label, -1 if there is no such row.
func summaryCount(summary, label string) int {
	m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(label) + `\s+([\d,]+)\s*$`).FindStringSubmatch(summary)
	if m == nil {
		return -1
	}
	n, _ := strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
	return n
}

var timelineRow = regexp.MustCompile(`(?m)^\d{2} [A-Z][a-z]{2} \d{4}`)

// TestTimelineMatchesTheTimelineTab: the dossier's timeline prints one row per
// entry of app.CaseTimeline (events, seizures and custody events, as the
// window's Timeline tab lists them), and the summary counts as many.
func TestTimelineMatchesTheTimelineTab(t *testing.T) {
	w, err := app.Open(ctx, t.TempDir()+"/demo.db")
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
	custody := 0
	for _, c := range cases {
		f, err := w.CaseFile(ctx, c.Ref)
		if err != nil {
			t.Fatal(err)
		}
		entries := app.CaseTimeline(f)
		for _, e := range entries {
			if e.Kind == app.TimelineCustody {
				custody++
			}
		}
		t.Run(c.Ref, func(t *testing.T) {
			ps := layoutPages(t, render(t, f, dossier.Options{Language: model.English}))
			titles, starts := listed(ps[1])
			if got := summaryCount(ps[starts[0]-1], "Timeline"); got != len(entries) {
				t.Errorf("the summary counts %d timeline entries, the case has %d", got, len(entries))
			}
			rows := 0
			for i, title := range titles {
				if title != "Timeline" {
					continue
				}
				end := len(ps)
				if i+1 < len(starts) {
					end = starts[i+1] - 1
				}
				for _, p := range ps[starts[i]-1 : end] {
					rows += len(timelineRow.FindAllString(p, -1))
				}
			}
			if rows != len(entries) {
				t.Errorf("the dossier's timeline prints %d rows, the case's timeline has %d entries", rows, len(entries))
			}
		})
	}
	if custody == 0 {
		t.Fatal("no demo case has custody events")
	}
}

// TestNoEmptySection: a section with nothing to print is left out of the
// dossier and of its contents, and the counts table, titled for what it
// is, gives what each section prints.
func TestNoEmptySection(t *testing.T) {
	w := mustOpen(t)
	f := mustCaseFile(t, w, 2)
	f.Tasks, f.Notes, f.Relations = nil, nil, nil
	for _, tc := range []struct {
		lang                               model.Language
		counts, contents, relations, tasks string
		notes, photos, evidence            string
	}{
		{model.English, "In this dossier", "Contents", "Relationship chart", "Tasks and assistance requests", "Notes", "Photographs", "Evidence register"},
		{model.Spanish, "En este expediente", "Índice", "Gráfico de relaciones", "Tareas y solicitudes de asistencia", "Notas", "Fotografías", "Registro de pruebas"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			ps := layoutPages(t, render(t, f, dossier.Options{Language: tc.lang}))
			titles, starts := listed(ps[1])
			all := strings.Join(ps, "\n")
			// None is named, not even in the counts table ("Notes" heads a
			// column of the entities, though).
			for _, gone := range []string{tc.relations, tc.tasks, tc.notes, tc.photos, tc.evidence} {
				if n := strings.Count(all, gone); (n > 0 && gone != tc.notes) || slices.Contains(titles, gone) {
					t.Errorf("%q is printed %d times, with nothing in it; contents %q", gone, n, titles)
				}
			}
			if len(titles) != 5 || starts[0] != 3 { // summary, timeline, seizures, entities, annex
				t.Errorf("the contents list %q on pages %v", titles, starts)
			}
			summary := ps[starts[0]-1]
			if !strings.Contains(summary, tc.counts) || strings.Contains(summary, tc.contents) && !strings.Contains(summary, "· "+tc.contents) {
				t.Errorf("the counts table is not headed %q:\n%s", tc.counts, summary)
			}
		})
	}
	t.Run("counts equal what the sections print", func(t *testing.T) {
		ps := layoutPages(t, render(t, f, dossier.Options{}))
		_, starts := listed(ps[1])
		summary := ps[starts[0]-1]
		// -1: no row, for a section left out.
		for label, want := range map[string]int{
			"Seizures": len(f.Seizures), "Persons, organisations and other entities": 4, "Relations": -1,
			"Timeline": len(app.CaseTimeline(f)), "Evidence register": -1, "Photographs": -1, "Tasks and assistance requests": -1, "Notes": -1,
		} {
			if got := summaryCount(summary, label); got != want {
				t.Errorf("the summary counts %d %s, want %d", got, label, want)
			}
		}
	})
}
