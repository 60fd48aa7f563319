package app_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"bollard/app"
	"bollard/model"
)

// The history and verify name a record with the one label of its kind:
// the workspace's trail and verify with its case, a case's own history
// without it; entities by kind and name wherever they are pointed at.
func TestHistoryAndVerifyNameRecordsAlike(t *testing.T) {
	w, _, _ := aCaseWithHistory(t)
	c, err := w.Case(ctx, "ESA-2026-0001")
	if err != nil {
		t.Fatal(err)
	}
	w.Now = func() time.Time { return time.Date(2026, 11, 28, 16, 0, 0, 0, time.UTC) } // the task moves the case's last change
	jorge, err := w.CreateEntity(ctx, model.Entity{Kind: model.KindPerson, Name: "Jorge Muñoz"})
	if err != nil {
		t.Fatal(err)
	}
	trading, err := w.CreateEntity(ctx, model.Entity{Kind: model.KindOrganisation, Name: "Muñoz Trading SL"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.LinkEntity(ctx, model.CaseLink{CaseID: c.ID, EntityID: jorge.ID, Role: model.RoleConsignee}); err != nil {
		t.Fatal(err)
	}
	r, err := w.AddRelation(ctx, model.Relation{FromID: jorge.ID, ToID: trading.ID, Type: model.RelDirects})
	if err != nil {
		t.Fatal(err)
	}
	task, err := w.AddTask(ctx, model.Task{CaseID: c.ID, Kind: model.TaskTodo, Title: "Request bank records", Status: model.TaskOpen})
	if err != nil {
		t.Fatal(err)
	}
	relation := "relation person Jorge Muñoz directs organisation Muñoz Trading SL"

	texts := func(lines []app.HistoryLine, err error) []string {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, l := range lines {
			out = append(out, l.Text)
		}
		return out
	}
	trail := texts(w.AuditTrail(ctx))
	for _, want := range []string{
		"M. Torres added seizure ESA-2026-0001/SZ-0001",
		"M. Torres added task “Request bank records” of ESA-2026-0001",
		"M. Torres added " + relation,
		"M. Torres linked person Jorge Muñoz to the case as consignee",
	} {
		if !slices.Contains(trail, want) {
			t.Errorf("the audit trail does not say %q:\n%s", want, strings.Join(trail, "\n"))
		}
	}
	history := texts(w.CaseHistory(ctx, c.Ref))
	if !slices.Contains(history, "M. Torres added task “Request bank records”") {
		t.Errorf("the case's history names the task with its case, or not at all:\n%s", strings.Join(history, "\n"))
	}

	tamper(t, w, `UPDATE relations SET note = 'met in Tangier' WHERE id = '`+r.ID+`'`,
		`UPDATE tasks SET title = 'Nothing to see' WHERE id = '`+task.ID+`'`,
		`UPDATE cases SET title = 'Apples' WHERE id = '`+c.ID+`'`)
	v := mustVerify(t, w, nil)
	for _, want := range []string{relation + " differs from its last audit entry",
		"task “Request bank records” of ESA-2026-0001 differs from its last audit entry",
		// The case's last change moved with each record added to it, without
		// an entry of its own: not a change outside Bollard.
		`case ESA-2026-0001 differs from its last audit entry (1): it was changed outside Bollard: title "Bananas from Guayaquil" → "Apples"`} {
		found := false
		for _, p := range v.Problems {
			found = found || strings.Contains(p, want)
		}
		if !found {
			t.Errorf("verify does not say %q: %q", want, v.Problems)
		}
	}
	for _, p := range v.Problems {
		if strings.Contains(p, "updated_at") || strings.Contains(p, "updated_by") {
			t.Errorf("verify counts the case's last change as changed outside Bollard: %s", p)
		}
	}
}
