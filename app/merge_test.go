package app_test

import (
	"strings"
	"testing"

	"bollard/app"
	"bollard/model"
)

// A bundle with a record the model refuses is refused whole, naming the
// record as the history and verify name it (model.Label): a case or
// exhibit by its ref, an entity by its kind and name, a task or an event
// by its title.
func TestMergeNamesTheRecordItRefuses(t *testing.T) {
	w := mustOpen(t)
	id := model.NewID()
	for _, tc := range []struct {
		name string
		r    model.Recorded
		want string
	}{
		{"case by its ref", &model.Case{Record: model.Record{ID: id}, Ref: "PT-2026-0004"}, "case PT-2026-0004: "},
		{"entity by its name", &model.Entity{Record: model.Record{ID: id}, Name: "MV Northern Star", Kind: "starship"},
			"starship MV Northern Star: "},
		{"exhibit by its ref", &model.EvidenceItem{Record: model.Record{ID: id}, ExhibitRef: "PT-2026-0004/EX-001"},
			"exhibit PT-2026-0004/EX-001: "},
		{"task by its title", &model.Task{Record: model.Record{ID: id}, Title: "Ask the carrier for the manifest"},
			"task “Ask the carrier for the manifest”: "},
		{"timeline event by its title", &model.TimelineEvent{Record: model.Record{ID: id}, Title: "Vessel boarded"},
			"timeline event “Vessel boarded”: "},
		{"attachment on its own", &model.Attachment{ID: id, Name: "scan.jpg"}, "attachment records of their own"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			head, _ := w.AuditHead(ctx)
			_, err := w.Merge(ctx, app.Bundle{Records: []model.Recorded{tc.r}}, app.MergeOptions{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("merge: %v, want an error naming %q", err, tc.want)
			}
			if after, _ := w.AuditHead(ctx); after.Seq != head.Seq {
				t.Fatal("a refused merge changed the workspace")
			}
		})
	}
}
