package ui

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bollard/app"
	"bollard/model"
)

// taskColumns are the columns of the Tasks & requests table; a column's
// text is of the task and whether it is overdue.
var taskColumns = []tabColumn[func(model.Task, bool) string]{
	{"Kind", 80, func(t model.Task, _ bool) string {
		if t.Kind == model.TaskAssistanceRequest {
			return "Request"
		}
		return "Task"
	}},
	{"Title", 240, func(t model.Task, _ bool) string { return t.Title }},
	{"Partner agency", 165, func(t model.Task, _ bool) string { return orDash(t.Partner) }},
	{"Legal basis", 160, func(t model.Task, _ bool) string { return orDash(t.LegalBasis) }},
	{"Status", 90, func(t model.Task, _ bool) string { return capitalize(t.Status.Label()) }},
	{"Sent", 95, func(t model.Task, _ bool) string { return orDash(t.SentOn.String()) }},
	{"Due", 180, func(t model.Task, overdue bool) string {
		if overdue {
			return t.DueOn.String() + "  OVERDUE"
		}
		return orDash(t.DueOn.String())
	}},
	{"Answered", 95, func(t model.Task, _ bool) string { return orDash(t.AnsweredOn.String()) }},
}

// tasksTab is a case's tasks and requests for assistance, soonest due
// first. A request still waiting after its due day is red from one end
// of its row to the other: a partner that has not answered is chased.
type tasksTab struct {
	store     taskStore
	win       fyne.Window
	bg        *background
	onChanged func()
	today     func() model.Date

	file app.CaseFile
	// the task selected (by ID), the table, Add and Edit
	*recordPicker[model.Task]

	count   *widget.Label
	overdue *widget.Label
	empty   *widget.Label
	content fyne.CanvasObject

	form    *taskForm // the dialog last opened, for tests
	removal removal   // the removal question last asked, for tests
}

func newTasksTab(store taskStore, win fyne.Window, bg *background, onChanged func()) *tasksTab {
	t := &tasksTab{store: store, win: win, bg: bg, onChanged: onChanged,
		today: func() model.Date { return model.DateOf(time.Now()) }}
	t.count = widget.NewLabel("")
	t.overdue = &widget.Label{Importance: widget.DangerImportance, TextStyle: fyne.TextStyle{Bold: true}}
	add := widget.NewButtonWithIcon("Add task or request…", theme.ContentAddIcon(), t.onAdd)
	add.Importance = widget.HighImportance
	edit := widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), t.onEdit)
	table := newTabTable(taskColumns, func() int { return len(t.file.Tasks) }, t.updateCell)
	t.recordPicker = newRecordPicker(table, add, edit, func() []model.Task { return t.file.Tasks },
		func(task model.Task) string { return task.ID }, func() bool { return t.file.Case.Ref != "" })
	t.remove = widget.NewButtonWithIcon("Remove…", theme.ContentRemoveIcon(), t.onRemove)
	t.empty = &widget.Label{Alignment: fyne.TextAlignCenter}
	bar := container.NewHBox(t.add, t.edit, t.remove, t.count, t.overdue)
	t.content = container.NewBorder(bar, nil, nil, nil, container.NewStack(t.table, container.NewCenter(t.empty)))
	t.setButtons()
	return t
}

func (t *tasksTab) updateCell(id widget.TableCellID, cell fyne.CanvasObject) {
	l := cell.(*widget.Label)
	if id.Row < 0 || id.Row >= len(t.file.Tasks) || id.Col < 0 || id.Col >= len(taskColumns) {
		l.SetText("")
		return
	}
	task := t.file.Tasks[id.Row]
	overdue := task.Overdue(t.today())
	if overdue {
		l.Importance = widget.DangerImportance
		l.TextStyle = fyne.TextStyle{Bold: id.Col == 6}
	} else {
		l.Importance = widget.MediumImportance
		l.TextStyle = fyne.TextStyle{}
	}
	l.SetText(taskColumns[id.Col].text(task, overdue))
}

// showLoading empties the tab while a new case is read, or after it
// could not be, saying status in place of the count.
func (t *tasksTab) showLoading(status string) {
	t.file = app.CaseFile{}
	t.count.SetText(status)
	t.overdue.SetText("")
	t.empty.SetText("")
	t.clear()
}

// show fills the table with the case's tasks, keeping the one selected.
func (t *tasksTab) show(f app.CaseFile) {
	if f.Case.Ref != t.file.Case.Ref {
		t.selected = ""
	}
	t.file = f
	t.count.SetText(tasksCount(len(f.Tasks)) + ", soonest due first")
	if n := t.overdueCount(); n > 0 {
		t.overdue.SetText(fmt.Sprintf("%d overdue", n))
	} else {
		t.overdue.SetText("")
	}
	sayEmpty(t.empty, len(f.Tasks), "No tasks or requests yet.\nRecord one with “Add task or request…”.")
	t.reselect(1)
}

// overdueCount is how many tasks are still waiting after their due day.
func (t *tasksTab) overdueCount() int {
	n := 0
	for _, task := range t.file.Tasks {
		if task.Overdue(t.today()) {
			n++
		}
	}
	return n
}

// task is the task selected, if any.
func (t *tasksTab) task() (model.Task, bool) { return t.current() }

func (t *tasksTab) onAdd() { t.openForm(model.Task{}) }

func (t *tasksTab) onEdit() {
	if task, ok := t.task(); ok {
		t.openForm(task)
	}
}

// onRemove asks, then removes the task selected from the case.
func (t *tasksTab) onRemove() {
	task, ok := t.task()
	if !ok {
		return
	}
	what := "task"
	if task.Kind == model.TaskAssistanceRequest {
		what = "request"
	}
	t.removal = askRemoval(t.win, t.bg, "Remove the "+what+"?",
		"Remove the "+what+" “"+task.Title+"” from "+t.file.Case.Ref+"?\n"+
			"One that was done or answered is better marked so: removal says it never should have been recorded.\n"+reachesPartners,
		"Remove", "remove the "+what+" “"+task.Title+"”",
		func(ctx context.Context) error { return t.store.RemoveTask(ctx, task.ID) }, t.onChanged)
}

func (t *tasksTab) openForm(task model.Task) {
	t.form = newTaskForm(t.store, t.win, t.bg, t.file, task, func(saved model.Task) {
		t.selected = saved.ID
		t.onChanged()
	})
	t.form.show()
}

// tasksCount is "1 task or request", "4 tasks and requests".
func tasksCount(n int) string {
	if n == 1 {
		return "1 task or request"
	}
	return fmt.Sprintf("%d tasks and requests", n)
}
