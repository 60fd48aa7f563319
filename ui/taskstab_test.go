package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"bollard/model"
)

func TestOverdueRequestStandsOut(t *testing.T) {
	m, v := openCaseView(t, "Tasks & requests")
	ws := m.own.ws
	today := model.DateOf(time.Now())
	lastWeek := model.DateOf(time.Now().AddDate(0, 0, -7))
	nextWeek := model.DateOf(time.Now().AddDate(0, 0, 7))
	for _, task := range []model.Task{
		{Kind: model.TaskAssistanceRequest, Title: "Company records of the consignee", Partner: "HMRC (UK)",
			LegalBasis: "EU–UK TCA", Status: model.TaskSent, SentOn: model.DateOf(time.Now().AddDate(0, 0, -30)), DueOn: lastWeek},
		{Kind: model.TaskAssistanceRequest, Title: "Vessel movements", Partner: "US CBP", Status: model.TaskSent, SentOn: today, DueOn: nextWeek},
		{Kind: model.TaskAssistanceRequest, Title: "Answered late", Partner: "DIAN (CO)", Status: model.TaskAnswered, DueOn: lastWeek, AnsweredOn: today},
	} {
		task.CaseID = v.file.Case.ID
		if _, err := ws.AddTask(context.Background(), task); err != nil {
			t.Fatal(err)
		}
	}
	v.reload()
	m.bg.wait()
	tab := v.tasks
	if tab.overdue.Text != "1 overdue" {
		t.Errorf("overdue count = %q, want 1 overdue", tab.overdue.Text)
	}
	row := -1
	for i, task := range tab.file.Tasks {
		if task.Title == "Company records of the consignee" {
			row = i
		}
	}
	cell := &widget.Label{}
	for r := range tab.file.Tasks {
		tab.updateCell(widget.TableCellID{Row: r, Col: 1}, cell)
		if red := cell.Importance == widget.DangerImportance; red != (r == row) {
			t.Errorf("row %d (%s): red = %v", r, cell.Text, red)
		}
	}
	markup := test.RenderToMarkup(m.win.Canvas())
	for _, want := range []string{lastWeek.String() + "  OVERDUE", "HMRC (UK)", "EU–UK TCA", "1 overdue"} {
		if !strings.Contains(markup, want) {
			t.Errorf("the Tasks tab does not show %q", want)
		}
	}
}

func TestAddAndAnswerRequest(t *testing.T) {
	m, v := openCaseView(t, "Tasks & requests")
	tab := v.tasks
	test.Tap(tab.add)
	f := tab.form
	f.kind.SetSelected(taskKindChoices.label(model.TaskAssistanceRequest))
	test.Type(f.title, "Bank statements of Frutas del Sur SL")
	if msg := f.errs.message("partner agency"); msg != "" || !f.guard.save.Disabled() {
		t.Errorf("before the partner is typed: message %q, save disabled %v", msg, f.guard.save.Disabled())
	}
	if !strings.Contains(f.guard.hint.Text, "partner agency") {
		t.Errorf("the hint does not name the partner agency: %q", f.guard.hint.Text)
	}
	test.Type(f.partner, "Guardia di Finanza (IT)")
	f.legalBasis.SetText("Naples II Convention (EU customs cooperation)")
	f.status.SetSelected("Sent")
	f.sentOn.entry.SetText(time.Now().AddDate(0, 0, -3).Format("02/01/2006"))
	f.dueOn.entry.SetText("tomorrow")
	if msg := f.errs.message("due on"); !strings.Contains(msg, "should be a date") {
		t.Errorf("due on message = %q", msg)
	}
	f.dueOn.entry.SetText(time.Now().AddDate(0, 0, 10).Format(time.DateOnly))
	test.Tap(f.guard.save)
	m.bg.wait()
	if len(tab.file.Tasks) != 1 {
		t.Fatalf("%d tasks, want 1", len(tab.file.Tasks))
	}
	got := tab.file.Tasks[0]
	if got.Partner != "Guardia di Finanza (IT)" || got.Status != model.TaskSent || got.SentOn.IsZero() || got.DueOn.IsZero() {
		t.Errorf("saved task = %+v", got)
	}

	// The answer comes: edit the request.
	test.Tap(tab.edit)
	f = tab.form
	f.status.SetSelected("Answered")
	f.answeredOn.entry.SetText(time.Now().Format(time.DateOnly))
	test.Tap(f.guard.save)
	m.bg.wait()
	if got := tab.file.Tasks[0]; got.Status != model.TaskAnswered || got.AnsweredOn != model.DateOf(time.Now()) {
		t.Errorf("after the answer: %+v", got)
	}
}
